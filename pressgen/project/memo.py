"""Release files decoded by the last build, kept so that the next reads only the files that changed.

In the folder layout every release is a file of its own. When a build succeeds, each release's
decoded value (:class:`pressgen.model.Milestone`) and the places of its key paths are kept,
as plain JSON, in the build cache (:mod:`pressgen.output.cache`), under a key made of
everything its decoding reads: the file's bytes, its name, the key path it is read at (its id,
or its position when the name is no id) and the settings file's bytes (the languages, the time
zone). The next build takes a release whose key is the same from here instead of parsing and
decoding its YAML again; the project's rules, the drift check and the render then see the same
values as from the YAML. The places inside a release's fields (``quotes[0].text.fr``), most of
them, stay unread JSON until a message asks for one.

Only ``build`` reads it: ``check``, ``build --check`` and ``publish`` always decode the sources.
Like the rest of the cache it is never taken blindly: an entry that is not exactly what this
module writes (a wrong type anywhere, a missing field, a bad date) is ignored and the file
decoded, and its values go through every rule of the project as decoded ones do. It is plain
data rebuilt through the model's own type hints, never a pickle: a cache can arrive with a
pull request, and reading it must not run anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from itertools import repeat
from typing import Any, Callable, NamedTuple, Sequence

from pressgen import model
from pressgen.language.locale import fallback_chains
from pressgen.model.walk import Kind, record_fields, shape
from pressgen.output.cache import checksum
from pressgen.project.decode import text_acceptor
from pressgen.project.limits import MAX_COUNT_DIGITS
from pressgen.project.sources import Place, release_part


class _Unusable(Exception):
    """An entry that is not what :func:`plain` writes."""


def settings_digest(settings: bytes) -> bytes:
    """The settings file's part of every release's key (:func:`release_key`), made once per build."""
    return hashlib.sha256(settings).digest()


def release_key(settings: bytes, name: str, key_path: str, raw: bytes) -> str:
    """Everything a release file's decoding depends on besides the code (the cache is the code's);
    ``settings``: :func:`settings_digest`."""
    h = hashlib.sha256(settings)
    h.update(f"\0{name}\0{key_path}\0".encode("utf-8"))
    h.update(raw)
    return h.hexdigest()


class ReleaseMemo:
    """The entries of the last build (read lazily, one at a time) and those of this one."""

    def __init__(self, signed: bytes = b""):
        """``signed``: what :meth:`parts` wrote (nothing is taken when its checksum is wrong).
        The entries stay where they were read, slices of one buffer, each parsed only when its
        file is read: at 10,000 releases they are 80 MB, which a copy line by line doubled."""
        view = memoryview(signed)  # the lines are slices of it, not copies
        # name -> (key, line, where its JSON starts in the line)
        self._previous: dict[str, tuple[bytes, memoryview, int]] = {}
        # The checksum's 64 hexadecimal digits and a line break, then the lines it signs.
        if signed[64:65] == b"\n" and checksum(view[65:]) == signed[:64]:
            start, end = 65, len(signed)
            while start < end:
                stop = signed.find(b"\n", start)
                stop = end if stop < 0 else stop
                head = _LINE_HEAD.match(signed, start, stop)
                if head is not None:
                    name, key = head.groups()
                    self._previous[name.decode("utf-8", "replace")] = (key, view[start:stop], head.end() - start)
                start = stop + 1
        # name -> (key, line, where its JSON starts): decoded by this build's other processes
        # (pressgen.project.ahead), taken as the last build's are but counted as decoded
        self._ahead: dict[str, tuple[bytes, memoryview, int]] = {}
        self._lines: list[bytes | memoryview] = []
        self.decoded: list[str] = []  # the files this build decoded from their YAML, in order
        self.unchanged: list[str] = []  # the milestones taken as the last build decoded them, by id

    def reuse(self, name: str, key: str, key_path: str, locales: Sequence[str]) -> tuple[
            model.Milestone, dict[str, Place], Callable[[], dict[str, Place] | None]] | None:
        """The release kept for file ``name`` when it was decoded from the same inputs (``key``:
        :func:`release_key`, made with ``key_path``), the places of the release and its fields,
        and a function that gives the places inside its fields (None if they are not what this
        module wrote); else None. ``locales``: the project's languages, as the decoder checks
        every value given per language."""
        encoded = key.encode("ascii")
        found, ahead = self._previous.pop(name, None), False
        if found is None or found[0] != encoded:
            found, ahead = self._ahead.pop(name, None), True
        if found is None or found[0] != encoded:
            return None
        line, start = bytes(found[1]), found[2]  # a copy for the time it is read: find() and json
        value_end = line.find(b"\t", start)  # then the places inside its fields, read if a message asks
        if value_end < 0:
            return None
        try:
            data = json.loads(line[start:value_end])
            value = rebuilt(data["value"], model.Milestone, locales)
            places = _places(name, key_path, data["places"])
        except (_Unusable, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        self._lines.append(found[1])
        if ahead:
            self.decoded.append(name)
        else:
            self.unchanged.append(value.id)
        return value, places, functools.partial(_deeper_places, name, key_path, found[1][value_end + 1:])

    def knows(self, name: str) -> bool:
        """Whether the last build kept an entry for file ``name`` (under some key)."""
        return name in self._previous

    def take(self, lines: list[bytes]) -> None:
        """Entries that this build's other processes decoded (:meth:`decoded_lines`), for
        :meth:`reuse` to take as it takes the last build's (the same checks, the same key)."""
        for line in lines:
            head = _LINE_HEAD.match(line)
            if head is not None:
                name, key = head.groups()
                self._ahead[name.decode("utf-8", "replace")] = (key, memoryview(line), head.end())

    def decoded_lines(self) -> list[bytes]:
        """The entries of the files this memo's build decoded (in a worker process, all of
        its entries), as :meth:`take` reads them."""
        return [bytes(line) for line in self._lines]

    def remember(self, name: str, key: str, key_path: str, milestone: model.Milestone,
                 places: dict[str, Place]) -> None:
        """Keep a release decoded from its YAML at ``key_path`` for the next build (``key``:
        :func:`release_key`)."""
        self.decoded.append(name)
        if "\t" in name or "\n" in name or not all(path.startswith(key_path) for path in places):
            return  # never the case of a release (a slug, and its places are its own); not worth a format
        shallow = {path: place for path, place in places.items() if not release_part(path)[1]}
        deeper = {path: place for path, place in places.items() if path not in shallow}
        cut = len(key_path)
        data = _json({"value": plain(milestone), "places": _lists(shallow, cut)})
        self._lines.append(f"{name}\t{key}\t{data}\t{_json(_lists(deeper, cut))}".encode("utf-8"))

    def parts(self) -> list[bytes | memoryview]:
        """This build's entries, signed: the checksum of the rest, then one line per release file,
        as parts that the cache writes after its own, never joined (the memo is 80 MB at 10,000);
        signed as :func:`pressgen.output.cache.checksum` signs the lines joined."""
        signed = hashlib.sha256()
        parts: list[bytes | memoryview] = [b"", b"\n"]
        for number, line in enumerate(self._lines):
            if number:
                parts.append(b"\n")
                signed.update(b"\n")
            parts.append(line)
            signed.update(line)
        parts[0] = signed.hexdigest().encode("ascii")
        return parts


