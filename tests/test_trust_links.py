"""Links and HTML: nothing a text of milestones.yaml holds can put a live script, or a request to
another host, in a published page.

The sweep puts each hostile payload in each of a representative set of fields: every case is
either refused at validation with a located problem, or builds to pages that a real HTML parser
finds clean (no <script>, no on… attribute, only allowed schemes, no image from another host, no
style attribute loading a URL). Then the sanitiser alone, with validation bypassed, on the same
payloads; then the shape the templates must keep.
"""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from helpers import REPO, PageAudit, copy_example, run_pressgen
from pressgen.errors import PressgenError
from pressgen.pipeline import load_project, render_project
from pressgen.project.layout import Layout
from pressgen.render.release import MARKDOWN_EXTENSIONS
from pressgen.render.sanitize import sanitize_page

# -- what a page may hold, read with the standard library's HTML parser ------------------------
SCHEMES = {"https", "http", "mailto", "tel"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_URL_ENDS = "".join(chr(c) for c in range(0x21))


def _scheme(url: str) -> str | None:
    """The scheme a browser would see (entities are already read by the parser)."""
    seen = url.strip(_URL_ENDS).replace("\t", "").replace("\n", "").replace("\r", "").lower()
    found = _SCHEME.match(seen)
    return found.group(1) if found else None


class StrictPageAudit(PageAudit):
    """Everything in a page that could run code or fetch from elsewhere."""

    DANGEROUS = {"script", "iframe", "object", "embed", "form", "base", "frame", "frameset", "applet", "svg", "math"}

    def __init__(self) -> None:
        super().__init__()
        self.styles = 0

    def audit_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.DANGEROUS:
            self.findings.append(f"<{tag}>")
        self.styles += tag == "style"
        if self.styles > 1:  # the templates write one, in the head
            self.findings.append("a second <style>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"{tag}[{name}]")
            if name == "style" and "url(" in value.lower():
                self.findings.append(f"{tag}[style] loads a URL")
            if name in ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"):
                scheme = _scheme(value)
                if scheme is not None and scheme not in SCHEMES:
                    self.findings.append(f"{tag}[{name}] scheme {scheme}:")
                if name != "href" and (scheme is not None or value.strip(_URL_ENDS).startswith(("/", "\\"))):
                    self.findings.append(f"{tag}[{name}] loads {value!r} from elsewhere")
                if name == "href" and value.strip(_URL_ENDS).startswith(("//", "\\", "/\\")):
                    self.findings.append(f"{tag}[{name}] leads to {value!r}")
            if tag == "meta" and name == "http-equiv":
                self.findings.append("meta[http-equiv]")
            if tag == "link" and name == "rel" and value not in ("alternate", "canonical"):
                self.findings.append(f"link[rel={value}]")

    handle_startendtag = PageAudit.handle_starttag


def page_findings(page: str) -> list[str]:
    audit = StrictPageAudit()
    audit.feed(page)
    audit.close()
    return audit.findings


# -- payloads ----------------------------------------------------------------------------------
# Markdown that must be refused in every text field (and is no web address either).
HOSTILE = [
    # javascript: in every spelling a browser still reads as javascript:
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](jav&#97;script:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](java%09script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](java\nscript:alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](java&NewLine;script:alert(1))",
    "[x](\x00javascript:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](&#14;javascript:alert(1))",
    "[x](   javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](javascript:alert(1) \"title\")",
    # by reference, as autolinks
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[r]\n\n[r]: jav&#x61;script:alert(1)",
    "[x][]\n\n[x]:\n  javascript:alert(1)",
    "- [r]: javascript:alert(1)\n\n[r]",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,alert(1)>",
    # other schemes
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](ftp://evil.example/x)",
    # links to another site that do not say how, relative links
    "[x](//evil.example/x)",
    "[x](/\\evil.example/x)",
    "[x](\\\\evil.example\\x)",
    "[x](https:\\\\evil.example)",
    "[x](page.html)",
    # images from elsewhere, in every spelling
    "![x](https://evil.example/p.png)",
    "![x](HTTPS://evil.example/p.png)",
    "![x](http://evil.example/p.png)",
    "![x](//evil.example/p.png)",
    "![x](/\\evil.example/p.png)",
    "![x](\\\\evil.example/p.png)",
    "![x]( https://evil.example/p.png)",
    "![x](<https://evil.example/p.png>)",
    "![x](&#104;ttps://evil.example/p.png)",
    "![x](%2F%2Fevil.example/p.png)",
    "![x](/etc/passwd)",
    "![x](../../secret.png)",
    "![x](javascript:alert(1))",
    "![x][r]\n\n[r]: https://evil.example/p.png",
    "![r]\n\n[r]: https://evil.example/p.png",
    "![x] [r]\n\n[r]: https://evil.example/p.png",
    # attribute lists on links, images, paragraphs, headings, emphasis
    "[x](https://example.org){onclick=alert(1)}",
    "[x](https://example.org){: onclick=\"alert(1)\"}",
    "![x](bravo-paris.svg){onerror=alert(1)}",
    "para\n{: onclick=alert(1)}",
    "para\n{onclick=alert(1)}",
    "Heading {#x onclick=alert(1)}",
    "*x*{style=\"background:url(https://evil.example/p.png)\"}",
    "x {: .class}",
    "*x*{{ 7*7 }}",
    # HTML
    "<svg onload=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<p style=\"background:url(https://evil.example/p.png)\">x</p>",
    "<!--><script>alert(1)</script>-->",
    "<form action=\"https://evil.example\"><button>x</button></form>",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    # texts that break out of the template's Markdown around them
    "x](javascript:alert(1)) [y",
    "x](https://evil.example/p.png) ![y",
    "x] [r",
    "https://twitter.com/Paris){onclick=alert(1)}",
    "https://twitter.com/Paris) ![x](https://evil.example/p.png",
    "https://twitter.com/Paris \"t\"){onclick=alert(1)}",
]
# Harmless as text, refused as an address (links[].url).
BAD_ADDRESSES = [
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JavaScript:alert(1)",
    "jav&#x61;script:alert(1)",
    "data:text/html,alert(1)",
    "//evil.example/x",
    "https://twitter.com/Paris>",
    "https://twitter.com/Paris a",
    "https://twitter.com/[x]",
]
# Accepted in every text field, and safe.
BENIGN = [
    "[a link](https://example.org/page?a=1&b=2)",
    "<https://example.org>",
    "<HTTPS://example.org>",
    "[mail](mailto:presse@example.org) or [phone](tel:+33123456789)",
    "[top](#top)",
    "[Paris](https://fr.wikipedia.org/wiki/Paris_(homonymie))",
    "a < b & c > d",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "an escaped \\] bracket",
    "Il a dit {{ 7*7 }} et {% include 'milestones.yaml' %} hier.",
]
assert len(HOSTILE) >= 54

# The fields, as a place in the YAML data and the key path pressgen names it by.
FIELDS: dict[str, tuple[Any, ...]] = {
    "quote text": ("milestones", 0, "quotes", 0, "text", "fr"),
    "quote role": ("milestones", 0, "quotes", 0, "role", "en"),
    "speaker": ("milestones", 0, "quotes", 0, "speaker"),
    "headline": ("milestones", 0, "headline", "fr"),
    "record": ("milestones", 0, "record", "en"),
    "highlight": ("milestones", 0, "highlights", 0, "fr"),
    "about": ("defaults", "about", "en"),
    "link label": ("milestones", 0, "links", 0, "label", "fr"),
    "link url": ("milestones", 0, "links", 0, "url"),
    "caption": ("milestones", 0, "image", "caption", "en"),
    "alt": ("milestones", 0, "image", "alt", "fr"),
    "credit": ("milestones", 0, "image", "credit"),
    "contact name": ("defaults", "contacts", 0, "name"),
    "contact role": ("defaults", "contacts", 0, "role", "fr"),
    "peer name": ("milestones", 0, "peers", 0, "name", "fr"),
    "first post": ("defaults", "account", "first_post", "text"),
    "network": ("defaults", "account", "network"),
    "platform": ("milestones", 0, "platforms", 0, "network"),
    "organisation": ("defaults", "organisation", "name", "en"),
    "city": ("defaults", "city", "fr"),
}
TEXT_FIELDS = tuple(name for name in FIELDS if name != "link url")
MILESTONE = "paris-2-millions"


def key_path(place: tuple[Any, ...]) -> str:
    steps = [MILESTONE] if place[:2] == ("milestones", 0) else [place[0]]
    rest = place[2:] if place[:2] == ("milestones", 0) else place[1:]
    path = ".".join(steps)
    for step in rest:
        path += f"[{step}]" if isinstance(step, int) else f".{step}"
    return path


@pytest.fixture(scope="module")
def sweep_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's templates and images, for one milestone that has every field of the sweep."""
    return copy_example(tmp_path_factory.mktemp("sweep"))


@pytest.fixture(scope="module")
def sweep_data() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "milestones.yaml").read_text(encoding="utf-8"))
    milestone = data["milestones"][0]
    assert milestone["id"] == MILESTONE
    milestone["peers"] = [{"name": {"fr": "Londres", "en": "London"}, "count": 15_300}]
    data["milestones"] = [milestone]
    return data


