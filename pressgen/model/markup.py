"""Where a Markdown text would become a web address or an HTML attribute.

Python-Markdown (with ``attr_list``) turns parts of a text into attributes of the page: the
targets of links and images, reference definitions (``[name]: https://…``), autolinks
(``<https://…>``) and attribute lists (``{: .class}``, ``{#id}``, ``{onclick=…}``). This module
finds them in one text, read as it may stand inside a template: the templates insert texts into
their own Markdown (``[{{ link.label }}]({{ link.url }})``, ``# {{ headline }}``) before it is
converted, so a ``]`` that closes nothing in the text closes the template's bracket, and braces at
the end of a line end the template's heading. It errs towards finding too much (it does not skip
code spans, for one): what it finds is checked, not removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# <scheme:…> with nothing that ends it: Markdown makes a link of it, or passes it as HTML.
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")
# How much of a link's target is read: its scheme is at its start, and a target cut short is at
# worst refused (a cut scheme is no scheme). It keeps the reading linear in the text's length.
LONGEST = 512
_ENDS_TARGET = re.compile(r"[ ()]")
_DEFINITION = re.compile(r"[ ]*(?:\n[ ]*)?(\S{1,%d})" % LONGEST)
_SHOWN = 60


@dataclass(frozen=True)
class Brackets:
    """The text's square brackets: ``[`` index → its ``]`` index, and those that pair with none."""

    pairs: dict[int, int]
    stray: list[int]  # a ']' with no '[' before it
    unclosed: list[int]  # a '[' with no ']' after it


@dataclass(frozen=True)
class Target:
    """A web address the text gives, and how: ``link``, ``image``, ``definition`` or ``autolink``."""

    kind: str
    url: str
    written: str  # the Markdown as written, shortened, for messages


def escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd run of backslashes (``\\[``)."""
    run = 0
    while index - run - 1 >= 0 and text[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def brackets(text: str) -> Brackets:
    pairs: dict[int, int] = {}
    stray: list[int] = []
    opened: list[int] = []
    for index, char in enumerate(text):
        if char not in "[]" or escaped(text, index):
            continue
        if char == "[":
            opened.append(index)
        elif opened:
            pairs[opened.pop()] = index
        else:
            stray.append(index)
    return Brackets(pairs, stray, opened)


def _shorten(text: str) -> str:
    text = " ".join(text[: 2 * _SHOWN].split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def destination(text: str, start: int) -> tuple[str, int]:
    """The target of a link whose ``(`` ends just before ``start``, as Python-Markdown reads it
    (spaces skipped, ``<…>`` or up to a space or an unpaired ``)``), and where it ends."""
    index = start
    while index < len(text) and text[index].isspace():
        index += 1
    limit = min(len(text), index + LONGEST)
    if text.startswith("<", index):
        end = text.find(">", index, limit)
        return (text[index + 1:end], end + 1) if end != -1 else (text[index + 1:limit], limit)
    depth = 0
    for mark in _ENDS_TARGET.finditer(text, index, limit):
        char = mark.group(0)
        if char == " ":  # a title follows; tabs and newlines are in the address (browsers drop them)
            return text[index:mark.start()], mark.start()
        if char == "(":
            depth += 1
        elif not depth:
            return text[index:mark.start()], mark.end()
        else:
            depth -= 1
    return text[index:limit], limit


def _is_image(text: str, opening: int) -> bool:
    return opening > 0 and text[opening - 1] == "!" and not escaped(text, opening - 1)


def targets(text: str, found: Brackets) -> Iterator[Target]:
    """Every web address the text gives: inline links and images, definitions, autolinks."""
    for opening, closing in sorted(found.pairs.items()):
        after = text[closing + 1:closing + 2]
        if after == "(":
            url, end = destination(text, closing + 2)
            kind = "image" if _is_image(text, opening) else "link"
            start = opening - (kind == "image")
            yield Target(kind, url, _shorten(text[start:min(end, start + 2 * _SHOWN)]))
        elif after == ":":
            # [name]: address — Markdown reads it so at the start of a line (and of a list item
            # or quote, and where the template starts a line): checked wherever it is.
            match = _DEFINITION.match(text, closing + 2)
            if match:
                yield Target("definition", match.group(1),
                             _shorten(text[opening:min(match.end(), opening + 2 * _SHOWN)]))
    for match in AUTOLINK.finditer(text):
        yield Target("autolink", match.group(1), _shorten(match.group(0)))


def reference_images(text: str, found: Brackets) -> Iterator[str]:
    """Images whose source is elsewhere: ``![alt][name]``, ``![name]``, an unclosed ``![``."""
    for opening, closing in sorted(found.pairs.items()):
        if _is_image(text, opening) and text[closing + 1:closing + 2] != "(":
            yield _shorten(text[opening - 1:closing + 1 + 8])
    for opening in found.unclosed:
        if _is_image(text, opening):
            yield _shorten(text[opening - 1:opening + 20])


def attribute_lists(text: str) -> Iterator[str]:
    """Braces that ``attr_list`` could read as attributes of the element before them.

    ``attr_list`` reads ``{`` + optional ``:`` + a first character + anything up to a ``}`` on
    the same line (its ``BASE_RE``): at the end of a heading, on a block's last line, or just
    after an inline element. Any such group is found, wherever it is, with one exception: a
    template's ``{{ … }}`` or ``{% … %}`` between spaces inside a line, which no position of
    ``attr_list`` reaches and which a text may quote (it is printed as written, never run).
    Linear in the text's length, whatever it holds.
    """
    for line in text.split("\n"):
        last = line.rfind("}")
        if last < 0:
            continue
        indent = len(line) - len(line.lstrip(" "))
        ends_line = not line[last + 1:].strip()
        for index in range(last):
            if line[index] != "{" or (index and line[index - 1] == "{"):
                continue
            first = index + 1
            if line[first] == ":":
                first += 1
            while first < last and line[first] == " ":
                first += 1
            if first >= last or line[first] == "}":
                continue  # '{}' and '{ }' are no attribute list
            if first == index + 1 and line[first] in "{%":
                glued = index > 0 and not line[index - 1].isspace()
                if index > indent and not glued and not ends_line:
                    continue
            closing = line.find("}", first)
            closing += line.startswith("}", closing + 1)  # the second brace of '}}'
            yield _shorten(line[index:closing + 1])