_LINE_HEAD = re.compile(b"([^\t\n]+)\t([^\t\n]+)\t")  # a release file's name and its key, then the data


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _lists(places: dict[str, Place], cut: int) -> list[list]:
    """The places as three lists: the key paths without the release's own at their start
    (``.quotes[0].text.fr``: that part is half of each), the lines, the columns."""
    return [[path[cut:] for path in places], [p.line for p in places.values()], [p.column for p in places.values()]]


def _deeper_places(name: str, key_path: str, data: memoryview) -> dict[str, Place] | None:
    """The places inside a kept release's fields, read when a message first asks for one;
    None when they are not what :meth:`ReleaseMemo.remember` wrote."""
    try:
        return _places(name, key_path, json.loads(bytes(data)))
    except (_Unusable, ValueError, TypeError, RecursionError):
        return None


def _places(name: str, key_path: str, data: Any) -> dict[str, Place]:
    """A release file's places, kept as :func:`_lists` writes them: checked and made a whole
    list at a time, as a release file has about a hundred."""
    paths, lines, columns = data
    if not type(paths) is type(lines) is type(columns) is list or not len(paths) == len(lines) == len(columns) \
            or not _all_of(str, paths) or not _all_of(int, lines) or not _all_of(int, columns):
        raise _Unusable("a place")
    paths = [key_path + path for path in paths]
    places = dict(zip(paths, map(tuple.__new__, repeat(Place), zip(repeat(name), lines, columns))))
    if len(places) != len(paths):
        raise _Unusable("a place given twice")
    return places


