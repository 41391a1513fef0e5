"""One milestone in one language: the steps from the release template to its outputs.

``templates/<locale>/release.md`` is rendered with the milestone seen from that language, then
typeset, tidied and converted to HTML; ``page.html`` wraps the HTML. The template names its
parts with ``{% set headline %}…{% endset %}`` (and ``status``, ``lead``): the page's title,
status line and description are those parts, typeset and read as plain text through Markdown,
never scraped back out of the HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
import markdown
from markdown import util as markdown_util

RELEASE_TEMPLATE = "release.md"
# A project's templates for one kind of release, or for the releases that name them
# (``template: anniversary``): each ``{% extends "release.md" %}`` and overrides some blocks.
KINDS_FOLDER = "kinds"
PAGE_TEMPLATE = "page.html"
# brackets makes link parsing linear (a headline of thousands of "[" took minutes); quick_patterns
# gives four inline patterns a form that re searches quickly (the same matches).
MARKDOWN_EXTENSIONS = ["attr_list", "sane_lists", "pressgen.render.brackets:BracketsExtension",
                       "pressgen.render.quick_patterns:QuickPatternsExtension"]
# The parts a release template names, for the index, the page's <title> and its description.
PARTS = ("status", "headline", "subhead", "lead", "end_mark")


@dataclass(frozen=True)
class Release:
    """One milestone in one language, rendered once: what every output format starts from."""

    milestone_id: str
    locale: str
    title: str  # the headline, as plain text
    markdown: str  # the review copy: typeset Markdown, one sentence per line
    status: str = ""  # the release's own status line, in its language ("Sous embargo jusqu’au …")
    description: str = ""  # its lead, as plain text
    text: str = ""  # the typeset Markdown before the sentence breaks (what the HTML comes from)
    body: str = ""  # the release as an HTML fragment
    parts: dict[str, str] = field(default_factory=dict, compare=False)  # named parts, typeset Markdown
    m: Any = field(default=None, compare=False, repr=False)  # the milestone seen from its language
    milestone: Any = field(default=None, compare=False, repr=False)  # the model's milestone


_SPACES = re.compile(r"[ \t\r\n]+")


class Converter:
    """Python-Markdown, once per language: to HTML, and to the plain text of a fragment."""

    _PLACEHOLDER = re.compile(re.escape(markdown_util.STX) + r"wzxhzdk:(\d+)" + re.escape(markdown_util.ETX))

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

    def html(self, text: str) -> str:
        return self._markdown.reset().convert(text)

    def plain(self, text: str) -> str:
        """The words of a Markdown fragment: its tree's text, inline tags left out, entities read,
        on one line (a title, a description)."""
        md = self._markdown.reset()
        lines = text.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root = md.parser.parseDocument(lines).getroot()
        for treeprocessor in md.treeprocessors:
            root = treeprocessor.run(root) or root
        stash = md.htmlStash.rawHtmlBlocks

        def restore(match: re.Match[str]) -> str:
            fragment = str(stash[int(match.group(1))])
            return html.unescape(fragment) if fragment.startswith("&") else ""

        # Blocks are joined as sentences: a dateline set on its own line (« Paris, le 11 avril
        # 2017 ») takes a full stop before the lede that follows it.
        blocks = ["".join(block.itertext()).strip() for block in root] or ["".join(root.itertext())]
        words = self._PLACEHOLDER.sub(restore, " ".join(
            b + "." if i < len(blocks) - 1 and b and b[-1] not in ".!?…:;»”’)" else b
            for i, b in enumerate(blocks)))
        # Ordinary white space only: the no-break spaces typography put in stay (an e-mail's
        # subject, a PDF's title must not break « 2 millions » either).
        return _SPACES.sub(" ", words.replace(markdown_util.AMP_SUBSTITUTE, "&")).strip()


def release_templates(milestone: Any) -> list[str]:
    """The release templates of ``milestone``, the first that exists wins: the one it names,
    else one for its figure's kind (``kinds/anniversary.md``, ``kinds/ordinal.md``), then for
    its subject's kind (``kinds/service.md`` …, ``kinds/account.md``); then the default."""
    if milestone.template:  # a language without it writes the default (project rules: one has it)
        return [f"{KINDS_FOLDER}/{milestone.template}.md", RELEASE_TEMPLATE]
    kinds = [milestone.figure.kind] if milestone.figure.kind != "count" else []
    kinds.append(milestone.subject.kind if milestone.subject else "account")
    return [f"{KINDS_FOLDER}/{kind}.md" for kind in kinds] + [RELEASE_TEMPLATE]


def render_parts(template: jinja2.Template, context: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The rendered template and the parts it named (missing ones are empty)."""
    try:
        module = template.make_module(context)
    except Exception:
        # As Template.render does: re-raise with the traceback pointing at template lines.
        template.environment.handle_exception()
    parts = {name: str(getattr(module, name, "") or "") for name in PARTS}
    return str(module), parts


def tidy_markdown(text: str) -> str:
    """One blank line between blocks and one final newline, whatever the template's spacing."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
