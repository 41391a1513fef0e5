"""Generated inputs: the example file mutated as text and as data, values from the model's own
description, and mutated templates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import strategies as st

from harness import EXAMPLE_TEXT, RELEASE_TEXT
from pressgen import model
from pressgen.model.walk import Kind, record_fields, shape

# Strings that have broken YAML loaders, Markdown converters, typographers and templates.
# Links with a javascript: or data: target are accepted today and make unsafe pages: they are
# in test_page_safety.py (xfail, for the links/sanitiser work); add them here once it lands.
HOSTILE = [
    "[" * 200, "]" * 50, "[a](" * 50, "![x](" * 20, "`" * 30, "*" * 40, "_" * 40, "<!--", "-->",
    "{{ 7*7 }}", "{% raw %}", "{#", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "[x](https://evil.example/#javascript:alert(1))", "![x](//evil.example/x.png)", "<https://evil.example>", "&#0;",
    "&lt;script&gt;", "\\", "'", '"', "''", '""', "\t", "\ufeff", "\u2028", "\u200b", "\u202e",
    "\x00", "\x1b[31m", "\x7f", "\ud7ff", "9" * 4400, "9" * 16, "-1", "0123", "0x1F", "1e400",
    "12:30", "no", "yes", "~", "null", "&anchor", "*alias", "!!python/object:os.system", "<<: *a",
    "? ", ": ", "- ", "#", "%YAML 1.1", "---", "...", "a" * 5000, "a@b.fr" * 50, "www." * 40,
    "https://x.fr/a--b'c", "« »", "«" * 30, "%" * 30, "1 000 000", "M. ", "..." * 30, "--" * 30,
    "@" * 30, "#" * 30, "é" * 300, "𝒳" * 30, "\r", "\r\n", "\n\n\n", " " * 30,
]

hostile = st.sampled_from(HOSTILE)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
# Text a field might hold: mostly words, with marks, hostile pieces and stray characters.
texts = st.lists(st.one_of(words, hostile, st.sampled_from(["*em*", "**strong**", "[lien](https://a.fr)",
                                                              "`code`", " ", ". ", "« a »", '"a"'])),
                 min_size=1, max_size=8).map("".join)


def _lines(text: str) -> list[str]:
    return text.split("\n")


@st.composite
def mutated_text(draw: st.DrawFn, text: str = EXAMPLE_TEXT) -> str:
    """``text`` with a few line-level mutations: values replaced, keys renamed, lines dropped,
    duplicated, re-indented or swapped, hostile lines inserted, the file truncated."""
    lines = _lines(text)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        kind = draw(st.sampled_from(["value", "key", "drop", "duplicate", "indent", "swap", "insert",
                                     "truncate", "char"]))
        if kind == "value" and ":" in line:
            key, _, _ = line.partition(":")
            value = draw(st.one_of(hostile, texts, st.integers().map(str)))
            quote = draw(st.sampled_from(["", '"', "'"]))
            lines[i] = f"{key}: {quote}{value}{quote}"
        elif kind == "key" and ":" in line:
            key, _, rest = line.partition(":")
            lines[i] = f"{key[: len(key) - len(key.lstrip())]}{draw(st.one_of(words, hostile))}:{rest}"
        elif kind == "drop":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "indent":
            lines[i] = " " * draw(st.integers(0, 12)) + line.lstrip()
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.one_of(hostile, texts)))
        elif kind == "truncate":
            lines = lines[:i] + [line[: draw(st.integers(0, len(line)))]]
        elif kind == "char" and line:
            j = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:j] + draw(st.characters(codec="utf-8", exclude_categories=["Cs"])) + line[j + 1:]
    return "\n".join(lines)


# -- structure-aware: values from the model's own description ------------------------------
EXAMPLE = yaml.safe_load(EXAMPLE_TEXT)
NOUNS = sorted(EXAMPLE["nouns"])
LOCALES = EXAMPLE["locales"]


def from_hint(hint: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Data (as YAML would give it) for a model type hint: mostly valid, sometimes not."""
    found = shape(hint)
    kind = found.kind
    if kind is Kind.OPTIONAL:
        return st.one_of(st.none(), from_hint(found.args[0], depth))
    if kind is Kind.EITHER:
        return st.one_of(*(from_hint(alternative, depth) for alternative in found.args))
    if kind is Kind.RECORD:
        return _record(found.hint, depth)
    if kind is Kind.LIST:
        return st.lists(from_hint(found.args[0], depth + 1), max_size=3 if depth < 2 else 1)
    if kind is Kind.PER_LOCALE:
        return st.fixed_dictionaries({loc: from_hint(found.args[0], depth + 1) for loc in LOCALES})
    if kind is Kind.MAPPING:
        return st.dictionaries(st.sampled_from(NOUNS), from_hint(found.args[1], depth + 1), max_size=2)
    if kind is Kind.CHOICE:
        return st.one_of(st.sampled_from(found.args), words)
    if kind is Kind.CHECKED:
        if found.hint is model.NounRef:
            return st.one_of(st.sampled_from(NOUNS), words)
        return st.one_of(st.just(found.hint.example), texts)
    if kind is Kind.TEXT:
        return texts
    if kind is Kind.COUNT:
        return st.one_of(st.integers(0, 10**12), st.integers(), st.just(10**16))
    if kind is Kind.FLAG:
        return st.booleans()
    if kind is Kind.MOMENT:
        return st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=2))]))
    if kind is Kind.DAY:
        return st.dates()
    raise AssertionError(kind)


