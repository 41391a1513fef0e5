"""Python-Markdown's link and image parsing, made linear in the length of a paragraph.

Python-Markdown (3.11) finds the text of ``[text](url)``, ``![alt](src)`` and ``[text][ref]`` by
counting brackets from each ``[`` to the end of the paragraph, and the target of ``(url
"title")`` by reading on from each ``(`` until its parenthesis closes: a headline of 4,000 ``[``
took 12 s, 16,000 more than two minutes, and 5,000 ``[a](`` half a minute. Here each paragraph
is read once (:class:`_Marks`: which bracket closes which, where the quotes are) and every
``[`` or ``(`` looks its answer up. The answers are exactly Markdown's own, odd cases included,
so the output bytes do not change: ``tests/fuzz/test_brackets.py`` compares the two on
generated text.

Enabled by name in :data:`pressgen.render.release.MARKDOWN_EXTENSIONS`
(``pressgen.render.brackets:BracketsExtension``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import (
    ImageInlineProcessor,
    dequote,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)

_MARK = re.compile(r"[\[\]()'\"]")
_QUOTES = "'\""


def _pairs(positions: list[tuple[int, str]], opening: str) -> dict[int, int]:
    """Which closing mark closes each opening one, as a stack pairs them."""
    closing: dict[int, int] = {}
    open_at: list[int] = []
    for position, mark in positions:
        if mark == opening:
            open_at.append(position)
        elif open_at:
            closing[open_at.pop()] = position
    return closing


@dataclass
class _Marks:
    """One paragraph's brackets, parentheses and quotes, read once."""

    brackets: dict[int, int]  # "[" → the "]" that closes it
    parens: dict[int, int]  # "(" → the ")" that closes it
    paren_positions: list[int]  # every "(" and ")"
    opening_parens: list[int]
    quotes: list[int]  # every ' and "
    # For each quote mark: where it stands, and the ")" whose last non-space character before
    # it is that mark (offsets of the mark and of the ")"), in order.
    quote_marks: dict[str, list[int]] = field(default_factory=dict)
    quoted_closes: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)


def _marks(data: str) -> _Marks:
    found = [(m.start(), m.group()) for m in _MARK.finditer(data)]
    brackets = [(p, c) for p, c in found if c in "[]"]
    parens = [(p, c) for p, c in found if c in "()"]
    marks = _Marks(_pairs(brackets, "["), _pairs(parens, "("), [p for p, _ in parens],
                   [p for p, c in parens if c == "("], [p for p, c in found if c in _QUOTES])
    for quote in _QUOTES:
        marks.quote_marks[quote] = [p for p, c in found if c == quote]
        marks.quoted_closes[quote] = ([], [])
    for position, mark in parens:
        if mark == ")":
            before = position - 1
            while before >= 0 and data[before] == " ":  # each run of spaces is read once
                before -= 1
            if before >= 0 and data[before] in _QUOTES:
                marks.quoted_closes[data[before]][0].append(before)
                marks.quoted_closes[data[before]][1].append(position)
    return marks


def _next(positions: list[int], after: int) -> int | None:
    """The first of the sorted ``positions`` greater than ``after``."""
    i = bisect.bisect_right(positions, after)
    return positions[i] if i < len(positions) else None


@dataclass
class _Read:
    """The marks of the paragraph last read, and how they map onto the one being parsed.

    Each link Markdown finds is replaced by a placeholder: the paragraph becomes a new string
    whose end is the old one's, shifted by ``shift``. The marks read before stay true there, from
    ``valid_from`` on, which is all Markdown asks about next; so a paragraph of many links is
    read once, not once per link."""

    parsed: str  # the string Markdown passes now
    base: str  # the string the marks were read from
    marks: _Marks
    shift: int  # offset in ``parsed`` minus offset in ``base``
    valid_from: int  # in ``parsed``


