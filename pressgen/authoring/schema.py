"""``pressgen schema``: the JSON Schema (draft-07) of every YAML file pressgen reads.

Generated from :mod:`pressgen.model`, walked with :func:`pressgen.model.walk.shape` and
:func:`~pressgen.model.walk.record_fields` as the decoder walks it, so the editor and the
validator cannot disagree on which keys exist. Descriptions are the fields' ``metadata["doc"]``;
a choice is an enum; a translated value is an object keyed by the project's languages (a
parent language such as ``fr`` may stand for ``fr_CA``); a checked text is a string pattern.

Values are described as an editor's YAML server reads them (YAML 1.2): a date is a string, and
``2_000_000`` is a string too, so counts accept that form beside plain integers.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from pressgen import model
from pressgen.model.walk import Kind, record_fields, shape

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

# name → (the model of the file, its file name, what it is)
FILES: dict[str, tuple[type, str, str]] = {
    "milestones": (model.SourceFile, "milestones.yaml",
                   "A pressgen project in one file: the languages, counted nouns, shared defaults and every release."),
    "pressgen": (model.Settings, "pressgen.yaml",
                 "The shared settings of a project kept as one file per release: the languages, counted nouns "
                 "and defaults; each release is a file of its own in releases/."),
    "release": (model.ReleaseFile, "releases/<id>.yaml",
                "One press release; the file name is its id (releases/paris-2-millions.yaml)."),
}

_UNDERSCORED_COUNT = r"^[1-9][0-9]{0,2}(?:_[0-9]{3})+$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MOMENT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})$"


def schema_file_name(name: str) -> str:
    """``milestones`` → ``milestones.schema.json``."""
    return f"{name}.schema.json"


def schema(name: str, locales: list[str] | None = None) -> dict[str, Any]:
    """The schema of the file ``name`` (a key of :data:`FILES`); translated values are keyed by
    ``locales`` (any language code when None)."""
    cls, file_name, description = FILES[name]
    builder = _Builder(locales)
    top = builder.record(cls)
    document: dict[str, Any] = {"$schema": DRAFT_07, "title": f"pressgen {file_name}", "description": description}
    document.update(top)
    document["definitions"] = dict(sorted(builder.definitions.items()))
    return document


def schema_text(name: str, locales: list[str] | None = None) -> str:
    """:func:`schema` as the committed file holds it: stable key order, a final newline."""
    return json.dumps(schema(name, locales), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, locales: list[str] | None) -> list[Path]:
    """Every schema into ``folder``; returns the files whose content changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name in FILES:
        path = folder / schema_file_name(name)
        text = schema_text(name, locales)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def project_locales(layout) -> list[str] | None:
    """The languages the project declares, read leniently (a broken project still gets a schema)."""
    from pressgen.errors import PressgenError
    from pressgen.project.load import load_source
    from pressgen.project.read import declared_locales
    from pressgen.project.sources import SourceMap

    try:
        source = load_source(layout.source, layout.display(layout.source), SourceMap())
    except PressgenError:
        return None
    return declared_locales(source.root) or None


