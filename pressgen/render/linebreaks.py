"""Semantic line breaks: one sentence per line in the Markdown output.

A reviewer reads ``out/<id>/<locale>.md`` in a pull request; with one sentence per line, an
edited sentence is a one-line diff instead of a rewritten paragraph. Markdown joins the lines
of a paragraph with a space, so the page says the same thing; the HTML written to ``out/`` is
converted from the text *before* the breaks, so it stays byte-for-byte what it was.

Only prose paragraphs are touched: headings, list items, block quotes, images, tables, code
and HTML blocks are kept as they are. A sentence ends at ``.``, ``!``, ``?`` or ``…``
(possibly followed by closing quotes or brackets) followed by a space and an upper-case
letter or an opening quote. Not a sentence end:

- an abbreviation or an initial before the full stop (« M. », "Mr.", "St.", "Sept.", "J. Smith");
- anything inside a URL, an inline code span, an HTML tag or a link target (they are masked);
- a decimal point (``1.5`` has no space after its dot);
- a number's full stop in a language that writes ordinals so (German « der 2. Platz »).

A quotation of several sentences may be broken inside (« … avec nous.⏎Merci ! »): Markdown
turns the break back into a space. French puts a no-break space before ``!`` and ``?`` and
inside « »; those count as part of the punctuation, never as the space that ends a sentence.
"""

from __future__ import annotations

import re

_TERMINAL = ".!?…"
_CLOSERS = "»”’\"')]*_"
_NO_BREAK_SPACES = "\u00a0\u202f"
_OPENERS = "«“‘\"'¿¡(["
# Spans whose contents may contain a full stop and a space but are never split.
_MASKED = re.compile(
    r"`[^`\n]*`"  # inline code
    r"|<[^<>\n]*>"  # HTML tags and autolinks
    r"|\]\([^)\n]{0,2000}\)"  # link and image targets (bounded: 5,000 unclosed "](" read the line 5,000 times)
    r"|https?://[^\s<>]+"  # bare URLs
)
# The spaces that may end a sentence: after a terminal mark, a closing quote or bracket or a
# no-break space (what _ends_sentence strips back to the mark). Most spaces of a line are
# between words and never reach the checks, which read the line a character at a time.
_AFTER_A_MARK = re.compile(f"(?<=[{re.escape(_TERMINAL + _CLOSERS + _NO_BREAK_SPACES)}]) +")
# A line that starts one of these is not prose.
_NOT_PROSE = re.compile(r"\s{4}|\t|#|[-*+]\s|\d+[.)]\s|>|!\[|<|\||```|~~~|=+\s*$|-+\s*$")


def _language(locale: str | None) -> tuple[frozenset[str], bool]:
    """The locale's rules for sentence ends: its abbreviations (with every tuned language's,
    « M. » and "Mr." alike) and whether it writes ordinals with a full stop."""
    from pressgen.language.locale import locale_for
    from pressgen.language.rules import abbreviations

    if locale is None:
        return abbreviations(), False
    rules = locale_for(locale).rules
    return abbreviations(rules), rules.ordinal_period


def break_sentences(markdown: str, locale: str | None = None) -> str:
    """``markdown`` with every prose paragraph written one sentence per line.

    ``locale`` (a template folder name) adds its own abbreviations and says whether a
    number's full stop may be an ordinal's.
    """
    words, ordinal_stop = _language(locale)
    blocks = re.split(r"(\n{2,})", markdown)
    out = []
    for block in blocks:
        if not block.strip("\n") or _NOT_PROSE.match(block):
            out.append(block)
        else:
            out.append("\n".join(_break_line(line, ordinal_stop, words) for line in block.split("\n")))
    return "".join(out)


def sentence_ends(line: str, ordinal_stop: bool = False,
                  abbreviations: frozenset[str] | None = None) -> list[int]:
    """The indexes of the spaces in ``line`` that separate two sentences; ``abbreviations``
    defaults to those of every tuned language."""
    if abbreviations is None:
        abbreviations = _language(None)[0]
    masked = _MASKED.sub(lambda m: "\x00" * len(m.group(0)), line)
    ends = []
    for match in _AFTER_A_MARK.finditer(masked):
        start, stop = match.span()  # never at 0: the pattern looks behind
        if stop >= len(masked):
            continue
        # Offsets, not slices: a slice per space made a long line quadratic.
        if not _starts_sentence(masked, stop):
            continue
        if _ends_sentence(masked, start, ordinal_stop, abbreviations):
            ends.append(start)
    return ends


def _break_line(line: str, ordinal_stop: bool, abbreviations: frozenset[str]) -> str:
    ends = sentence_ends(line, ordinal_stop, abbreviations)
    if not ends:
        return line
    pieces, last = [], 0
    for start in ends:
        pieces.append(line[last:start])
        stop = start
        while stop < len(line) and line[stop] == " ":
            stop += 1
        last = stop
    pieces.append(line[last:])
    return "\n".join(pieces)


def _starts_sentence(line: str, at: int) -> bool:
    """Whether ``line[at:]`` starts a sentence."""
    first = line[at]
    if first.isupper():
        return True
    if first in _OPENERS:
        rest = at + 1
        while rest < len(line) and line[rest] in _NO_BREAK_SPACES + " ":
            rest += 1
        return rest < len(line) and (line[rest].isupper() or line[rest] in _OPENERS)
    return False


def _ends_sentence(line: str, end: int, ordinal_stop: bool, abbreviations: frozenset[str]) -> bool:
    """Whether ``line[:end]`` ends a sentence (offsets, not slices: linear on a long line)."""
    # Strip closing quotes and brackets, with the no-break spaces French puts before them.
    while end and (line[end - 1] in _CLOSERS or line[end - 1] in _NO_BREAK_SPACES):
        end -= 1
    if not end or line[end - 1] not in _TERMINAL:
        return False
    if line[end - 1] != ".":
        return True
    if line.endswith("..", 0, end):  # "..." is an ellipsis
        return True
    start = end - 1  # the word before the stop: letters, digits, _ . - (what [\w.-] reads)
    while start and (line[start - 1].isalnum() or line[start - 1] in "_.-"):
        start -= 1
    word = line[start:end - 1]
    if not word:  # after a bracket, a link or a number's closing mark
        return True
    if ordinal_stop and word.isdigit():  # « der 2. Platz »
        return False
    if word in abbreviations or word.lower() in abbreviations:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial: "J. Smith"
        return False
    if re.fullmatch(r"(?:\w\.)+\w", word):  # "U.S", "a.m", "e.g"
        return False
    return True
