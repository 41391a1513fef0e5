"""Decode a YAML node tree into the model's dataclasses, collecting every problem.

Generic: the walk follows :mod:`pressgen.model.walk`, so the model is the one description of
the file, and knows nothing of milestones or embargoes (those are :mod:`pressgen.project.rules`).
Scalars are read by the type the model expects, not by YAML 1.1's guesses: ``no``, ``12:30``
or ``0123`` where text or a count is expected is an error that says what YAML would have made
of it, instead of a silently wrong value. Every value's place goes into the source map.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from typing import Any

import yaml

from pressgen import model
from pressgen.errors import Problem
from pressgen.model.walk import Kind, join, record_fields, shape
from pressgen.project.limits import (MARKUP_MARKS, MAX_COUNT_DIGITS, MAX_KEY_CHARS, MAX_MARKUP_MARKS, MAX_SHOWN_CHARS,
                                     MAX_TEXT_CHARS)
from pressgen.project.sources import Place, SourceMap

_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:_[0-9]{3})+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Control characters a value may not hold (YAML's escapes can write them: "\e", "\0"); tab, line
# feed and carriage return are text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


class AliasBomb(Exception):
    """The walk met more values than the file could hold without aliases expanding."""

    def __init__(self, node: yaml.Node):
        self.node = node


class _Invalid:
    """Stands for a value that had a problem; whatever contains it is invalid too."""


INVALID: Any = _Invalid()


class Decoder:
    """Decodes one file's nodes; ``problems`` collects what is wrong, ``nodes`` every node by path.

    ``locales`` are the languages a translated value must give; ``chains`` gives each one's
    fallback chain (``fr_CA → fr``): a value given for a parent serves the languages below it.
    """

    def __init__(self, file: str, text: str, sources: SourceMap, locales: list[str],
                 chains: dict[str, tuple[str, ...]] | None = None, time_zone: str | None = None):
        self.file = file
        self.sources = sources
        self.locales = locales
        self.chains = chains or {}
        self.problems: list[Problem] = []
        # Values walked so far, and how many a file of this size may hold. Aliases (*name) are
        # walked wherever they are used: nested ones could expand a few lines into billions.
        self.walked = 0
        self.budget = 1000 + 4 * len(text)
        # The organisation's time zone (an IANA name), when the file gives one: the example
        # of an embargo's hint then has the offset of that date there.
        self.time_zone = time_zone

    def place(self, node: yaml.Node | None) -> Place:
        if node is None:
            return Place(self.file)
        return Place(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def fail(self, node: yaml.Node | None, path: str, message: str, hint: str = "") -> Any:
        self.problems.append(self.sources.problem(self.place(node), message, path, hint))
        return INVALID

    # -- dispatch ------------------------------------------------------------------------------
    def value(self, node: yaml.Node, hint: Any, path: str, key: yaml.Node | None = None) -> Any:
        """``node`` decoded as ``hint``; ``key`` is the node of the key it is the value of."""
        self.walked += 1
        if self.walked > self.budget:
            raise AliasBomb(node)
        self.sources.record(path, self.place(node))
        if _is_null(node) and not node.value:
            lost = self.lost_to_comment(node, key, path)
            if lost:
                return lost
        if node.tag not in _CORE_TAGS:
            return self.fail(node, path, f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed",
                             "remove the tag: pressgen reads plain values only")
        found = shape(hint)
        if found.kind is Kind.OPTIONAL:
            return None if _is_null(node) else self.value(node, found.args[0], path)
        if found.kind is Kind.EITHER:  # one text, or a mapping (one per language)
            nested = [a for a in found.args if shape(a).kind in (Kind.PER_LOCALE, Kind.RECORD, Kind.MAPPING)]
            flat = [a for a in found.args if a not in nested]
            wanted = nested if isinstance(node, yaml.MappingNode) and nested else flat or nested
            self.walked -= 1  # the same node, walked once
            return self.value(node, wanted[0], path)
        return getattr(self, found.kind.value)(node, found, path)

    def lost_to_comment(self, node: yaml.Node, key: yaml.Node | None, path: str) -> Any:
        """``hashtag: #Paris3Millions``: YAML reads the value as a comment and the key as empty,
        and the hashtag (with the sentence that shows it) would silently disappear. Read only for
        an empty value: a comment glued to its ``#`` right after the colon (or the ``-`` of a
        list item) is a value lost, an error for any key; ``key:  # a note`` (a space after
        ``#``) is a comment and left alone."""
        mark = node.start_mark  # just after the ':' or the '-'
        line = self.sources.line(self.file, mark.line + 1)
        found = re.match(r"[ \t]+(#[^\s#].*)$", line[mark.column:])
        if not found:
            return None
        lost = found.group(1).rstrip()
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        what = "the hashtag" if re.fullmatch(r"#\w+", lost) else "the value"
        escaped = lost.replace("\\", "\\\\").replace('"', '\\"')
        place = Place(self.file, mark.line + 1, mark.column + found.start(1) + 1)
        subject = f"'{name}'" if name else "this item"
        self.sources.record(path, place)
        self.problems.append(self.sources.problem(
            place, f"{subject} is empty: YAML reads everything after # as a comment, "
                   f"so {lost} is lost", path,
            f'put {what} in quotes: {name + ":" if name else "-"} "{escaped}"'))
        return INVALID

    # -- containers ----------------------------------------------------------------------------
    def pairs(self, node: yaml.Node, path: str, expected: str) -> list[tuple[yaml.Node, str, yaml.Node]] | None:
        """The mapping's (key node, key, value node) triples; duplicate keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, path, f"expected {expected}, found {_describe(node)}")
            return None
        seen: dict[str, yaml.Node] = {}
        out = []
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key_node.tag == _TAG + "merge":
                self.fail(key_node, path, "keys must be plain names", "write 'name: value'")
                continue
            if len(key) > MAX_KEY_CHARS or _CONTROL.search(key):
                self.fail(key_node, path, f"the key {shown(key)} is not a name",
                          f"keys are short names (at most {MAX_KEY_CHARS} characters), such as 'headline'")
                continue
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.fail(key_node, join(path, "." + key), f"duplicate key '{key}' (first given on line {first})",
                          "keep one of the two: YAML would silently drop the first")
                continue
            seen[key] = key_node
            out.append((key_node, key, value_node))
        return out

    def record(self, node: yaml.Node, found, path: str) -> Any:
        cls = found.hint
        triples = self.pairs(node, path, f"a mapping of {_name(cls)} fields")
        if triples is None:
            return INVALID
        fields = {f.name: (f, hint) for f, hint in record_fields(cls)}
        values: dict[str, Any] = {}
        misspelt: set[str] = set()
        ok = True
        for key_node, key, value_node in triples:
            if key not in fields:
                ok = False
                close = closest(key, list(fields))
                misspelt.add(close)
                self.fail(key_node, join(path, "." + key), f"unknown key '{key}' in {_name(cls)}",
                          f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(fields)}")
                continue
            value = self.value(value_node, fields[key][1], join(path, "." + key), key_node)
            ok &= value is not INVALID
            values[key] = value
        for name, (f, _) in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required and name not in values and name not in misspelt:
                ok = False
                self.fail(node, path, f"missing key '{name}' ({f.metadata.get('doc', '').lower()})",
                          f"add '{name}:' to this {_name(cls)}")
        return cls(**values) if ok else INVALID

    def sequence(self, node: yaml.Node, found, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if _is_null(node):
                return []
            return self.fail(node, path, f"expected a list, found {_describe(node)}", "write each item on its own line starting with '- '")
        item = found.args[0]
        items = []
        for i, child in enumerate(node.value):
            named = self._item_name(child, item, path, i)
            value = self.value(child, item, named)
            if named != f"{path}[{i}]":
                self.sources.record(f"{path}[{i}]", self.sources.places[named])
            items.append(value)
        return INVALID if any(i is INVALID for i in items) else items

    def _item_name(self, node: yaml.Node, item: Any, path: str, index: int) -> str:
        """A record with an ``id`` is named by it (``paris-2-millions``), not by its index."""
        positional = f"{path}[{index}]"
        if not (dataclasses.is_dataclass(item) and "id" in {f.name for f, _ in record_fields(item)}):
            return positional
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                    if model.Slug.pattern.fullmatch(value.value) and not self.sources.has(value.value):
                        return value.value
        return positional

    def mapping(self, node: yaml.Node, found, path: str) -> Any:
        key_hint, item = found.args
        triples = self.pairs(node, path, "a mapping")
        if triples is None:
            return INVALID
        out = {}
        ok = True
        for key_node, key, value_node in triples:
            child = join(path, "." + key)
            k = self.value(key_node, key_hint, child)
            v = self.value(value_node, item, child, key_node)
            ok &= k is not INVALID and v is not INVALID
            out[k] = v
        return out if ok else INVALID

    def per_locale(self, node: yaml.Node, found, path: str) -> Any:
        item = found.args[0]
        wanted = self.locales
        allowed = list(dict.fromkeys([*wanted, *(p for loc in wanted for p in self.chains.get(loc, ()))]))
        if isinstance(node, yaml.ScalarNode) and not _is_null(node):
            first = wanted[0] if wanted else "fr"
            return self.fail(node, path, f"expected one text per language ({', '.join(wanted)}), found a single text",
                             f"write it as '{first}: …' and the other languages below it")
        triples = self.pairs(node, path, f"one value per language ({', '.join(wanted)})")
        if triples is None:
            return INVALID
        out: dict[str, Any] = {}
        ok = True
        for key_node, key, value_node in triples:
            if key not in allowed:
                ok = False
                self.fail(key_node, join(path, "." + key), f"'{key}' is not one of the project's languages ({', '.join(wanted)})",
                          suggest(key, wanted) or "add it to 'locales' at the top of the file, or remove it")
                continue
            value = self.value(value_node, item, join(path, "." + key), key_node)
            ok &= value is not INVALID
            out[key] = value
        for locale in wanted:
            given = {k for _, k, _ in triples}
            if not given & set(self.chains.get(locale, (locale,))):
                ok = False
                self.fail(node, path, f"missing the '{locale}' translation",
                          f"add '{locale}: …' beside {', '.join(repr(k) for _, k, _ in triples) or 'the other languages'}")
        if not ok:
            return INVALID
        return model.PerLocale({loc: out[loc] for loc in allowed if loc in out})

    # -- scalars -------------------------------------------------------------------------------
    def scalar(self, node: yaml.Node, path: str, expected: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, path, f"expected {expected}, found {_describe(node)}")
            return None
        if _is_null(node):
            self.fail(node, path, f"expected {expected}, found nothing", "give a value after the colon, or remove the key")
            return None
        if len(node.value) > MAX_TEXT_CHARS:
            self.fail(node, path, f"this value is {len(node.value):,} characters long; pressgen reads at most {MAX_TEXT_CHARS:,}",
                      "shorten it, or split it into several paragraphs (highlights)")
            return None
        control = _CONTROL.search(node.value)
        if control:
            self.fail(node, path, f"the value holds an invisible control character (U+{ord(control.group()):04X})",
                      "remove it (a YAML escape such as \\e or \\0 writes one)")
            return None
        return node.value

    def text(self, node: yaml.Node, found, path: str) -> Any:
        raw = self.scalar(node, path, "text")
        if raw is None:
            return INVALID
        if not node.style and node.tag != _TAG + "str":
            reading = _yaml11_reading(node)
            return self.fail(node, path, f"YAML reads {shown(raw, quote='')} as {reading}, not as text",
                             f"put it in quotes if you mean the text: {shown(raw, quote=chr(34))}")
        if not raw.strip():
            return self.fail(node, path, "expected text, found an empty string")
        # A text no longer than the limit cannot hold more marks than it: only longer ones are counted.
        marks = sum(raw.count(mark) for mark in MARKUP_MARKS) if len(raw) > MAX_MARKUP_MARKS else 0
        if marks > MAX_MARKUP_MARKS:
            return self.fail(node, path, f"this text holds {marks:,} of the Markdown marks {' '.join(MARKUP_MARKS)}; "
                             f"pressgen reads at most {MAX_MARKUP_MARKS:,} in one text",
                             "a text needs a few: *emphasis*, [a link](https://…); was it pasted from a program?")
        # The text policy, or a stricter one of the value's type (Url); plain str: the policy.
        refused = getattr(found.hint, "refusal", model.Text.refusal)(raw)
        if refused:
            return self.fail(node, path, *refused)
        return raw

    def checked(self, node: yaml.Node, found, path: str) -> Any:
        cls = found.hint
        raw = self.text(node, found, path)
        if raw is INVALID:
            return INVALID
        if not cls.pattern.fullmatch(raw):
            return self.fail(node, path, f"{shown(raw)} is not {cls.expected}", f"for example: {cls.example}")
        return cls(raw)

    def choice(self, node: yaml.Node, found, path: str) -> Any:
        allowed = found.args
        raw = self.scalar(node, path, "one of " + ", ".join(allowed))
        if raw is None:
            return INVALID
        if raw not in allowed:
            return self.fail(node, path, f"{shown(raw)} is not one of: {', '.join(allowed)}",
                             suggest(raw, list(allowed)) or "")
        return raw

    def count(self, node: yaml.Node, found, path: str) -> Any:
        raw = self.scalar(node, path, "a whole number")
        if raw is None:
            return INVALID
        if node.style:
            return self.fail(node, path, f"expected a number, found the text {shown(raw, quote=chr(34))}", "remove the quotes")
        digits = raw.lstrip("+-").replace("_", "")
        if digits.isdigit() and len(digits) > MAX_COUNT_DIGITS:
            return self.fail(node, path, f"a number of {len(digits):,} digits; a count has at most {MAX_COUNT_DIGITS}",
                             "check the number: pressgen counts up to 999 999 999 999 999")
        if not _INT.fullmatch(raw):
            reading = _yaml11_reading(node)
            if node.tag == _TAG + "int" and re.fullmatch(r"[-+]?0[0-9_]+", raw):
                return self.fail(node, path, f"YAML 1.1 reads {shown(raw, quote='')} as {reading} (a leading zero means octal)",
                                 f"write it without the leading zero: {raw.lstrip('0') or '0'}")
            if ":" in raw and node.tag in (_TAG + "int", _TAG + "float"):
                return self.fail(node, path, f"YAML 1.1 reads {shown(raw, quote='')} as {reading} (base 60)",
                                 "write the number alone, or put the text in quotes")
            digits = raw.replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace(",", "").replace(".", "")
            if digits.isdigit() and len(digits) <= MAX_COUNT_DIGITS:
                hint = f"write it as {digits} or {int(digits):_}"
            else:
                hint = "write digits only, e.g. 8500 or 8_500"
            return self.fail(node, path, f"{shown(raw)} is not a whole number", hint)
        value = int(raw.replace("_", ""))
        if value < 0:
            return self.fail(node, path, f"{value} is negative; a count cannot be")
        return value

    def flag(self, node: yaml.Node, found, path: str) -> Any:
        raw = self.scalar(node, path, "true or false")
        if raw is None:
            return INVALID
        if not node.style and raw in ("true", "false"):
            return raw == "true"
        return self.fail(node, path, f"expected true or false, found {shown(raw)}",
                         "YAML 1.1 also reads yes/no/on/off as true/false; pressgen asks for true or false")

    def day(self, node: yaml.Node, found, path: str) -> Any:
        raw = self.scalar(node, path, "a date (YYYY-MM-DD)")
        if raw is None:
            return INVALID
        if not _DATE.fullmatch(raw):
            return self.fail(node, path, f"{shown(raw)} is not a date in the form YYYY-MM-DD",
                             _day_hint(raw) or "for example: 2017-04-11")
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as error:
            return self.fail(node, path, f"{shown(raw)} is not a real date ({error})")

    def moment(self, node: yaml.Node, found, path: str) -> Any:
        raw = self.scalar(node, path, "a date and time with its time zone")
        if raw is None:
            return INVALID
        try:
            value = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if _DATE.match(raw) else raw)
        except ValueError:
            return self.fail(node, path, f"{shown(raw)} is not a date and time",
                             _moment_hint(raw, self.time_zone) or f"for example: {_example_moment(None, self.time_zone)}")
        if value.tzinfo is None:
            return self.fail(node, path, f"{shown(raw)} has no time zone", _offset_hint(value, self.time_zone))
        return value


# -- dates --------------------------------------------------------------------------------------
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})|([0-9]{4})-([0-9])-([0-9]{1,2})|([0-9]{4})-([0-9]{2})-([0-9])")


def _date_readings(raw: str) -> list[dt.date]:
    """The dates a date typed the way people write it can mean: both readings of ``12/03/2025``
    (12 March or 3 December), the one reading of ``25/03/2025`` or ``2025/03/12``."""
    readings: list[dt.date] = []
    found = _DAY_FIRST.fullmatch(raw)
    if found:
        a, b, year = (int(g) for g in found.groups())
        candidates = [(a, b), (b, a)]
    else:
        found = _YEAR_FIRST.fullmatch(raw) or _DATE.fullmatch(raw)
        if not found:
            return []
        if found.re is _DATE:
            year, month, day = (int(part) for part in raw.split("-"))
        else:
            year, month, day = (int(g) for g in found.groups() if g is not None)
        candidates = [(day, month)]
    for day, month in candidates:
        try:
            reading = dt.date(year, month, day)
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    return readings


def _say_readings(written: list[tuple[str, dt.date]]) -> str:
    """``write 2025-03-12 for 12 March, or 2025-12-03 for 3 December``."""
    said = [f"{text} for {d.day} {_MONTHS[d.month - 1]}" for text, d in written]
    return "write " + ", or ".join(said) if said else ""


def _day_hint(raw: str) -> str:
    return _say_readings([(d.isoformat(), d) for d in _date_readings(raw)])


def _moment_hint(raw: str, time_zone: str | None) -> str:
    """For ``12/03/2025 09:00``: each reading of the date, written with its time and offset."""
    date, _, rest = raw.strip().partition(" ")
    if "T" in date and not rest:
        date, _, rest = date.partition("T")
    written = []
    for reading in _date_readings(date):
        try:
            value = dt.datetime.fromisoformat(f"{reading.isoformat()}T{rest.strip() or '09:00'}")
        except ValueError:
            value = dt.datetime.combine(reading, dt.time(9, 0))
        text = value.isoformat() if value.tzinfo else _example_moment(value, time_zone)
        written.append((text, reading))
    return _say_readings(written)


def _example_moment(value: dt.datetime | None, time_zone: str | None) -> str:
    """An embargo as it must be written: ``value`` (or 9:00 on 11 April 2017) with the offset it
    has in ``time_zone`` on that date: never summer time for a winter date."""
    moment = value or dt.datetime(2017, 4, 11, 9, 0)
    offset = _offset_in(moment, time_zone)
    if offset is None:
        offset = "+02:00" if value is None else "+HH:MM"  # Paris, in April, for the fixed example
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + offset


def _offset_hint(value: dt.datetime, time_zone: str | None) -> str:
    if _offset_in(value, time_zone) is not None:
        return f"add the offset it has in {time_zone} on that date: {_example_moment(value, time_zone)}"
    return (f"add its offset from UTC: {_example_moment(value, None)}, where +HH:MM is the offset of the "
            "time zone on that date (+00:00 for UTC)")


def _offset_in(moment: dt.datetime, time_zone: str | None) -> str | None:
    """The UTC offset of local time ``moment`` in ``time_zone``, as ``+01:00``; None when the
    zone is not given or not known."""
    if not time_zone:
        return None
    try:
        from zoneinfo import ZoneInfo

        offset = moment.replace(tzinfo=ZoneInfo(time_zone)).utcoffset()
    except (ValueError, KeyError, OSError):  # zoneinfo raises ZoneInfoNotFoundError, a KeyError
        return None
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# -- wording ----------------------------------------------------------------------------------
def _name(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def shown(value: str, quote: str = "'") -> str:
    """``value`` as a message quotes it: cut short when long."""
    if len(value) > MAX_SHOWN_CHARS:
        value = value[:MAX_SHOWN_CHARS] + f"… ({len(value):,} characters)"
    return f"{quote}{value}{quote}"


def closest(word: str, choices: list[str]) -> str:
    if len(word) > 2 * max((len(c) for c in choices), default=0) + 10:
        return ""  # nothing that long is close; difflib would take its time to say so
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        close = [c for c in choices if c.lower() == word.lower()]
    return close[0] if close else ""


def suggest(word: str, choices: list[str]) -> str:
    close = closest(word, choices)
    return f"did you mean '{close}'?" if close else ""


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null" and not node.style


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _is_null(node):
        return "nothing"
    return shown(node.value)


def _yaml11_reading(node: yaml.ScalarNode) -> str:
    """What PyYAML (YAML 1.1) would have turned a plain scalar into, in words."""
    kind = node.tag.replace(_TAG, "")
    try:
        value = yaml.safe_load(node.value)
    except (yaml.YAMLError, ValueError, OverflowError):  # ValueError: more than 4,300 digits
        value = node.value
    if kind == "bool":
        return f"the boolean {str(value).lower()}"
    if kind in ("int", "float"):
        return f"the number {shown(str(value) if isinstance(value, float) or len(node.value) < 100 else node.value, quote='')}"
    if kind == "timestamp":
        return "a date"
    return kind
