"""Check a YAML node tree against ``pressgen.model`` and build the model, collecting every problem.

The walk is driven by the dataclasses' type hints, so the model is the one description of the
file. Scalars are read by the type the model expects, not by YAML 1.1's guesses: ``no``,
``12:30`` or ``0123`` where text or a count is expected is an error that says what YAML would
have made of it, instead of a silently wrong value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from pressgen import model
from pressgen.errors import PressgenError, Problem
from pressgen.project.load import Source

_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:_[0-9]{3})+)")
# A tag, but not a Markdown autolink (<https://…>, <name@example.org>).
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):|[^\s<>@]+@[^\s<>@]+>)/?[A-Za-z][^<>]*>")
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _AliasBomb(Exception):
    """The walk met more values than the file could hold without aliases expanding."""

    def __init__(self, node: yaml.Node):
        self.node = node


class _Invalid:
    """Stands for a value that had a problem; whatever contains it is invalid too."""


INVALID: Any = _Invalid()


def validate(source: Source, project_root: Path, template_locales: set[str] | None = None) -> model.Project:
    """The checked project, or :class:`PressgenError` with every problem found."""
    walker = _Walker(source)
    walker.locales = _declared_locales(source.root)
    try:
        top = walker.value(source.root, model.SourceFile, "") if source.root is not None else INVALID
    except _AliasBomb as bomb:
        walker.problems.append(source.problem(
            bomb.node, f"the aliases (*name) in this file expand to more than {walker.budget} values",
            hint="write the values out instead of nesting aliases"))
        raise PressgenError(walker.problems) from None
    if source.root is None:
        walker.problems.append(source.problem(None, "the file is empty", hint="start from the example milestones.yaml"))
    _check_locales(walker, template_locales)
    if top is not INVALID:
        project = _cross_check(walker, top, project_root)
        if not walker.problems:
            return project
    raise PressgenError(list(dict.fromkeys(walker.problems)))


def _declared_locales(root: yaml.Node | None) -> list[str]:
    """The languages named under 'locales', read first: every translated field depends on them."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if getattr(key, "value", None) == "locales" and isinstance(value, yaml.SequenceNode):
                return [item.value for item in value.value if isinstance(item, yaml.ScalarNode)]
    return []


