"""Release files decoded by the last builds, kept so that the next reads only the files that changed.

In the folder layout every release is a file of its own. Each release decoded without a
problem is kept, its value (:class:`pressgen.model.Milestone`) and the places of its key paths,
under a key made of everything its decoding reads: the file's bytes, its name, the key path it
is read at (its id, or its position when the name is no id) and the settings file's bytes (the
languages, the time zone). The next build takes a release whose key is the same from here
instead of parsing and decoding its YAML again; the project's rules, the drift check and the
render then see the same values as from the YAML. The places inside a release's fields
(``quotes[0].text.fr``), most of them, stay unread until a message asks for one.

Where: one file per project folder in the user's cache folder, in the code's folder
(``$XDG_CACHE_HOME/pressgen/releases/<code>/``, :mod:`pressgen.cache_folder`), never in the
project. What is in a project can arrive with a pull
request, and a value taken from here skips the decoder's checks (the text policy among them).
The user's cache folder is written by pressgen alone, from exactly the bytes the key names, so
an entry is taken as it is: a pickle, which reads back a thousand releases in a third of the
time plain data rebuilt through the model's types took. Even so, reading it makes nothing but
the model's values: any other class in it, a file cut short or damaged, or one written by
other code (:func:`pressgen.render.inputs.code_digest`) is ignored, and its files decoded. A
folder that cannot be written costs only the decoding.

Only ``build`` reads it: ``check``, ``build --check`` and ``publish`` always decode the sources.
Whether a release is as *the last build of out/* read it is the build cache's to say
(:mod:`pressgen.output.cache` keeps each milestone's key): this memo may be older or newer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
from itertools import repeat
from pathlib import Path
from typing import Any, Callable

from pressgen import model
from pressgen.cache_folder import DIGEST_LENGTH, version_folder, write_whole
from pressgen.model.text import Text
from pressgen.project.sources import Place, release_part

_FORMAT = "pressgen-releases/1"
_PROTOCOL = 5

_DATES = ("date", "datetime", "timedelta", "timezone")


def memo_path(folder: Path, root: Path, code: str) -> Path:
    """The memo of the project in ``root``, in ``folder`` (the user's cache folder's
    ``releases``), in the folder of the code that writes it (``code``:
    :func:`pressgen.render.inputs.code_digest`)."""
    project = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:DIGEST_LENGTH]
    return version_folder(folder, code) / project


def settings_digest(settings: bytes) -> bytes:
    """The settings file's part of every release's key (:func:`release_key`), made once per build."""
    return hashlib.sha256(settings).digest()


def release_key(settings: bytes, name: str, key_path: str, raw: bytes) -> str:
    """Everything a release file's decoding depends on besides the code (the memo is the code's);
    ``settings``: :func:`settings_digest`."""
    h = hashlib.sha256(settings)
    h.update(f"\0{name}\0{key_path}\0".encode("utf-8"))
    h.update(raw)
    return h.hexdigest()


Entry = tuple[str, bytes]  # the key of a release file, and its value and places as a pickle
Reused = tuple[model.Milestone, dict[str, Place], Callable[[], dict[str, Place] | None]]


class ReleaseMemo:
    """The entries kept by the last builds (read from ``path``, if given) and those of this one."""

    def __init__(self, path: Path | None = None, code: str = ""):
        """``code``: :func:`pressgen.render.inputs.code_digest`, which the file must have been written with."""
        self.path, self.code = path, code
        self._previous: dict[str, Entry] = _read(path, code) if path is not None else {}
        # decoded by this build's other processes (pressgen.project.ahead): taken as the last
        # builds' are, but counted as decoded
        self._ahead: dict[str, Entry] = {}
        self._entries: dict[str, Entry] = {}  # this build's, by file name
        self.decoded: list[str] = []  # the files this build decoded from their YAML, in order
        self.keys: dict[str, str] = {}  # milestone id -> the key of the file it was read from

    def reuse(self, name: str, key: str, key_path: str) -> Reused | None:
        """The release kept for file ``name`` when it was decoded from the same inputs (``key``:
        :func:`release_key`, made with ``key_path``), the places of the release and its fields,
        and a function that gives the places inside its fields; else None."""
        found, ahead = self._previous.get(name), False
        if found is None or found[0] != key:
            found, ahead = self._ahead.get(name), True
        if found is None or found[0] != key:
            return None
        try:
            value, shallow, deeper = _loads(found[1])
            if type(value) is not model.Milestone:
                return None
            places = _places(name, key_path, shallow)
        except Exception:  # noqa: BLE001 - damaged, cut short, another class: decoded again
            return None
        self._entries[name] = found
        if ahead:
            self.decoded.append(name)
        return value, places, functools.partial(_deeper_places, name, key_path, deeper)

    def knows(self, name: str) -> bool:
        """Whether the last builds kept an entry for file ``name`` (under some key)."""
        return name in self._previous

    def take(self, entries: list[tuple[str, str, bytes]]) -> None:
        """Entries that this build's other processes decoded (:meth:`decoded_entries`), for
        :meth:`reuse` to take as it takes the last builds' (under the key of the bytes read here)."""
        for name, key, data in entries:
            self._ahead[name] = (key, data)

    def decoded_entries(self) -> list[tuple[str, str, bytes]]:
        """The entries of the files this memo's build decoded, as :meth:`take` reads them."""
        return [(name, *self._entries[name]) for name in self.decoded if name in self._entries]

    def remember(self, name: str, key: str, key_path: str, milestone: model.Milestone,
                 places: dict[str, Place]) -> None:
        """Keep a release decoded from its YAML at ``key_path`` for the next build (``key``:
        :func:`release_key`)."""
        self.decoded.append(name)
        if not all(path.startswith(key_path) for path in places):
            return  # never the case of a release (its places are its own): not worth a format
        shallow = {path: place for path, place in places.items() if not release_part(path)[1]}
        deeper = {path: place for path, place in places.items() if path not in shallow}
        cut = len(key_path)
        deeper_data = pickle.dumps(_lists(deeper, cut), _PROTOCOL)
        self._entries[name] = (key, pickle.dumps((milestone, _lists(shallow, cut), deeper_data), _PROTOCOL))

    def save(self) -> None:
        """Write this build's entries to the file the memo was read from, when they differ from
        what it held; whole or not at all (another build may read it meanwhile), and nothing
        when the folder cannot be written."""
        if self.path is None or self._entries == self._previous:
            return
        write_whole(self.path, lambda file: pickle.dump((_FORMAT, self.code, self._entries), file, _PROTOCOL))


