"""The wire text: the release as plain UTF-8 text, as wire services and copy-paste want it.

It is read from the release's own HTML (the same words, figures and typography as the page):
headings, paragraphs and list items become blocks, links are written out as ``label (URL)``,
emphasis and tags disappear. Blocks are wrapped at 72 columns on ordinary spaces only, so the
no-break spaces pressgen put between a figure and its word (« 2 millions », "8 500") hold.
``templates/<locale>/release.txt`` (or the shared ``templates/release.txt``) lays it out.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pressgen.render.formats import OutputContext, output_path
from pressgen.render.release import Release

TEXT_TEMPLATE = "release.txt"
WIDTH = 72
_BLOCKS = {"p", "h1", "h2", "h3", "li"}


@dataclass
class Block:
    kind: str  # p, h1, h2, h3, li
    words: list[str] = field(default_factory=list)
    centered: bool = False

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split(" ")).strip()


class _Reader(HTMLParser):
    """The blocks of an HTML fragment; links keep their address after their words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._block: Block | None = None
        self._link: tuple[str, int] | None = None  # href, where its words start

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in _BLOCKS:
            self._block = Block(tag, centered="end-mark" in (attributes.get("class") or "").split())
            self.blocks.append(self._block)
        elif tag == "a" and self._block is not None:
            self._link = (attributes.get("href") or "", len(self._block.words))
        elif tag == "br" and self._block is not None:
            self._block.words.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None and self._block is not None:
            href, start = self._link
            label = "".join(self._block.words[start:]).strip()
            address = href.removeprefix("mailto:")
            if href and address != label:
                self._block.words.append(f" ({href})")
            self._link = None
        elif tag in _BLOCKS:
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._block is not None:
            self._block.words.append(data.replace("\n", " "))


def blocks(body: str) -> list[Block]:
    reader = _Reader()
    reader.feed(body)
    reader.close()
    return [block for block in reader.blocks if block.text]


def wrap(block: Block) -> str:
    """One block at :data:`WIDTH` columns: list items hang under their dash, headings of a
    section are capitals (as wire copy writes them), the end mark is centred."""
    text = block.text
    if block.kind in ("h2", "h3"):
        text = text.upper()
    if block.centered:
        return text.center(WIDTH).rstrip()
    first, rest = ("- ", "  ") if block.kind == "li" else ("", "")
    return "\n".join(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                                   break_long_words=False, break_on_hyphens=False))


def plain_text(body: str) -> str:
    """The release's HTML fragment as wrapped plain text, a blank line between blocks (but not
    between the items of one list)."""
    out: list[str] = []
    previous = ""
    for block in blocks(body):
        if out and not (block.kind == "li" and previous == "li"):
            out.append("")
        out.append(wrap(block))
        previous = block.kind
    return "\n".join(out) + "\n"


def render(release: Release, context: OutputContext) -> bytes:
    text = context.template(release.locale, TEXT_TEMPLATE, m=release.m, locale=release.locale,
                            text=plain_text(release.body), parts=release.parts,
                            here=output_path("txt", release.milestone_id, release.locale))
    return (text.rstrip("\n") + "\n").encode("utf-8")
