"""Substitutions over e-mail-like patterns that stay linear on very long words.

A pattern such as ``[\\w.+-]+@[\\w-]+…`` is tried by ``re`` at every position of a word: each try
reads to the end of the word before it fails, so a word of 16,000 letters costs 128 million
steps. Adding a look-behind (``(?<![\\w.+-])``) makes the search try word starts only, but it
would also miss a match that starts where the previous match ended, in the middle of a word
(``#tag'x@y.fr``), which plain ``re.sub`` finds. :func:`sub_at_word_starts` gives exactly
``re.sub``'s result: at the point where the previous match ended it tries the full pattern,
and between matches it searches with the word-start one.

:func:`sub_around_marks` goes further for patterns whose every match holds a mark (``@``,
``://``) and no white space: it searches only the runs of other characters that hold a mark,
a few words of a paragraph, instead of trying every word start of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def sub_at_word_starts(pattern: re.Pattern[str], at_word_starts: re.Pattern[str],
                       replace: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(replace, text)`` in linear time.

    ``at_word_starts`` must match wherever ``pattern`` matches, except in the middle of a word
    whose start (or the previous match's end) already failed — where ``pattern`` fails too.
    ``pattern`` must not match the empty string.
    """
    pieces: list[str] = []
    position = 0
    while True:
        match = pattern.match(text, position) or at_word_starts.search(text, position + 1)
        if match is None:
            break
        pieces.append(text[position:match.start()])
        pieces.append(replace(match))
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def sub_around_marks(marks: re.Pattern[str], pattern: re.Pattern[str], at_word_starts: re.Pattern[str],
                     replace: Callable[[re.Match[str]], str], text: str) -> str:
    """:func:`sub_at_word_starts` for patterns whose every match holds a match of ``marks``
    and no white space (``\\s``), whose look-arounds see white space as they see the start or
    the end of the text: each run of other characters that holds a mark is searched alone."""
    pieces: list[str] = []
    position = 0
    for mark in marks.finditer(text):
        if mark.start() < position:
            continue  # inside the run searched last
        start = mark.start()
        while start > position and not text[start - 1].isspace():  # str.isspace is re's \s
            start -= 1
        space = _SPACE.search(text, mark.end())
        end = space.start() if space is not None else len(text)
        pieces += (text[position:start], sub_at_word_starts(pattern, at_word_starts, replace, text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


_SPACE = re.compile(r"\s")