MARKER = "PAYLOAD_HERE"


def with_marker(data: dict[str, Any], fields: tuple[str, ...]) -> str:
    """The YAML of ``data`` with :data:`MARKER` in each of ``fields``, where a payload goes."""
    changed = copy.deepcopy(data)
    for field in fields:
        place = FIELDS[field]
        target = changed
        for step in place[:-1]:
            target = target[step]
        target[place[-1]] = MARKER
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False, width=1000)
    assert text.count(MARKER) == len(fields)
    return text


def with_payload(source: str, payload: str) -> str:
    """``source`` with the payload in place of the markers, as a YAML double-quoted scalar:
    JSON's escapes are YAML's, so NUL, tabs and newlines arrive as written."""
    return source.replace(MARKER, json.dumps(payload))


def outcome(root: Path, source: str) -> tuple[list, dict[str, bytes]]:
    """(problems, {}) when validation refuses the file, else ([], every rendered file)."""
    (root / "milestones.yaml").write_text(source, encoding="utf-8")
    layout = Layout(root)
    try:
        project = load_project(layout)
    except PressgenError as error:
        return error.problems, {}
    return [], render_project(layout, project).files


@pytest.fixture(scope="module")
def sweep(sweep_root: Path, sweep_data: dict[str, Any]):
    """The outcome of a payload put in some fields at once: pressgen checks each value on its
    own and reports every problem, so one file answers for each (payload, field) case."""
    sources: dict[tuple[str, ...], str] = {}

    def run(payload: str, fields: tuple[str, ...]) -> tuple[list, dict[str, bytes]]:
        if fields not in sources:
            sources[fields] = with_marker(sweep_data, fields)
        return outcome(sweep_root, with_payload(sources[fields], payload))

    return run