class _Builder:
    """Turns model hints into schemas, collecting the records under ``definitions``."""

    def __init__(self, locales: list[str] | None):
        self.locales = locales
        self.definitions: dict[str, Any] = {}

    def of(self, hint: Any) -> dict[str, Any]:
        found = shape(hint)
        kind = found.kind
        if kind is Kind.OPTIONAL:
            return _nullable(self.of(found.args[0]))
        if kind is Kind.EITHER:
            return {"anyOf": [self.of(alternative) for alternative in found.args]}
        if kind is Kind.RECORD:
            return self.reference(hint)
        if kind is Kind.LIST:
            return {"type": ["array", "null"], "items": self.of(found.args[0])}
        if kind is Kind.PER_LOCALE:
            return self.per_locale(found.args[0])
        if kind is Kind.MAPPING:
            key, item = found.args
            return {"type": "object", "propertyNames": self.of(key), "additionalProperties": self.of(item)}
        if kind is Kind.CHOICE:
            return {"type": "string", "enum": list(found.args)}
        if kind is Kind.CHECKED:
            return {"type": "string", "pattern": _ecma(hint.pattern.pattern), "examples": [hint.example]}
        if kind is Kind.TEXT:
            return {"type": "string", "minLength": 1}
        if kind is Kind.COUNT:
            return {"anyOf": [{"type": "integer", "minimum": 0},
                              {"type": "string", "pattern": _UNDERSCORED_COUNT}],
                    "examples": [8500, "2_000_000"]}
        if kind is Kind.FLAG:
            return {"type": "boolean"}
        if kind is Kind.MOMENT:
            return {"type": "string", "pattern": _MOMENT, "examples": ["2017-04-11T09:00:00+02:00"]}
        if kind is Kind.DAY:
            return {"type": "string", "pattern": _DATE, "examples": ["2017-04-11"]}
        raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - shape() raised first

    def reference(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # reserved first: a record may contain itself
            self.definitions[name] = {"title": _words(name), **self.record(cls)}
        return {"$ref": f"#/definitions/{name}"}

    def record(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required = []
        for f, hint in record_fields(cls):
            doc = f.metadata.get("doc")
            if not doc:
                raise TypeError(f"{cls.__name__}.{f.name} has no metadata['doc'] for the schema")
            value = self.of(hint)
            # Beside $ref, draft-07 ignores every keyword: wrap it to keep the description.
            entry = {"description": doc, "allOf": [value]} if "$ref" in value else {"description": doc, **value}
            if f.default is not dataclasses.MISSING and isinstance(f.default, (str, int, bool)):
                entry["default"] = f.default
            properties[f.name] = entry
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                required.append(f.name)
        out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        if required:
            out["required"] = required
        return out

    def per_locale(self, item_hint: Any) -> dict[str, Any]:
        item = self.of(item_hint)
        if self.locales is None:
            from pressgen.model import LanguageCode

            return {"type": "object", "minProperties": 1,
                    "propertyNames": {"pattern": _ecma(LanguageCode.pattern.pattern)}, "additionalProperties": item}
        from pressgen.language.locale import locale_for

        properties: dict[str, Any] = {}
        needed = []
        for tag in self.locales:
            try:
                chain = locale_for(tag).chain
            except ValueError:
                chain = (tag,)
            for language in chain:
                properties.setdefault(language, {"description": f"In {_language_name(language)}", **_unwrap(item)})
            needed.append(chain)
        out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        alone = [chain[0] for chain in needed if len(chain) == 1]
        if alone:
            out["required"] = alone
        either = [{"anyOf": [{"required": [language]} for language in chain]} for chain in needed if len(chain) > 1]
        if either:
            out["allOf"] = either
        return out


def _nullable(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` or nothing (``key:`` left empty). The type widened where there is one, so an
    editor's message says what is wrong inside the value rather than "not valid under anyOf"."""
    if "$ref" in value:
        return {"anyOf": [value, {"type": "null"}]}
    if "anyOf" in value:
        return {**value, "anyOf": [*value["anyOf"], {"type": "null"}]}
    types = value["type"] if isinstance(value["type"], list) else [value["type"]]
    out = {**value, "type": list(dict.fromkeys([*types, "null"]))}
    if "enum" in value:
        out["enum"] = [*value["enum"], None]
    return out


def _unwrap(value: dict[str, Any]) -> dict[str, Any]:
    return {"allOf": [value]} if "$ref" in value else value


def _language_name(tag: str) -> str:
    from pressgen.language.locale import locale_for

    try:
        return locale_for(tag).english_name or tag
    except ValueError:
        return tag


def _ecma(pattern: str) -> str:
    """A model pattern (Python, matched whole) as a JSON Schema pattern (ECMA 262, searched)."""
    return "^(?:" + pattern.replace('\\"', '"') + ")$"


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()