class _LinearText:
    """``getText`` and ``getLink`` of Python-Markdown's link processors, from :class:`_Marks`."""

    _read: _Read | None = None

    def _marks_from(self, data: str, position: int) -> tuple[str, _Marks, int]:
        """The marks of ``data`` from ``position`` on: (their string, the marks, the shift)."""
        read = self._read
        if read is not None and read.parsed is not data and position >= 0:
            tail = len(data) - position
            if tail <= len(read.parsed) - read.valid_from and read.parsed.endswith(data[position:]):
                read = _Read(data, read.base, read.marks, read.shift + len(data) - len(read.parsed), position)
                self._read = read
        if read is None or read.parsed is not data or position < read.valid_from:
            read = self._read = _Read(data, data, _marks(data), 0, 0)
        return read.base, read.marks, read.shift

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 (Markdown's name)
        if index < 1 or data[index - 1] != "[":
            return super().getText(data, index)  # type: ignore[misc]
        base, marks, shift = self._marks_from(data, index - 1)
        end = marks.brackets.get(index - 1 - shift)
        if end is None:
            # Unclosed: every caller gives up on the match without reading the text.
            return "", len(data), False
        return base[index - shift:end], end + 1 + shift, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
        """Markdown's scan of ``(target "title")``, step for step, from the marks' tables.

        Before the first quote, parentheses nest and the link ends at the one that closes the
        first; after a quote, the link ends at the first ``)`` that follows (spaces aside) a
        quote mark seen again since it opened; failing that, Markdown falls back to the
        parenthesis that brings its count back to zero."""
        found = self.RE_LINK.match(data, pos=index)  # type: ignore[attr-defined]
        if not found or found.group(1):
            return super().getLink(data, index)  # type: ignore[misc]
        base, marks, shift = self._marks_from(data, index)
        index, start = index - shift, found.end() - shift
        close = marks.parens.get(index)
        quote_at = _next(marks.quotes, start - 1)
        title = None
        if quote_at is None or (close is not None and close < quote_at):
            if close is None:
                return "", None, len(data), False
            href, end = base[start:close], close + 1
        else:
            href, title, end = self._after_quote(base, marks, start, quote_at)
            if end is None:
                return "", None, len(data), False
        if title is not None:
            title = self.RE_TITLE_CLEAN.sub(" ", dequote(self.unescape(title.strip())))  # type: ignore[attr-defined]
        # Markdown's fallback may end at -1 (counted from the end, like the slice it takes).
        return self.unescape(href).strip(), title, end + shift if end >= 0 else end, True  # type: ignore[attr-defined]

    @staticmethod
    def _after_quote(data: str, marks: _Marks, start: int, quote_at: int) -> tuple[str, str | None, int | None]:
        quote = data[quote_at]
        other = _QUOTES.replace(quote, "")
        # The title's quote opens at quote_at; the other mark, if it comes, opens a second one.
        candidates = []
        for mark, opened in ((quote, quote_at), (other, _next(marks.quote_marks[other], quote_at))):
            if opened is None:
                continue
            mark_at, close_at = marks.quoted_closes[mark]
            i = bisect.bisect_right(mark_at, opened)
            if i < len(close_at):
                candidates.append((close_at[i], opened, mark_at[i]))
        if candidates:
            end, opened, closed = min(candidates)
            return data[start:opened], data[opened + 1:closed], end + 1
        # No title closed: the parenthesis count from before the quote, spent on the
        # parentheses after it; the link ends after the ")" that spends it (Markdown's own
        # fallback, with its -1 when a "(" spends it).
        opened = bisect.bisect_left(marks.opening_parens, quote_at) - bisect.bisect_left(marks.opening_parens, start)
        both = bisect.bisect_left(marks.paren_positions, quote_at) - bisect.bisect_left(marks.paren_positions, start)
        depth = 1 + opened - (both - opened)
        i = bisect.bisect_right(marks.paren_positions, quote_at) + depth - 1
        if i >= len(marks.paren_positions):
            return "", None, None
        spent = marks.paren_positions[i]
        last_bracket = spent + 1 if data[spent] == ")" else -1
        return data[start:last_bracket - 1], None, last_bracket


class _Link(_LinearText, LinkInlineProcessor):
    pass


class _Image(_LinearText, ImageInlineProcessor):
    pass


class _Reference(_LinearText, ReferenceInlineProcessor):
    pass


class _ImageReference(_LinearText, ImageReferenceInlineProcessor):
    pass


class _ShortReference(_LinearText, ShortReferenceInlineProcessor):
    pass


class _ShortImageReference(_LinearText, ShortImageReferenceInlineProcessor):
    pass


_REPLACEMENTS = {
    "reference": _Reference,
    "link": _Link,
    "image_link": _Image,
    "image_reference": _ImageReference,
    "short_reference": _ShortReference,
    "short_image_ref": _ShortImageReference,
}


class BracketsExtension(Extension):
    """Swaps Markdown's link processors for the linear ones, same pattern, same priority."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        patterns = md.inlinePatterns
        for name, cls in _REPLACEMENTS.items():
            if name not in patterns:
                continue
            old = patterns[name]
            priority = next(item.priority for item in patterns._priority if item.name == name)
            patterns.register(cls(old.pattern, md), name, priority)


def makeExtension(**kwargs) -> BracketsExtension:  # noqa: N802 (Markdown's entry point)
    return BracketsExtension(**kwargs)