def assert_located(problems: list, field: str) -> None:
    wanted = key_path(FIELDS[field])
    ours = [p for p in problems if p.key_path == wanted]
    assert ours, f"no problem at {wanted}: {[p.format() for p in problems]}"
    for problem in ours:
        assert problem.file == "milestones.yaml" and problem.line > 0 and problem.column > 0
        assert problem.message and problem.hint and problem.source_line
        assert problem.format().startswith(f"milestones.yaml:{problem.line}:{problem.column}: error: {wanted}: ")


def assert_pages_clean(files: dict[str, bytes]) -> None:
    pages = {name: body.decode("utf-8") for name, body in files.items() if name.endswith(".html")}
    assert len(pages) == 4  # two languages and the newsroom in each
    for name, page in pages.items():
        assert page_findings(page) == [], name


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_text_is_refused_in_every_field(sweep, payload: str) -> None:
    """Each (payload, field) case: refused at the field, with its place, its key path and a hint."""
    problems, _ = sweep(payload, TEXT_FIELDS)
    failures = {}
    for field in TEXT_FIELDS:
        try:
            assert_located(problems, field)
        except AssertionError as failure:
            failures[field] = str(failure)
    assert failures == {}


@pytest.mark.parametrize("payload", HOSTILE + BAD_ADDRESSES)
def test_a_hostile_address_is_refused_where_it_is(sweep, payload: str) -> None:
    problems, _ = sweep(payload, ("link url",))
    assert_located(problems, "link url")


@pytest.mark.parametrize("payload", BENIGN + BAD_ADDRESSES)
def test_a_harmless_text_builds_to_clean_pages(sweep, payload: str) -> None:
    """Accepted in every text field at once (links and definitions of one text meeting another's)."""
    problems, files = sweep(payload, TEXT_FIELDS)
    assert not problems, [p.format() for p in problems]
    assert_pages_clean(files)


@pytest.mark.parametrize("url", [
    "https://example.org/a?b=1&c=2#d", "http://example.org", "https://fr.wikipedia.org/wiki/Paris_(ville)",
    "https://example.org/%28%29%7B%7D%20", "mailto:presse@example.org", "tel:+33123456789",
])
def test_a_plain_address_builds_to_clean_pages(sweep, url: str) -> None:
    problems, files = sweep(url, ("link url",))
    assert not problems, [p.format() for p in problems]
    assert_pages_clean(files)
    assert f'href="{url.replace("&", "&amp;")}"' in files[f"{MILESTONE}/en.html"].decode("utf-8")