@functools.cache
def _release_classes() -> dict[tuple[str, str], type]:
    """Every class a release's value is made of besides the built-in ones, as a pickle names
    it: the model's dataclasses, texts and per-language values, and the dates."""
    found: dict[tuple[str, str], type] = {("datetime", name): getattr(dt, name) for name in _DATES}
    for name, value in vars(model).items():
        if isinstance(value, type) and (dataclasses.is_dataclass(value) or issubclass(value, (Text, model.PerLocale))):
            found[model.__name__, name] = value
    return found


class _ModelOnly(pickle.Unpickler):
    """Makes the model's values, and nothing else: a pickle that names any other class (or
    function) is refused, not run."""

    def find_class(self, module: str, name: str) -> Any:
        found = _release_classes().get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"not a value of a release: {module}.{name}")
        return found


def _loads(data: bytes) -> Any:
    return _ModelOnly(io.BytesIO(data)).load()


def _read(path: Path, code: str) -> dict[str, Entry]:
    """The entries of the file at ``path``, if it is whole and was written by this code; else none."""
    try:
        with open(path, "rb") as file:
            found = _ModelOnly(file).load()
        form, written_by, entries = found
        if form != _FORMAT or written_by != code or type(entries) is not dict:
            return {}
        if not all(type(name) is str and type(entry) is tuple and len(entry) == 2 and type(entry[0]) is str
                   and type(entry[1]) is bytes for name, entry in entries.items()):
            return {}
        return entries
    except Exception:  # noqa: BLE001 - absent, unreadable, cut short, damaged: every file decoded
        return {}


def _lists(places: dict[str, Place], cut: int) -> tuple[list, list, list]:
    """The places as three lists: the key paths without the release's own at their start
    (``.quotes[0].text.fr``: that part is half of each), the lines, the columns."""
    return [path[cut:] for path in places], [p.line for p in places.values()], [p.column for p in places.values()]


def _deeper_places(name: str, key_path: str, data: bytes) -> dict[str, Place] | None:
    """The places inside a kept release's fields, read when a message first asks for one;
    None when they cannot be read."""
    try:
        return _places(name, key_path, _loads(data))
    except Exception:  # noqa: BLE001 - damaged: the file is decoded for them
        return None


def _places(name: str, key_path: str, data: tuple[list, list, list]) -> dict[str, Place]:
    """A release file's places, as :func:`_lists` keeps them, made a whole list at a time (a
    release file has about a hundred)."""
    paths, lines, columns = data
    return dict(zip([key_path + path for path in paths],
                    map(tuple.__new__, repeat(Place), zip(repeat(name), lines, columns))))