class _Walker:
    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = []
        self.positions: dict[str, tuple[int, int]] = {}
        self.nodes: dict[str, yaml.Node] = {}
        self.locales: list[str] = []
        # Values walked so far, and how many a file of this size may hold. Aliases (*name) are
        # walked wherever they are used: nested ones could expand a few lines into billions.
        self.walked = 0
        self.budget = 1000 + 4 * len(source.text)

    def fail(self, node: yaml.Node | None, path: str, message: str, hint: str = "") -> Any:
        self.problems.append(self.source.problem(node, message, path, hint))
        return INVALID

    # -- dispatch ------------------------------------------------------------------------------
    def value(self, node: yaml.Node, hint: Any, path: str) -> Any:
        self.walked += 1
        if self.walked > self.budget:
            raise _AliasBomb(node)
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.nodes[path] = node
        if node.tag not in _CORE_TAGS:
            return self.fail(node, path, f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed",
                             "remove the tag: pressgen reads plain values only")
        origin, args = get_origin(hint), get_args(hint)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if _is_null(node):
                return None
            return self.value(node, inner[0], path)
        if dataclasses.is_dataclass(hint):
            return self.record(node, hint, path)
        if origin is list:
            return self.sequence(node, args[0], path)
        if origin is model.PerLocale:
            return self.per_locale(node, args[0], path)
        if origin is dict:
            return self.mapping(node, args[0], args[1], path)
        if origin is Literal:
            return self.choice(node, args, path)
        if isinstance(hint, type) and issubclass(hint, model.Checked):
            return self.checked(node, hint, path)
        if hint is str:
            return self.text(node, path)
        if hint is int:
            return self.count(node, path)
        if hint is bool:
            return self.flag(node, path)
        if hint is model.AwareDateTime:
            return self.moment(node, path)
        if hint is dt.date:
            return self.day(node, path)
        raise TypeError(f"no rule for {hint!r} at {path}")  # a bug in the model, not bad input

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
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.fail(key_node, _join(path, key), f"duplicate key '{key}' (first given on line {first})",
                          "keep one of the two: YAML would silently drop the first")
                continue
            seen[key] = key_node
            out.append((key_node, key, value_node))
        return out

    def record(self, node: yaml.Node, cls: type, path: str) -> Any:
        triples = self.pairs(node, path, f"a mapping of {_name(cls)} fields")
        if triples is None:
            return INVALID
        fields, hints = _schema(cls)
        values: dict[str, Any] = {}
        misspelt: set[str] = set()
        ok = True
        for key_node, key, value_node in triples:
            if key not in fields:
                ok = False
                close = _closest(key, list(fields))
                misspelt.add(close)
                self.fail(key_node, _join(path, key), f"unknown key '{key}' in {_name(cls)}",
                          f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(fields)}")
                continue
            value = self.value(value_node, hints[key], _join(path, key))
            ok &= value is not INVALID
            values[key] = value
        for name, f in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required and name not in values and name not in misspelt:
                ok = False
                self.fail(node, path, f"missing key '{name}' ({f.metadata.get('doc', '').lower()})",
                          f"add '{name}:' to this {_name(cls)}")
        return cls(**values) if ok else INVALID

    def sequence(self, node: yaml.Node, item: Any, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if _is_null(node):
                return []
            return self.fail(node, path, f"expected a list, found {_describe(node)}", "write each item on its own line starting with '- '")
        items = [self.value(child, item, f"{path}[{i}]") for i, child in enumerate(node.value)]
        return INVALID if any(i is INVALID for i in items) else items

    def mapping(self, node: yaml.Node, key_hint: Any, item: Any, path: str) -> Any:
        triples = self.pairs(node, path, "a mapping")
        if triples is None:
            return INVALID
        out = {}
        ok = True
        for key_node, key, value_node in triples:
            child = _join(path, key)
            k = self.value(key_node, key_hint, child)
            v = self.value(value_node, item, child)
            ok &= k is not INVALID and v is not INVALID
            out[k] = v
        return out if ok else INVALID

    def per_locale(self, node: yaml.Node, item: Any, path: str) -> Any:
        wanted = self.locales
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
            if key not in wanted:
                ok = False
                self.fail(key_node, _join(path, key), f"'{key}' is not one of the project's languages ({', '.join(wanted)})",
                          _suggest(key, wanted) or "add it to 'locales' at the top of the file, or remove it")
                continue
            value = self.value(value_node, item, _join(path, key))
            ok &= value is not INVALID
            out[key] = value
        for locale in wanted:
            if locale not in out and all(k != locale for _, k, _ in triples):
                ok = False
                self.fail(node, path, f"missing the '{locale}' translation",
                          f"add '{locale}: …' beside {', '.join(repr(k) for _, k, _ in triples) or 'the other languages'}")
        return model.PerLocale({loc: out[loc] for loc in wanted}) if ok else INVALID

    # -- scalars -------------------------------------------------------------------------------
    def scalar(self, node: yaml.Node, path: str, expected: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, path, f"expected {expected}, found {_describe(node)}")
            return None
        if _is_null(node):
            self.fail(node, path, f"expected {expected}, found nothing", "give a value after the colon, or remove the key")
            return None
        return node.value

    def text(self, node: yaml.Node, path: str) -> Any:
        raw = self.scalar(node, path, "text")
        if raw is None:
            return INVALID
        if not node.style and node.tag != _TAG + "str":
            reading = _yaml11_reading(node)
            return self.fail(node, path, f"YAML reads {raw} as {reading}, not as text",
                             f'put it in quotes if you mean the text: "{raw}"')
        if not raw.strip():
            return self.fail(node, path, "expected text, found an empty string")
        tag = _RAW_HTML.search(raw)
        if tag:
            return self.fail(node, path, f"HTML is not allowed in milestones.yaml: {tag.group(0)}",
                             "write Markdown (*emphasis*, [link](https://…)); the templates make the HTML")
        if _REMOTE_IMAGE.search(raw):
            return self.fail(node, path, "an image from the web would make every reader's browser fetch it",
                             "give the release's image under 'image:', as a file beside milestones.yaml")
        return raw

    def checked(self, node: yaml.Node, cls: type[model.Checked], path: str) -> Any:
        raw = self.text(node, path)
        if raw is INVALID:
            return INVALID
        if not cls.pattern.fullmatch(raw):
            return self.fail(node, path, f"'{raw}' is not {cls.expected}", f"for example: {cls.example}")
        return cls(raw)

    def choice(self, node: yaml.Node, allowed: tuple[str, ...], path: str) -> Any:
        raw = self.scalar(node, path, "one of " + ", ".join(allowed))
        if raw is None:
            return INVALID
        if raw not in allowed:
            return self.fail(node, path, f"'{raw}' is not one of: {', '.join(allowed)}",
                             _suggest(raw, list(allowed)) or "")
        return raw

    def count(self, node: yaml.Node, path: str) -> Any:
        raw = self.scalar(node, path, "a whole number")
        if raw is None:
            return INVALID
        if node.style:
            return self.fail(node, path, f"expected a number, found the text \"{raw}\"", "remove the quotes")
        if not _INT.fullmatch(raw):
            reading = _yaml11_reading(node)
            if node.tag == _TAG + "int" and re.fullmatch(r"[-+]?0[0-9_]+", raw):
                return self.fail(node, path, f"YAML 1.1 reads {raw} as {reading} (a leading zero means octal)",
                                 f"write it without the leading zero: {raw.lstrip('0') or '0'}")
            if ":" in raw and node.tag in (_TAG + "int", _TAG + "float"):
                return self.fail(node, path, f"YAML 1.1 reads {raw} as {reading} (base 60)",
                                 "write the number alone, or put the text in quotes")
            digits = raw.replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace(",", "").replace(".", "")
            hint = f"write it as {digits} or {int(digits):_}" if digits.isdigit() else "write digits only, e.g. 8500 or 8_500"
            return self.fail(node, path, f"'{raw}' is not a whole number", hint)
        value = int(raw.replace("_", ""))
        if value < 0:
            return self.fail(node, path, f"{value} is negative; a count cannot be")
        return value

    def flag(self, node: yaml.Node, path: str) -> Any:
        raw = self.scalar(node, path, "true or false")
        if raw is None:
            return INVALID
        if not node.style and raw in ("true", "false"):
            return raw == "true"
        return self.fail(node, path, f"expected true or false, found '{raw}'",
                         "YAML 1.1 also reads yes/no/on/off as true/false; pressgen asks for true or false")

    def day(self, node: yaml.Node, path: str) -> Any:
        raw = self.scalar(node, path, "a date (YYYY-MM-DD)")
        if raw is None:
            return INVALID
        if not _DATE.fullmatch(raw):
            return self.fail(node, path, f"'{raw}' is not a date in the form YYYY-MM-DD", "for example: 2017-04-11")
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as error:
            return self.fail(node, path, f"'{raw}' is not a real date ({error})")

    def moment(self, node: yaml.Node, path: str) -> Any:
        raw = self.scalar(node, path, "a date and time with its time zone")
        if raw is None:
            return INVALID
        example = "2017-04-11T09:00:00+02:00"
        try:
            value = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if _DATE.match(raw) else raw)
        except ValueError:
            return self.fail(node, path, f"'{raw}' is not a date and time", f"for example: {example}")
        if value.tzinfo is None:
            return self.fail(node, path, f"'{raw}' has no time zone", f"add the offset, for example: {example}")
        return value