def test_the_problem_says_where_why_and_what_to_do(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "p")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("url: https://twitter.com/Paris\n\n", "url: https://twitter.com/Paris){onclick=alert(1)}\n\n", 1)
    text = text.replace("credit: Thomas Pesquet", "credit: '[Thomas Pesquet](jav&#x61;script:alert(1))'")
    source.write_text(text, encoding="utf-8")
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 1
    lines = text.splitlines()
    url_line = next(i for i, line in enumerate(lines, 1) if "Paris){onclick" in line)
    credit_line = next(i for i, line in enumerate(lines, 1) if "credit: '[Thomas" in line)
    assert (f"milestones.yaml:{url_line}:14: error: paris-2-millions.links[0].url: the address "
            "'https://twitter.com/Paris){onclick=alert(1)}' holds '{', '}', ')', which would end the link "
            "in the release") in result.stderr
    assert "hint: percent-encode them" in result.stderr
    assert (f"milestones.yaml:{credit_line}:15: error: paris-2-millions.image.credit: a link to 'javascript:' "
            "is not allowed") in result.stderr
    assert "2 problems found; nothing was written." in result.stderr
    assert not (project / "out").exists()


def test_text_from_the_yaml_is_printed_never_run_as_a_template(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "p")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    quote = "Il a dit {{ 7*7 }} et {% include 'milestones.yaml' %} hier."
    text = text.replace("credit: Thomas Pesquet", f'credit: "{quote}"')
    source.write_text(text, encoding="utf-8")
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    for locale in ("fr", "en"):
        page = (project / "out" / MILESTONE / f"{locale}.html").read_text(encoding="utf-8")
        markdown_text = (project / "out" / MILESTONE / f"{locale}.md").read_text(encoding="utf-8")
        for written in (page, markdown_text):
            # As typed, but for the typography (« » around the name, no spaces inside {{…}}).
            assert re.search(r"\{\{ ?7\*7 ?\}\}", written) and "49" not in written
            assert re.search(r"\{% include \W{1,3}milestones\.yaml\W{1,3} %\}", written)
            assert "locales:" not in written  # the file was not included


# -- defence in depth: the sanitiser on its own --------------------------------------------------
def _page_with(body_html: str) -> str:
    page = (REPO / "out" / MILESTONE / "en.html").read_text(encoding="utf-8")
    start = page.index("<main")
    start = page.index(">", start) + 1
    return page[:start] + "\n" + body_html + page[start:]


@pytest.mark.parametrize("payload", HOSTILE + BAD_ADDRESSES + BENIGN)
def test_the_sanitiser_alone_makes_any_markdown_safe(payload: str) -> None:
    """Validation bypassed: the payload converted as Markdown, alone and inside the template's
    link and image syntax, is safe once the page is sanitised."""
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    for context in ("{}", "[{}](https://twitter.com/Paris)", "![{}](bravo-paris.svg)", "- [label]({})", "# {}"):
        body = md.reset().convert(context.replace("{}", payload))
        assert page_findings(sanitize_page(_page_with(body), "x.html")) == []


@pytest.mark.parametrize("payload", [
    "[x](jav&#x61;script:alert(1))", "[x](java\nscript:alert(1))", "![x](//evil.example/p.png)",
    "![x](HTTPS://evil.example/p.png)", "[x](https://example.org){onclick=alert(1)}", "para\n{style=\"background:url(https://e/p.png)\"}",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "![x][r]\n\n[r]: https://evil.example/p.png",
])
def test_the_audit_sees_what_it_looks_for(payload: str) -> None:
    """Without the sanitiser (and validation), these payloads do make unsafe pages."""
    body = markdown.markdown(payload, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    assert page_findings(_page_with(body)) != []


HOSTILE_HTML = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>", "<a href=\" javascript:alert(1)\">x</a>",
    "<img src=\"//evil.example/p.png\">", "<img src=\"/\\evil.example/p.png\">", "<img src=\"HTTPS://evil.example/p\">",
    "<p style=\"background:url(https://evil.example/p.png)\">p</p>", "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object>", "<form action=\"https://evil.example\"><input></form>",
    "<!--><script>alert(1)</script><!---->", "<x-foo onclick=alert(1)>t</x-foo>", "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<a/onclick=alert(1) href=\"https://example.org\">x</a>",
    "<style>body{background:url(https://evil.example/p.png)}</style>", "<p><style>@import 'https://evil.example/x.css';</style></p>",
]


