"""One walk over the model, shared by every stage that goes through it.

Decoding YAML into the model (:mod:`pressgen.project.decode`), seeing a milestone from one
language (:mod:`pressgen.render.localize`) and listing translated fields for drift and the
figures audit (:mod:`pressgen.checks.drift`) all ask this module what a type hint or a value is
made of, so a new field or a new kind of value is described once, in :mod:`pressgen.model`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterator, Literal, get_args, get_origin

from pressgen import model


class Kind(Enum):
    """What a type hint of the model asks for."""

    OPTIONAL = "optional"
    EITHER = "either"
    RECORD = "record"
    LIST = "sequence"
    PER_LOCALE = "per_locale"
    MAPPING = "mapping"
    CHOICE = "choice"
    CHECKED = "checked"
    TEXT = "text"
    COUNT = "count"
    FLAG = "flag"
    MOMENT = "moment"
    DAY = "day"


@dataclass(frozen=True)
class Shape:
    """A type hint, classified: its kind and the hints it is made of."""

    kind: Kind
    hint: Any
    args: tuple[Any, ...] = ()


@functools.lru_cache(maxsize=None)
def shape(hint: Any) -> Shape:
    """The :class:`Shape` of a model type hint; a hint with no rule is a bug in the model."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = tuple(a for a in args if a is not type(None))
        if len(inner) == len(args):  # a text, or one per language: the YAML's form says which
            return Shape(Kind.EITHER, hint, inner)
        return Shape(Kind.OPTIONAL, hint, inner if len(inner) == 1 else (typing.Union[inner],))
    if dataclasses.is_dataclass(hint):
        return Shape(Kind.RECORD, hint)
    if origin is list:
        return Shape(Kind.LIST, hint, args)
    if origin is model.PerLocale:
        return Shape(Kind.PER_LOCALE, hint, args)
    if origin is dict:
        return Shape(Kind.MAPPING, hint, args)
    if origin is Literal:
        return Shape(Kind.CHOICE, hint, args)
    if isinstance(hint, type) and issubclass(hint, model.Checked):
        return Shape(Kind.CHECKED, hint)
    if isinstance(hint, type) and issubclass(hint, str):
        return Shape(Kind.TEXT, hint)
    if hint is int:
        return Shape(Kind.COUNT, hint)
    if hint is bool:
        return Shape(Kind.FLAG, hint)
    if hint is model.AwareDateTime:
        return Shape(Kind.MOMENT, hint)
    if hint is dt.date:
        return Shape(Kind.DAY, hint)
    raise TypeError(f"no rule for {hint!r}")


@functools.lru_cache(maxsize=None)
def record_fields(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    """A record's fields with their resolved type hints (resolving is slow: once per class)."""
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in dataclasses.fields(cls))


def is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


# The field names of each record class, asked once: a walk over an archive of thousands of
# releases visits about a million values, and dataclasses.fields() is slow to ask each time.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
# Values with no parts: a walk goes past them without looking further.
_LEAVES = (str, int, float, dt.date, dt.time, Enum, type(None))


def field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def children(value: Any) -> Iterator[tuple[str, Any]]:
    """The parts of a model value with the step that names each (``.quotes``, ``[0]``)."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield f"[{i}]", item
    elif not isinstance(value, _LEAVES) and is_record(value):
        for name in field_names(type(value)):
            yield f".{name}", getattr(value, name)


def translated(value: Any, path: str) -> Iterator[tuple[str, model.PerLocale]]:
    """Every translated value inside ``value``, with its key path, in model order."""
    found: list[tuple[str, Any]] = []
    _collect(value, path, model.PerLocale, found)
    return iter(found)


def project_files(value: Any, path: str) -> Iterator[tuple[str, model.ProjectFile]]:
    """Every file of the project named inside ``value`` (an image…), with its key path."""
    found: list[tuple[str, Any]] = []
    _collect(value, path, model.ProjectFile, found)
    return iter(found)


def _collect(value: Any, path: str, wanted: type, found: list[tuple[str, Any]]) -> None:
    """Append every value of type ``wanted`` inside ``value`` (not looking inside one) to ``found``."""
    if isinstance(value, wanted):
        found.append((path, value))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, wanted) or not isinstance(item, _LEAVES):
                _collect(item, f"{path}[{i}]", wanted, found)
    elif not isinstance(value, _LEAVES) and is_record(value):
        for name in _fields_that_may_hold(type(value), wanted):
            child = getattr(value, name)
            if isinstance(child, wanted) or not isinstance(child, _LEAVES):
                _collect(child, f"{path}.{name}", wanted, found)


# (record class, wanted type) -> the fields whose type hint allows a ``wanted`` inside: a walk
# for the files a release names looks at its image and its organisation, not at its texts.
_HOLDING: dict[tuple[type, type], tuple[str, ...]] = {}


def _fields_that_may_hold(cls: type, wanted: type) -> tuple[str, ...]:
    names = _HOLDING.get((cls, wanted))
    if names is None:
        try:
            names = tuple(f.name for f, hint in record_fields(cls) if _may_hold(hint, wanted))
        except (NameError, TypeError):  # hints that do not resolve: look at every field
            names = field_names(cls)
        _HOLDING[(cls, wanted)] = names
    return names


@functools.lru_cache(maxsize=None)
def _may_hold(hint: Any, wanted: type) -> bool:
    """Whether a value of type ``hint`` can be, or hold in its records and lists, a ``wanted``;
    True for any hint not known here, so that nothing is ever missed."""
    origin = get_origin(hint)
    if origin is Literal or hint in (int, bool, float, type(None), dt.date, dt.datetime, model.AwareDateTime):
        return False
    if isinstance(hint, type) and (issubclass(hint, str) or dataclasses.is_dataclass(hint)):
        if issubclass(hint, wanted):
            return True
        return dataclasses.is_dataclass(hint) and any(_may_hold(h, wanted) for _, h in record_fields(hint))
    if isinstance(origin, type) and issubclass(origin, dict):  # PerLocale[Text]: the walk does not look inside
        return issubclass(origin, wanted)
    if origin in (typing.Union, types.UnionType) or origin is list:
        return any(_may_hold(a, wanted) for a in get_args(hint))
    return True


def join(path: str, step: str) -> str:
    """``path`` followed by ``step`` (``.name`` or ``[i]``), with no leading dot at the top."""
    return step[1:] if not path and step.startswith(".") else path + step