@functools.lru_cache(maxsize=None)
def _schema(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, Any]]:
    """A dataclass's fields and resolved type hints; resolving them is slow, so once per class."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


# -- checks across the file -------------------------------------------------------------------
def _check_locales(w: _Walker, template_locales: set[str] | None) -> None:
    """Each language once, one pressgen can write, and with its templates folder."""
    from pressgen.language.locales import resolve

    seen: set[str] = set()
    for i, locale in enumerate(w.locales):
        path = f"locales[{i}]"
        node = w.nodes.get(path)
        if node is None or not model.LanguageCode.pattern.fullmatch(locale):
            continue  # not a language code: the walk reported it
        if locale in seen:
            w.fail(node, path, f"'{locale}' is listed twice", "keep one")
        seen.add(locale)
        try:
            resolve(locale)
        except ValueError as error:
            w.fail(node, path, f"pressgen cannot write '{locale}': {error}", "use a CLDR language code such as fr, en, fr_CA, de or pt_BR")
            continue
        if template_locales is not None and locale not in template_locales:
            w.fail(node, path, f"no templates/{locale}/ folder for '{locale}'",
                   f"add templates/{locale}/ with release.md and page.html (copy another language's)")


def _cross_check(w: _Walker, top: model.SourceFile, root: Path) -> model.Project:
    nouns = top.nouns
    defaults = top.defaults
    milestones: list[model.Milestone] = []
    seen_ids: dict[str, int] = {}
    for i, m in enumerate(top.milestones):
        path = f"milestones[{i}]"
        if m.id in seen_ids:
            w.fail(w.nodes[f"{path}.id"], f"{path}.id", f"the id '{m.id}' is already used by milestones[{seen_ids[m.id]}]",
                   "each milestone needs its own id: it names its folder under out/")
        seen_ids.setdefault(m.id, i)
        for ref_path, ref in _noun_refs(m, path):
            if ref not in nouns:
                w.fail(w.nodes[ref_path], ref_path, f"no noun named '{ref}' under 'nouns'",
                       _suggest(ref, list(nouns)) or f"define it under 'nouns', or use one of: {', '.join(nouns)}")
        if m.status == "embargoed" and m.embargo_until is None:
            w.fail(w.nodes[f"{path}.status"], f"{path}.status", "an embargoed release needs 'embargo_until'",
                   "add embargo_until: 2017-04-11T09:00:00+02:00 (with the time zone)")
        if m.status != "embargoed" and m.embargo_until is not None:
            w.fail(w.nodes[f"{path}.embargo_until"], f"{path}.embargo_until",
                   f"'embargo_until' is only for embargoed releases; this one is {m.status}",
                   "set status: embargoed, or remove embargo_until")
        for j, p in enumerate(m.platforms):
            if p.count is not None and p.noun is None:
                w.fail(w.nodes[f"{path}.platforms[{j}]"], f"{path}.platforms[{j}]", "a platform with a count needs a 'noun'",
                       "say what the count counts, e.g. noun: follower")
        if m.image is not None and not (root / m.image.file).is_file():
            w.fail(w.nodes[f"{path}.image.file"], f"{path}.image.file", f"no file '{m.image.file}' beside milestones.yaml",
                   "give the path of the image relative to milestones.yaml")
        shared = {name: getattr(m, name) if getattr(m, name) is not None else getattr(defaults, name)
                  for name in model.SHARED_FIELDS}
        for name in model.REQUIRED_SHARED:
            if shared[name] is None:
                w.fail(w.nodes[path], path, f"missing key '{name}' ({model.SHARED_FIELDS[name].lower()})",
                       f"add '{name}:' to this milestone or under 'defaults'")
        shared["contacts"] = shared["contacts"] or []
        milestones.append(dataclasses.replace(m, **shared))
    if not top.locales:
        w.fail(w.nodes["locales"], "locales", "at least one language is needed", "for example: locales: [fr, en]")
    return model.Project(list(top.locales), dict(nouns), milestones, w.positions)


def _noun_refs(m: model.Milestone, path: str) -> list[tuple[str, str]]:
    refs = [(f"{path}.figure.noun", m.figure.noun)]
    refs += [(f"{path}.activity[{j}].noun", a.noun) for j, a in enumerate(m.activity)]
    refs += [(f"{path}.platforms[{j}].noun", p.noun) for j, p in enumerate(m.platforms) if p.noun]
    return refs


# -- wording ----------------------------------------------------------------------------------
def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _name(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _closest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        close = [c for c in choices if c.lower() == word.lower()]
    return close[0] if close else ""


def _suggest(word: str, choices: list[str]) -> str:
    close = _closest(word, choices)
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
    return f"'{node.value}'"


def _yaml11_reading(node: yaml.ScalarNode) -> str:
    """What PyYAML (YAML 1.1) would have turned a plain scalar into, in words."""
    kind = node.tag.replace(_TAG, "")
    try:
        value = yaml.safe_load(node.value)
    except yaml.YAMLError:
        value = node.value
    if kind == "bool":
        return f"the boolean {str(value).lower()}"
    if kind in ("int", "float"):
        return f"the number {value}"
    if kind == "timestamp":
        return "a date"
    return kind