@pytest.mark.parametrize("payload", HOSTILE_HTML)
def test_html_in_the_body_that_got_past_validation_is_removed(payload: str) -> None:
    page = sanitize_page(_page_with(payload), "x.html")
    assert page_findings(page) == []
    assert "evil.example" not in page


@pytest.mark.parametrize("payload", [p for p in HOSTILE_HTML if "<style" not in p])
def test_html_in_the_head_that_got_past_validation_is_removed(payload: str) -> None:
    page = (REPO / "out" / MILESTONE / "en.html").read_text(encoding="utf-8").replace("<title>", payload + "<title>", 1)
    assert page_findings(sanitize_page(page, "x.html")) == []


def test_the_example_pages_are_written_as_rendered() -> None:
    """What the templates and valid texts make needs no change: the pages keep their bytes."""
    for page in sorted((REPO / "out").rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert sanitize_page(text, page.name) == text


def test_a_template_that_writes_a_script_gets_a_page_without_it(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "p")
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "<main class", "<script>alert(1)</script><p onclick=\"alert(2)\">Hi</p>\n<main class"), encoding="utf-8")
    assert run_pressgen("build", cwd=project).returncode == 0
    page = (project / "out" / MILESTONE / "fr.html").read_text(encoding="utf-8")
    assert page_findings(page) == [] and "<p>Hi</p>" in page and "alert" not in page


@pytest.mark.parametrize(("change", "message"), [
    (("<style>", "<style>\nbody { background: url(https://evil.example/p.png); }"),
     "the page paris-1-million/fr.html has a <style> with url(: the pages load nothing from elsewhere"),
    (("<!DOCTYPE html>\n", ""), "the page paris-1-million/fr.html is not a whole HTML document"),
])
def test_a_page_whose_shell_or_style_would_load_something_is_an_error(tmp_path: Path, change, message) -> None:
    project = copy_example(tmp_path / "p")
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 1
    assert f"templates: error: {message}" in result.stderr
    assert not (project / "out").exists()


def test_every_template_element_and_attribute_is_allowed() -> None:
    """The allow-list is what the templates and the Markdown of texts write: every element and
    attribute of the example pages is on it (so a new one in a template is a decision)."""
    from pressgen.render import sanitize

    class Inventory(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: set[tuple[str, str]] = set()

        def handle_starttag(self, tag, attrs) -> None:
            self.seen.add((tag, ""))
            self.seen.update((tag, name) for name, _ in attrs)

    inventory = Inventory()
    for page in (REPO / "out").rglob("*.html"):
        inventory.feed(page.read_text(encoding="utf-8"))
    shell = {"html", "head", "body"}
    allowed_tags = sanitize.HEAD_TAGS | sanitize.BODY_TAGS | shell | {"script"}  # structured data only
    allowed = {**sanitize.BODY_ATTRIBUTES, **sanitize.HEAD_ATTRIBUTES, "html": {"lang"},
               "link": {"rel", "hreflang", "href", "type"}, "script": {"type"}}
    for tag, attribute in sorted(inventory.seen):
        assert tag in allowed_tags, tag
        assert not attribute or attribute in allowed.get(tag, set()), (tag, attribute)


def test_the_golden_pages_hold_nothing_unsafe() -> None:
    for page in sorted((REPO / "out").rglob("*.html")):
        assert page_findings(page.read_text(encoding="utf-8")) == [], page


@pytest.mark.parametrize(("text", "refused"), [
    ("[x](https://example.org/(" * 10_000, False),
    ("[x](<" * 40_000, True),
    ("[" * 100_000 + "]" * 100_000, False),
    ("a {{ " * 40_000 + "} b", False),
    ("[x]: https://example.org/ " * 10_000, False),
    ("](" * 100_000, True),
    ("[x](&#" + "0" * 200_000 + "106;avascript:alert(1))", True),
])
def test_a_text_is_read_in_one_pass_whatever_it_holds(text: str, refused: bool) -> None:
    """Texts of a few hundred kilobytes built to make a scanner go back and forth: each is read
    in time proportional to its length (a quadratic reading would take minutes here)."""
    from pressgen.model.text import Text

    assert (Text.refusal(text) is not None) == refused


def test_the_search_for_what_ends_a_link_finds_exactly_the_characters_the_walk_refuses() -> None:
    """address_refusal accepts most addresses after one search; the search must find every
    character its slower walk refuses (and nothing else)."""
    import sys

    from pressgen.model.urls import _BREAKS_OUT, _BREAKS_OUT_FOUND

    assert {chr(code) for code in range(sys.maxunicode + 1) if _BREAKS_OUT_FOUND.fullmatch(chr(code))} == _BREAKS_OUT