def _record(cls: type, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    required, optional = {}, {}
    for f, hint in record_fields(cls):
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        (optional if has_default else required)[f.name] = from_hint(hint, depth + 1)
    return st.fixed_dictionaries(required, optional=optional)


@st.composite
def generated_milestone_file(draw: st.DrawFn) -> str:
    """The example file with one more milestone, generated from :class:`model.Milestone`."""
    data = json.loads(json.dumps(EXAMPLE, default=str))
    milestone = draw(_record(model.Milestone, 0))
    milestone["id"] = draw(st.one_of(st.just("generated"), texts))
    data["milestones"].append(milestone)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_data_file(draw: st.DrawFn) -> str:
    """The example as data, with values at random key paths replaced by other kinds of value."""
    data = json.loads(json.dumps(EXAMPLE, default=str))
    for _ in range(draw(st.integers(1, 3))):
        node, parent, key = data, None, None
        for _ in range(draw(st.integers(1, 6))):
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            if not children:
                break
            key, child = draw(st.sampled_from(children))
            parent = node
            if not isinstance(child, (dict, list)) or draw(st.booleans()):
                break
            node = child
        if parent is None:
            continue
        node = parent
        replacement = draw(st.one_of(texts, hostile, st.integers(), st.none(), st.booleans(), st.just([]),
                                     st.just({}), st.lists(texts, max_size=2), st.dictionaries(words, texts, max_size=2)))
        if isinstance(node, dict) and draw(st.integers(0, 4)) == 0:
            del node[key]
        else:
            node[key] = replacement
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# -- templates -----------------------------------------------------------------------------
JINJA_PIECES = [
    "{{ m.headline }}", "{{ m.nope }}", "{{ m.figure.count | count(m.figure.noun) }}", "{{ m.date | long_date }}",
    "{% include \"release.md\" %}", "{% extends \"release.md\" %}", "{% include \"nothing.md\" %}",
    "{% for q in m.quotes %}", "{% endfor %}", "{% if m.record %}", "{% endif %}", "{% raw %}", "{% endraw %}",
    "{{", "}}", "{%", "%}", "{#", "#}", "{{ 1/0 }}", "{{ \"a\" * 100 }}", "{{ 10 ** 100 }}", "{{ m.__class__ }}",
    "{{ m.quotes[99] }}", "{{ none.x }}", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "{% set x = %}",
    "{{ m.headline | typeset }}", "{{ range(10) | list }}", "{{ m.date | dateline(m.city) }}", "[[[[", "`",
]


@st.composite
def mutated_template(draw: st.DrawFn) -> str:
    """``templates/fr/release.md`` with Jinja2 pieces inserted, lines dropped or truncated."""
    lines = _lines(RELEASE_TEXT)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["insert", "insert", "drop", "truncate"]))
        if kind == "insert":
            lines.insert(i, draw(st.sampled_from(JINJA_PIECES)))
        elif kind == "drop":
            del lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines)