def _all_of(kind: type, values: list) -> bool:
    """Whether every item of ``values`` is exactly a ``kind`` (a flag is no number here)."""
    return set(map(type, values)) <= {kind}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def plain(value: Any) -> Any:
    """A decoded model value as JSON data (:func:`rebuilt` reads it back, given its type hint)."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        return str(value)  # a Url, a Slug…: its type hint says which
    if isinstance(value, dt.date):  # a date, or a date and time with its offset
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"no plain form for {type(value).__name__}")


class Languages(NamedTuple):
    """What the decoder asks of a value given per language, in a project of ``wanted``."""

    wanted: tuple[str, ...]  # the project's languages
    allowed: tuple[str, ...]  # those and the languages of their chains, in the order the decoder keeps
    chains: tuple[frozenset[str], ...]  # for each wanted language, those that may stand for it


@functools.lru_cache(maxsize=None)
def _languages(locales: tuple[str, ...]) -> Languages:
    chains = fallback_chains(locales)
    allowed = tuple(dict.fromkeys([*locales, *(tag for locale in locales for tag in chains.get(locale, ()))]))
    return Languages(locales, allowed, tuple(frozenset(chains.get(locale, (locale,))) for locale in locales))


def rebuilt(data: Any, hint: Any, locales: Sequence[str]) -> Any:
    """The value :class:`pressgen.project.decode.Decoder` makes for ``hint`` in a project of
    ``locales``, from :func:`plain`'s data: the same types (a text is a ``str``, a checked value
    its class), nothing else accepted."""
    return _rebuilder(hint, _languages(tuple(locales)))(data)


@functools.lru_cache(maxsize=None)
def _rebuilder(hint: Any, languages: Languages) -> Callable[[Any], Any]:
    """The function that rebuilds a value of ``hint``, put together once per type hint: a
    thousand releases hold about 170,000 values, each rebuilt without asking its hint's shape."""
    found = shape(hint)
    kind = found.kind
    if kind is Kind.OPTIONAL:
        inner = _rebuilder(found.args[0], languages)
        return lambda data: None if data is None else inner(data)
    if kind is Kind.EITHER:  # one text (a string here), or one per language (a mapping here)
        nested = [a for a in found.args if shape(a).kind in (Kind.PER_LOCALE, Kind.RECORD, Kind.MAPPING)]
        flat = [a for a in found.args if a not in nested]
        as_mapping, as_other = _rebuilder((nested or flat)[0], languages), _rebuilder((flat or nested)[0], languages)
        return lambda data: as_mapping(data) if isinstance(data, dict) else as_other(data)
    if kind is Kind.RECORD:
        fields = tuple((f.name, _rebuilder(field_hint, languages)) for f, field_hint in record_fields(hint))
        names = {name for name, _ in fields}

        # Made without the frozen class's __init__, which sets each field through
        # object.__setattr__ (a third of the rebuild): every field is given, and the model's
        # records have no __post_init__ to skip (tests/test_memo.py compares them with decoding's).
        new = object.__new__

        def record(data: Any) -> Any:
            if not isinstance(data, dict) or data.keys() != names:
                raise _Unusable(hint.__name__)
            made = new(hint)
            made.__dict__.update({name: rebuild(data[name]) for name, rebuild in fields})
            return made
        return record
    if kind is Kind.LIST:
        item = _rebuilder(found.args[0], languages)

        def items(data: Any) -> Any:
            if not isinstance(data, list):
                raise _Unusable("a list")
            return [item(value) for value in data]
        return items
    if kind is Kind.PER_LOCALE:  # as the decoder reads one: its languages, every one given, in its order
        value = _rebuilder(found.args[0], languages)
        allowed, wanted = frozenset(languages.allowed), frozenset(languages.wanted)

        def per_locale(data: Any) -> Any:
            if isinstance(data, dict) and data.keys() == wanted:  # most values: one per language, no other
                return model.PerLocale({tag: value(data[tag]) for tag in languages.wanted})
            if not isinstance(data, dict) or not data.keys() <= allowed \
                    or not all(chain & data.keys() for chain in languages.chains):
                raise _Unusable("one value per language")
            return model.PerLocale({tag: value(data[tag]) for tag in languages.allowed if tag in data})
        return per_locale
    if kind is Kind.MAPPING:
        key, value = _rebuilder(found.args[0], languages), _rebuilder(found.args[1], languages)

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise _Unusable("a mapping")
            return {key(k): value(v) for k, v in data.items()}
        return mapping
    if kind is Kind.CHOICE:
        allowed = frozenset(found.args)

        def choice(data: Any) -> Any:
            if not isinstance(data, str) or data not in allowed:
                raise _Unusable("a choice")
            return data
        return choice
    if kind in (Kind.CHECKED, Kind.TEXT):
        accepts = text_acceptor(hint)  # the text policy among its checks

        def text(data: Any) -> Any:
            if not isinstance(data, str) or not accepts(data):
                raise _Unusable("a text")
            if kind is Kind.TEXT:
                return data
            if not hint.pattern.fullmatch(data):
                raise _Unusable(hint.__name__)
            return hint(data)
        return text
    if kind is Kind.COUNT:
        def count(data: Any) -> Any:
            if not _is_int(data) or not 0 <= data < 10 ** MAX_COUNT_DIGITS:  # as the decoder reads a count
                raise _Unusable("a number")
            return data
        return count
    if kind is Kind.FLAG:
        def flag(data: Any) -> Any:
            if not isinstance(data, bool):
                raise _Unusable("true or false")
            return data
        return flag
    if kind is Kind.DAY:
        def day(data: Any) -> Any:
            if not isinstance(data, str) or len(data) != 10:
                raise _Unusable("a date")
            return dt.date.fromisoformat(data)
        return day
    if kind is Kind.MOMENT:
        def moment(data: Any) -> Any:
            value = dt.datetime.fromisoformat(data) if isinstance(data, str) else None
            if value is None or value.tzinfo is None:
                raise _Unusable("a moment")
            return value
        return moment
    raise TypeError(f"no rule for {hint!r}")
