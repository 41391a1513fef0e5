"""A YAML syntax error told in the writer's words: what is wrong on which line, and what to type.

The parser's own wording ("found character that cannot start any token", "did not find
expected key (while parsing a block mapping)") names its states, not the writer's mistake. This
module reads the lines around the parser's mark, only once an error has been raised (a file
that parses costs nothing here), and says which character needs quotes or which line is out
of line with which. Both libyaml's and PyYAML's wordings are understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# Characters that cannot start a plain value (YAML 1.1 §4.1.1 indicators), and why.
_RESERVED = {
    "@": "'@' is reserved in YAML and cannot start a value",
    "`": "'`' is reserved in YAML and cannot start a value",
    "%": "'%' starts a YAML directive and cannot start a value",
}
_KEY_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?!-\s)(?P<key>[^\s#:'\"{}\[\],&*!|>%@`][^:#]*?):(?:\s|$)")
_GENERIC = "check the indentation (spaces, not tabs) and that every key ends with ':'"


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    """The error located and worded for the writer (the parser's words when nothing better is known)."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 0
    raw = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        raw = f"{error.problem} ({error.context})"
    lines = _lines(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[column - 1] if 0 < column <= len(here) else ""
    problem = error.problem or ""

    if "\ufeff" in here[:column]:
        at = here.index("\ufeff") + 1
        return Explained(line, at, "YAML syntax: an invisible character, a byte order mark (U+FEFF), stands here",
                         "delete it: it comes with text pasted from another program")
    if "cannot start any token" in problem:
        if char == "\t":
            return Explained(line, column, "YAML syntax: a tab cannot indent YAML",
                             "indent with spaces, not tabs (most editors can turn tabs into spaces)")
        if char in _RESERVED:
            return Explained(line, column, f"YAML syntax: {_RESERVED[char]} unless it is in quotes",
                             f"put the value in quotes: {_quoted(here, column)}")
    if "undefined alias" in problem and char == "*":
        name = re.match(r"\*([^\s,\[\]{}]*)", here[column - 1:]).group(1)
        return Explained(line, column, f"YAML syntax: '*' starts an alias, a value given elsewhere as '&{name}', "
                         "and there is none", f"put the value in quotes if you mean the text: {_quoted(here, column)}")
    if "scanning an anchor" in (error.context or "") or "scanning an alias" in (error.context or ""):
        start = error.context_mark.column + 1 if error.context_mark else column
        indicator = here[start - 1:start] or "&"
        return Explained(line, start, f"YAML syntax: '{indicator}' starts a YAML {'anchor' if indicator == '&' else 'alias'} "
                         "and cannot start a text unless it is in quotes", f"put the value in quotes: {_quoted(here, start)}")
    if "block scalar" in (error.context or "") and char not in ("", "#"):
        indicator = _indicator_before(here)
        if indicator:
            start = _value_start(here)
            text = here[start:].strip()
            without = here[:start - 1] + text
            return Explained(line, column, f"YAML syntax: '{indicator}' starts a text written on the lines below it; "
                             "nothing but a comment may follow it on its line",
                             f"move the text to the next line, indented, or write it in quotes: {_quoted(without, start)}")
    if "could not find expected ':'" in problem and error.context_mark is not None:
        key_line = error.context_mark.line + 1
        return Explained(key_line, error.context_mark.column + 1,
                         f"YAML syntax: line {key_line} is neither a 'key: value' line nor the continuation of a value",
                         "add the ':' after its key, or indent a text that goes on from the line above under its key")
    if "mapping values are not allowed" in problem:
        return _mapping_value(lines, line, column)
    if ("did not find expected key" in problem or "expected <block end>" in problem
            or "expected '-' indicator" in problem or "document start" in problem):
        found = _out_of_line(lines, line, column)
        if found:
            return found
        if 0 < column - 1 <= len(here) and here[:column - 1].rstrip().endswith(("\"", "'")):
            return Explained(line, column, "YAML syntax: text after the closing quote of a value",
                             f"put the whole value in quotes: {_quoted(here, _value_start(here))}")
    if "escape" in problem:
        return Explained(line, column, f"YAML syntax: {raw}",
                         "in double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes")
    structure = "block" in raw or "document start" in raw or "simple key" in raw
    return Explained(line, column, f"YAML syntax: {raw}", _GENERIC if structure else "")


def _mapping_value(lines: list[str], line: int, column: int) -> Explained:
    """``mapping values are not allowed``: a ': ' inside a value, or a key indented further
    than its neighbour (YAML then reads it as the continuation of the value above)."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = here[:column - 1]
    match = _KEY_LINE.match(here)
    starts_the_line = match is not None and match.end("key") + 1 == column
    if starts_the_line and not match.group("dashes") and " " not in match.group("key").strip():
        found = _out_of_line(lines, line, len(match.group("indent")) + 1)
        if found:
            return found
    start = _value_start(here) if ": " in before else 0
    hint = "a value that contains ': ' must be put in quotes"
    if start:
        hint += f": {_quoted(here, start)}"
    return Explained(line, column, "YAML syntax: a ': ' inside a value that is not in quotes starts a new key", hint)


def _out_of_line(lines: list[str], line: int, column: int) -> Explained | None:
    """When line ``line`` starts at ``column`` with a key indented unlike the line above it,
    say so with both indentations and the indentations that would fit."""
    if not 0 < line <= len(lines):
        return None
    here = lines[line - 1]
    indent = len(here) - len(here.lstrip(" "))
    if column != indent + 1 or not here.strip():
        return None
    above = _line_above(lines, line)
    if above is None:
        return None
    number, text = above
    neighbour_indent, name = _key_indent(text)
    if neighbour_indent == indent:
        return None
    neighbour = f"its neighbour `{name}:` on line {number}" if name else f"line {number} above it"
    message = (f"YAML syntax: line {line} is indented {_spaces(indent)}, but {neighbour} is indented "
               f"{_spaces(neighbour_indent)}")
    if not name:  # the line above is a text: compare with the keys it is written under
        return _between_keys(lines, line, column, indent) or Explained(line, column, message, _GENERIC)
    fits = [(neighbour_indent, name, number)]
    if indent < neighbour_indent:  # between two levels: it may belong to the one further out
        outer = next(((n, key, at) for n, key, at in _fitting_indents(lines, line) if n <= indent), None)
        if outer is not None and outer[1] and outer[0] < indent:  # not inside a list item's '- '
            fits.append(outer)
    choices = " or ".join(f"{_spaces(n)} (like `{key}:` on line {at})" if key else _spaces(n) for n, key, at in fits)
    hint = f"indent line {line} with {choices}: the keys of one mapping start in the same column"
    return Explained(line, column, message, hint)


def _between_keys(lines: list[str], line: int, column: int, indent: int) -> Explained | None:
    """Line ``line`` follows a text (``en: >-`` and its lines): name the keys above it whose
    columns it falls between, the nearest further out and the nearest further in."""
    levels = _fitting_indents(lines, line)
    inner = next(((n, key, at) for n, key, at in reversed(levels) if n > indent and key), None)
    outer = next(((n, key, at) for n, key, at in levels if n < indent and key), None)
    found = [level for level in (outer, inner) if level is not None]
    if not found:
        return None
    said = ", ".join(f"`{key}:` on line {at} is indented {_spaces(n)}" for n, key, at in found)
    choices = " or ".join(f"{_spaces(n)} (like `{key}:`)" for n, key, _ in found)
    return Explained(line, column, f"YAML syntax: line {line} is indented {_spaces(indent)}, like no key above it: {said}",
                     f"indent line {line} with {choices}: the keys of one mapping start in the same column")


def _fitting_indents(lines: list[str], line: int) -> list[tuple[int, str, int]]:
    """The indentations line ``line`` could have: each open mapping's above it, nearest first."""
    out: list[tuple[int, str, int]] = []
    limit = None
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent, name = _key_indent(text)
        dash = len(text) - len(text.lstrip(" "))
        if dash < indent and (limit is None or dash < limit):  # '- key:': a list item opens at its dash
            if limit is None or indent < limit:
                out.append((indent, name, number))
            out.append((dash, "", number))
            limit = dash
        elif limit is None or indent < limit:
            if not out or out[-1][0] != indent:
                out.append((indent, name, number))
            limit = indent
        if limit == 0:
            break
    return out


def _line_above(lines: list[str], line: int) -> tuple[int, str] | None:
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return number, text
    return None


def _key_indent(text: str) -> tuple[int, str]:
    """Where a line's key starts (after any '- '), and the key."""
    match = _KEY_LINE.match(text)
    if match:
        return match.start("key"), match.group("key").strip()
    stripped = text.lstrip(" ")
    body = stripped.lstrip("- ") if stripped.startswith("- ") else stripped
    return len(text) - len(body), ""


def _spaces(n: int) -> str:
    return f"{n} space{'s' if n != 1 else ''}"


def _value_start(line: str) -> int:
    """The 1-based column where the value of a ``key: value`` or ``- value`` line starts."""
    match = _KEY_LINE.match(line)
    if match:
        rest = line[match.end("key") + 1:]
        return match.end("key") + 2 + (len(rest) - len(rest.lstrip(" ")))
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):
        after = stripped[2:]
        return len(line) - len(after.lstrip(" ")) + 1
    return len(line) - len(stripped) + 1


def _indicator_before(line: str) -> str:
    """The block indicator ('|' or '>') the value of ``line`` starts with, if it does."""
    start = _value_start(line)
    value = line[start - 1:]
    return value[0] if value[:1] in ("|", ">") else ""


def _quoted(line: str, column: int) -> str:
    """``line`` with its value from ``column`` on (up to a comment) in double quotes."""
    head, value = line[:column - 1], line[column - 1:]
    end = re.search(r"[,}\]]" if re.search(r"[{\[]", head) else r"\s#", value)  # in a flow, up to , } ]
    tail = ""
    if end and end.start() > 0:
        value, tail = value[:end.start()], value[end.start():]
    tail = value[len(value.rstrip()):] + tail
    value = value.rstrip()
    if '"' in value and "'" not in value:
        return f"{head}'{value}'{tail}".strip()
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{head}"{escaped}"{tail}'.strip()


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|[\n\r\x85\u2028\u2029]", text)
