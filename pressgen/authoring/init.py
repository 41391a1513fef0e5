"""``pressgen init DIR``: a new project that ``pressgen build`` builds at once.

It writes a commented ``milestones.yaml`` with one generic example release (or the folder
layout: ``pressgen.yaml`` and ``releases/``), ``templates/<locale>/`` for each language from the
package's default templates (``pressgen/project/starter/``), the editor schema, a
``.gitignore``, the CI workflow and a ``CODEOWNERS`` template that routes each language to its
reviewers. It never overwrites a file: one that exists is skipped and named.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pressgen import __version__
from pressgen.project.layout import FOLDER, Layout

_STARTER = "starter"


def _texts() -> dict[str, dict]:
    """The example's texts by language: ``starter/texts/<language>.json``, one file per language
    that has default templates (``starter/templates/<language>/``)."""
    folder = resources.files("pressgen.project") / _STARTER / "texts"
    return {entry.name[: -len(".json")]: json.loads(entry.read_text(encoding="utf-8"))
            for entry in folder.iterdir() if entry.name.endswith(".json")}


class Refused(ValueError):
    """A language pressgen has no default templates for, or one it cannot write."""


@dataclass
class Created:
    """What ``init`` wrote and what it left alone, as paths relative to the project."""

    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def check_locales(locales: list[str]) -> list[tuple[str, str]]:
    """Each locale with the language of its default texts and templates; :class:`Refused` otherwise."""
    from pressgen.language.locale import locale_for

    if not locales:
        raise Refused("give at least one language, e.g. --locales fr,en")
    out = []
    for tag in locales:
        try:
            language = locale_for(tag).language
        except ValueError as error:
            raise Refused(str(error)) from None
        if language not in _texts():
            raise Refused(f"pressgen init has default templates for French and English only, not '{tag}': "
                          f"start with those and add templates/{tag}/ afterwards (docs/guide.md, 'Adding a language')")
        if any(tag == seen for seen, _ in out):
            raise Refused(f"'{tag}' is given twice")
        out.append((tag, language))
    return out


def init(folder: Path, locales: list[str], layout: str = "one-file") -> Created:
    """Write the new project into ``folder`` (created if needed), skipping what exists."""
    from pressgen.authoring.schema import schema_file_name, schema_text, FILES

    languages = check_locales(locales)
    folder.mkdir(parents=True, exist_ok=True)
    project = Layout(folder)
    files: dict[str, str | bytes] = {}
    source = example(languages, _texts())
    if layout == FOLDER:
        from pressgen.authoring.split import split_text

        settings, releases = split_text(source)
        files["pressgen.yaml"] = settings
        files.update({f"releases/{milestone_id}.yaml": text for milestone_id, text in releases})
    else:
        files["milestones.yaml"] = source
    starter = resources.files("pressgen.project") / _STARTER
    templates = starter / "templates"
    for shared in sorted(templates.iterdir(), key=lambda entry: entry.name):
        if shared.is_file():  # the templates every language shares: page shell, index, e-mail, PDF…
            files[f"templates/{shared.name}"] = shared.read_bytes()
    for tag, language in languages:  # release, page, newsroom, feed, and posts/ for each network
        for name, data in _files_under(templates / language):
            files[f"templates/{tag}/{name}"] = data
    tags = [tag for tag, _ in languages]
    for name in FILES:
        files[f"schema/{schema_file_name(name)}"] = schema_text(name, tags)
    files[".gitignore"] = (starter / "gitignore").read_bytes()
    files[".github/workflows/pressgen.yml"] = (starter / "workflow.yml").read_text(encoding="utf-8") % {
        "version": __version__}
    files[".github/CODEOWNERS"] = codeowners(languages)
    created = Created()
    other = {"milestones.yaml": ("pressgen.yaml", "releases"), "pressgen.yaml": ("milestones.yaml",)}
    for rel, content in files.items():
        path = folder / rel
        clash = [name for name in other.get(rel, ()) if (folder / name).exists()]
        if path.exists() or clash or (rel.startswith("releases/") and (folder / "milestones.yaml").exists()):
            created.skipped.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:  # never over a file, even one that appeared meanwhile
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        created.written.append(rel)
    project.template_locales()  # the layout reads as a project now
    return created


def example(languages: list[tuple[str, str]], texts: dict[str, dict]) -> str:
    """The commented ``milestones.yaml`` of a new project, in ``languages`` ((tag, language)
    pairs), with each language's ``texts``."""
    def each(key: str) -> str:
        return "{" + ", ".join(f"{tag}: {_scalar(texts[language][key])}" for tag, language in languages) + "}"

    def block(key: str, indent: int) -> str:
        pad = " " * indent
        return "".join(f"\n{pad}{tag}: >-\n" + textwrap.fill(texts[language][key], 96, initial_indent=pad + "  ",
                                                              subsequent_indent=pad + "  ", break_long_words=False,
                                                              break_on_hyphens=False)
                       for tag, language in languages)

    def noun(key: str) -> str:
        return "".join(f"\n    {tag}: {{one: {texts[language][key][0]}, other: {texts[language][key][1]}}}"
                       for tag, language in languages)

    tags = ", ".join(tag for tag, _ in languages)
    return f"""# yaml-language-server: $schema=schema/milestones.schema.json
# The releases of this newsroom: facts, figures and quotes, written once in every language.
# Edit this file, run `pressgen build`, and read the result under out/. Every text readers see
# is given in each language. `pressgen new ID` adds a release to fill in; `pressgen status`
# tells where each one stands. Replace the example's organisation, account and texts with yours.

# The languages of every release; each has its folder under templates/.
locales: [{tags}]

# Counted nouns: how each language says one and several ("1 follower", "2 followers").
nouns:
  follower:{noun("follower")}
  visitor:{noun("visitor")}

# Shared by every release unless it gives its own.
defaults:
  organisation:
    name: {each("name")}
    # How a sentence names it, with its article.
    short_name: {each("short_name")}
  # The city of the dateline.
  city: {each("city")}
  # The account whose figures the releases announce.
  account:
    network: Instagram
    handle: "@ExampleMuseum"
    url: https://www.instagram.com/ExampleMuseum/
  # The "About" paragraph at the end of every release.
  about:{block("about", 4)}
  # Replace with the press office's real details before publishing.
  contacts:
    - name: Press office
      email: press@example.org
      role: {each("press")}

# The releases. status: draft (not public), embargoed (with embargo_until, a date and time
# with its time zone) or published.
milestones:
  # An example to replace: the account passed 100,000 followers.
  - id: example-100000
    status: draft
    date: 2025-03-01
    figure: {{count: 100_000, noun: follower}}
    # A sentence on what the figure means.
    record:{block("record", 6)}
    quotes:
      - speaker: Camille Martin
        gender: feminine
        role: {each("role")}
        text:{block("quote", 10)}
    links:
      - label: {each("link")}
        url: https://www.instagram.com/ExampleMuseum/
"""


def codeowners(languages: list[tuple[str, str]]) -> str:
    """A CODEOWNERS template: each language's templates and output to its reviewers."""
    from pressgen.language.locale import locale_for

    lines = [
        "# Who must review what. GitHub asks these reviewers on every pull request that touches",
        "# their files; with \"Require review from Code Owners\" (Settings → Branches → the main",
        "# branch's rule) a pull request cannot be merged without their approval.",
        "# Replace each @your-org/… team with your own reviewers (a team or @someone).",
        "#",
        "# The texts of every language live side by side in milestones.yaml (or releases/); a",
        "# change to the French texts shows in out/*/fr.md, which routes it to the French reviewers.",
        "",
        "/milestones.yaml        @your-org/press-office",
        "/pressgen.yaml          @your-org/press-office",
        "/releases/              @your-org/press-office",
    ]
    for tag, _ in languages:
        name = locale_for(tag).english_name.lower().replace(" ", "-")
        team = f"@your-org/{name}-reviewers" + (f"-{tag.split('_')[1].lower()}" if "_" in tag else "")
        lines += ["", f"# {locale_for(tag).english_name} ({tag})",
                  f"/templates/{tag}/{' ' * max(1, 13 - len(tag))}{team}",
                  f"/out/*/{tag}.*{' ' * max(1, 15 - len(tag))}{team}"]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """``text`` as a YAML value: plain when YAML reads it back as the same text, else quoted."""
    if re.search(r"[:#{}\[\],&*!|>'\"%@`]", text) or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


def _files_under(folder, prefix: str = "") -> list[tuple[str, bytes]]:
    """Every file under a package folder, by its path inside it."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_file():
            found.append((prefix + entry.name, entry.read_bytes()))
        elif entry.is_dir():
            found += _files_under(entry, f"{prefix}{entry.name}/")
    return found
