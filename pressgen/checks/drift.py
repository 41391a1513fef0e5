"""Translation drift: notice when one language of a translated field changed and another did not.

For every translated field (every :class:`pressgen.model.PerLocale` value: a quote's text and
role, a headline, a caption, a link label, the nouns …) the lock file ``translations.lock``,
committed beside ``out/``, keeps the text of each language as of the last time the languages
were known to agree, and a short fingerprint of it (the first 12 hex digits of its SHA-256).

Rules, per field, comparing the sources with the lock:

- a field the lock does not know is recorded as agreeing (the first build records everything);
- no language changed, or every language changed: the languages agree (a consistent update);
  the lock takes the new texts;
- some languages changed and others did not: the field *needs translation review*. The lock
  keeps the agreed texts and records the flag (the changed languages and their new
  fingerprints), so the pull request shows it; ``pressgen build`` warns, ``pressgen check``
  fails. The flag clears when the other languages change too, or when the field is marked
  reviewed (:func:`mark_reviewed`, ``pressgen translation-reviewed``), which makes the current
  texts the agreed ones.

Field identity. A field is named by its place in the model, not its YAML key path: milestone id
plus field path, ``paris-2-millions/quotes[0]/text``; shared fields are ``defaults/about``; nouns
``nouns/follower``. Renumbering milestones does not move anything; list items (quotes,
highlights, links) are still identified by position within their milestone, so inserting a
quote before another shifts the names. To keep that from hiding or inventing drift, an item
whose texts match, in at least one language, the agreed texts of another item of the same kind
in the same milestone is compared with that item (it moved). The lock stores the agreed texts
themselves (not only fingerprints) so that a flag can show the old text next to the new one;
the price is a lock about as large as the translated texts.

This module is pure core: no click, no printing. It reads and returns the lock; ``build``
writes it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import itertools
import json
import json.encoder
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Collection, Iterator

from pressgen import model
from pressgen.checks.fields import release_fields
from pressgen.errors import Problem
from pressgen.model.walk import translated
from pressgen.project.sources import Place, SourceMap

# A text as a JSON string, as json.dumps(..., ensure_ascii=False) writes it (the C function when there is one).
_string = json.encoder.encode_basestring

LOCK_NAME = "translations.lock"
FINGERPRINT_DIGITS = 12
_FORMAT = 1
_COMMENT = ("Translation fingerprints, written by pressgen build: each translated field's text in each "
            "language as of the last time the languages agreed. Commit this file. A field under "
            "'needs_review' changed in one language only; update the other language or run "
            "`pressgen translation-reviewed <field>`.")
_HEADER = f'{{\n  "comment": {json.dumps(_COMMENT, ensure_ascii=False)},\n  "format": {_FORMAT},\n  "agreed": '.encode("utf-8")


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_DIGITS]


@dataclass(frozen=True)
class Field:
    """One translated field of the project, as the sources say it now."""

    key: str  # stable identity: "paris-2-millions/quotes[0]/text"
    yaml_path: str  # its key path in the sources: "paris-2-millions.quotes[0].text"
    texts: dict[str, str]  # by locale

    @property
    def milestone(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def kind(self) -> str:
        """The field with its list positions left out: "paris-2-millions/quotes[]/text"."""
        return re.sub(r"\[\d+\]", "[]", self.key)


@dataclass(frozen=True)
class Flag:
    """A field that needs translation review."""

    field: Field
    changed: tuple[str, ...]  # the languages whose text changed since the agreement
    unchanged: tuple[str, ...]
    old: dict[str, str]  # the agreed texts, by locale
    place: Place | None  # where the first changed language's text is

    def problem(self, sources: SourceMap) -> Problem:
        changed = " and ".join(_language(c) for c in self.changed)
        unchanged = " and ".join(_language(c) for c in self.unchanged)
        lines = [f"translation drift: the {changed} text changed but the {unchanged} did not ({self.field.key})"]
        for locale in self.changed:
            lines.append(f"    {locale} was: {self.old.get(locale, '')}")
            lines.append(f"    {locale} now: {self.field.texts[locale]}")
        for locale in self.unchanged:
            lines.append(f"    {locale} is:  {self.field.texts[locale]}")
        hint = (f"update the {unchanged} text to match, or, if no translation is needed (a typo fix), "
                f"run: pressgen translation-reviewed {self.field.key}")
        return sources.problem(self.place, "\n".join(lines), self.field.yaml_path, hint)


@dataclass
class Drift:
    """The project's translated fields compared with the lock."""

    flags: list[Flag]
    lock: bytes  # the lock file as it should now be
    lock_changed: bool  # not what is on disk (or nothing is): the old bytes are not kept (56 MB at 10,000)

    @functools.cached_property
    def digest(self) -> str:
        """The SHA-256 of :attr:`lock`, made once (for the comparison and for the build cache)."""
        return hashlib.sha256(self.lock).hexdigest()


# -- walking the model ---------------------------------------------------------------------------
def fields(project: model.Project, skip: Collection[str] = ()) -> list[Field]:
    """Every translated field of the project, sorted by key, shared fields once; none of the
    milestones ``skip`` names but their fields from defaults (their own are taken elsewhere)."""
    found: dict[str, Field] = {}
    for name, forms in sorted(project.nouns.items()):
        texts = {loc: _text(value) for loc, value in forms.items()}
        found[f"nouns/{name}"] = Field(f"nouns/{name}", f"nouns.{name}", texts)
    for field in release_fields(project, lambda milestone, path: milestone.id not in skip):
        if field.shared:
            if field.first:  # one field for every milestone that shares it
                for item in _fields(field.value, "defaults", field.path):
                    found.setdefault(item.key, item)
        else:
            for item in _fields(field.value, field.milestone.id, field.path, len(field.path) - len(field.name) - 1):
                found[item.key] = item
    return [found[key] for key in sorted(found)]


def _fields(value: Any, owner: str, yaml_path: str, owner_length: int | None = None) -> Iterator[Field]:
    """The translated values under ``value`` as fields keyed ``owner/field/…``."""
    cut = len(owner) if owner_length is None else owner_length
    for path, texts in translated(value, yaml_path):
        key = owner + path[cut:].replace(".", "/")
        yield Field(key, path, {loc: _text(text) for loc, text in sorted(texts.items())})


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if dataclasses.is_dataclass(value):  # NounForms: "abonné / abonnés"
        parts = [str(getattr(value, f.name)) for f in dataclasses.fields(value) if getattr(value, f.name) is not None]
        return " / ".join(parts)
    return str(value)


# -- the lock file ---------------------------------------------------------------------------------
def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


def read_lock(path: Path) -> tuple[dict[str, dict[str, str]], bytes | None]:
    """The agreed texts by field key and locale, and the file's bytes (None when missing).

    An unreadable lock is treated as empty (everything agrees), not as an error: the next
    build rewrites it.
    """
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return {}, None
    return _agreed(data), data


def _agreed(data: bytes | None) -> dict[str, dict[str, str]]:
    if data is None:
        return {}
    # A lock as pressgen writes it is read an entry at a time: parsed whole (then its texts
    # taken from it), it took a hundred megabytes more at 10,000 releases.
    try:
        laid_out = _laid_out(data)
        if laid_out is not None:
            return {key: _agreed_texts(entry) for key, entry in laid_out[0]}
    except (ValueError, AttributeError, KeyError, TypeError, RecursionError):
        pass  # then as any JSON document, which says what it is worth
    try:
        parsed = json.loads(data.decode("utf-8"))
        return {key: {loc: str(entry["text"]) for loc, entry in langs.items()}
                for key, langs in parsed.get("agreed", {}).items()}
    except (ValueError, AttributeError, KeyError, TypeError, RecursionError):  # RecursionError: 30,000 nested [
        return {}


def lock_bytes(agreed: dict[str, dict[str, str]], flags: list[Flag]) -> bytes:
    """The lock file: the JSON that ``json.dumps(document, ensure_ascii=False, indent=2)`` writes,
    with the agreed texts (nearly all of it) put together here around the C string encoder:
    the indented encoder is pure Python, and took half of the lock's time at 1,000 releases."""
    return _lock({key: _entry(key, texts) for key, texts in agreed.items()}, flags)


def _entry(key: str, texts: dict[str, str]) -> bytes:
    """One field's agreed texts as they stand in the lock, a line per value."""
    if not texts:
        return f"    {_string(key)}: {{}}".encode("utf-8")
    locales = ",\n".join(f'      {_string(loc)}: {{\n        "fingerprint": "{fingerprint(text)}",\n'
                          f'        "text": {_string(text)}\n      }}' for loc, text in sorted(texts.items()))
    return f"    {_string(key)}: {{\n{locales}\n    }}".encode("utf-8")


def _lock(entries: dict[str, bytes], flags: list[Flag]) -> bytes:
    """The lock from its agreed entries (:func:`_entry`, by key; ``entries`` is emptied) and its
    flags: at 10,000 releases the lock is 56 MB, and each copy of it counts in the build's
    memory, so each entry is let go as soon as it is written."""
    needs_review = {flag.field.key: {
        "changed": list(flag.changed),
        "now": {loc: fingerprint(flag.field.texts[loc]) for loc in flag.changed},
    } for flag in sorted(flags, key=lambda f: f.field.key)}
    review = json.dumps(needs_review, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out = io.BytesIO()
    out.write(_HEADER)
    if entries:
        out.write(b"{\n")
        for number, key in enumerate(sorted(entries)):
            if number:
                out.write(b",\n")
            out.write(entries.pop(key))
        out.write(b"\n  }")
    else:
        out.write(b"{}")
    out.write(f',\n  "needs_review": {review}\n}}\n'.encode("utf-8"))
    return out.getvalue()


def _kept_entries(data: bytes | None, written: str | None) -> tuple[dict[str, bytes], set[str]] | None:
    """The agreed entries of the lock, by key, as they stand in it, and the keys under
    needs_review, when the lock is byte for byte the one the last build wrote (``written``:
    its SHA-256); else None. Read by cutting the bytes at its entries, which :func:`_lock`
    writes one per line at the same indentation (a text never holds a line break: JSON writes
    it \\n), and decoding only each entry's first line, for its key."""
    if data is None or written is None or hashlib.sha256(data).hexdigest() != written:
        return None
    try:
        laid_out = _laid_out(data)
        return None if laid_out is None else (dict(laid_out[0]), laid_out[1])
    except (ValueError, TypeError):
        return None


def _laid_out(data: bytes) -> tuple[Iterator[tuple[str, bytes]], set[str]] | None:
    """The agreed entries (key, entry as it stands) of a lock laid out as :func:`_lock` writes
    it, one at a time, and the keys under needs_review; None when it is not. Read by cutting
    the bytes at its entries, which :func:`_lock` writes one per line at the same indentation
    (a text never holds a line break: JSON writes it \\n), and decoding only each entry's first
    line, for its key: raises ValueError when one is not a key."""
    if not data.startswith(_HEADER):
        return None
    end = data.rfind(_REVIEW)
    if end < len(_HEADER) or not data.endswith(b"\n}\n"):
        return None
    flagged = set(json.loads(data[end + len(_REVIEW):-3]))
    middle = memoryview(data)[len(_HEADER):end]  # not copied: only each entry is, in turn
    if middle == b"{}":
        return iter(()), flagged
    if not (middle[:2] == b"{\n" and middle[-4:] == b"\n  }"):
        return None
    return _entries(middle[2:-4]), flagged


def _entries(middle: memoryview) -> Iterator[tuple[str, bytes]]:
    start = 0
    for boundary in itertools.chain(_ENTRY_START.finditer(middle), [None]):
        stop = boundary.start() if boundary is not None else len(middle)
        entry = middle[start:stop].tobytes()
        key, _ = json.decoder.scanstring(entry.split(b"\n", 1)[0].decode("utf-8"), 5)
        yield key, entry
        if boundary is not None:
            start = boundary.end()


# Where one agreed entry ends and the next begins: a line at their indentation, and only theirs.
_ENTRY_START = re.compile(rb',\n(?=    ")')
_REVIEW = b',\n  "needs_review": '


# -- comparing ------------------------------------------------------------------------------------
def compare(project: model.Project, root: Path, unchanged: Collection[str] = (),
            written: str | None = None) -> Drift:
    """The flags and the lock as it should be after this build; reads, never writes.

    ``unchanged``: milestones whose values are those of the last build (their release files were
    not decoded again); ``written``: the SHA-256 of the lock that build wrote. When the lock is
    still that one, an unchanged milestone's entries are taken from it as they stand: comparing
    the same fields with the lock they made gives that lock again (an agreed field stays agreed,
    a flagged one keeps its agreed texts and its flag), so only the other milestones are compared.
    A milestone with a flag is always compared, so that its message can show its texts."""
    try:
        data = lock_path(root).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        data = None
    found = _kept_entries(data, written) if unchanged else None
    kept: dict[str, bytes] = {}
    skip: set[str] = set()
    old: dict[str, dict[str, str]] | None = None
    if found is not None:
        entries, flagged = found
        skip = set(unchanged) - {key.split("/", 1)[0] for key in flagged}
        kept = {key: entry for key, entry in entries.items() if key.split("/", 1)[0] in skip}
        try:
            old = {key: _agreed_texts(entry) for key, entry in entries.items() if key not in kept}
        except (ValueError, TypeError, KeyError, AttributeError):  # not what _lock wrote, after all
            kept, skip = {}, set()
    if old is None:
        old = _agreed(data)
    # The lock on disk is known by its length and its digest (``written``, for the one the last
    # build wrote): it need not stay in memory while the new one is made (56 MB at 10,000 releases).
    before = None if data is None else (len(data), written if found is not None else hashlib.sha256(data).hexdigest())
    data = None
    # Each field's entry is made as it is compared (the agreed texts of 300,000 fields, kept as
    # dictionaries until the end, were 60 MB at 10,000 releases).
    entries = kept
    flags: list[Flag] = []
    for item in fields(project, skip):
        baseline = _baseline(item, old)
        agreed = item.texts
        if baseline is not None:
            changed = tuple(loc for loc in item.texts if baseline.get(loc) != item.texts[loc])
            unchanged_locales = tuple(loc for loc in item.texts if loc not in changed)
            if changed and unchanged_locales:
                agreed = {loc: baseline.get(loc, item.texts[loc]) for loc in item.texts}
                place = project.sources.place(f"{item.yaml_path}.{changed[0]}", item.yaml_path)
                flags.append(Flag(item, changed, unchanged_locales, agreed, place))
        entries[item.key] = _entry(item.key, agreed)
    del old
    lock = _lock(entries, flags)
    drift = Drift(flags, lock, True)
    drift.lock_changed = before is None or len(lock) != before[0] or drift.digest != before[1]
    return drift


def _agreed_texts(entry: bytes) -> dict[str, str]:
    """The texts of one entry :func:`_kept_entries` cut out."""
    _, value = json.loads(b"{" + entry + b"}").popitem()
    return {loc: str(item["text"]) for loc, item in value.items()}


def _baseline(item: Field, old: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The agreed texts to compare ``item`` with: its own, or those of the item it moved from."""
    own = old.get(item.key)
    if own is not None and any(own.get(loc) == text for loc, text in item.texts.items()):
        return own
    prefix = item.milestone + "/"
    for key in sorted(old):
        if key != item.key and key.startswith(prefix) and re.sub(r"\[\d+\]", "[]", key) == item.kind:
            if any(old[key].get(loc) == text for loc, text in item.texts.items()):
                return old[key]
    return own


def mark_reviewed(project: model.Project, root: Path, keys: list[str]) -> tuple[bytes, list[str]]:
    """The lock with ``keys`` accepted as they are now, and the keys that are not flagged."""
    drift = compare(project, root)
    flagged = {flag.field.key: flag for flag in drift.flags}
    unknown = [key for key in keys if key not in flagged]
    current = {item.key: item for item in fields(project)}
    # Start from what compare() decided, then accept the reviewed fields' current texts.
    decided = json.loads(drift.lock.decode("utf-8"))["agreed"]
    agreed = {key: {loc: entry["text"] for loc, entry in langs.items()} for key, langs in decided.items()}
    remaining = []
    for flag in drift.flags:
        if flag.field.key in keys:
            agreed[flag.field.key] = dict(current[flag.field.key].texts)
        else:
            remaining.append(flag)
    return lock_bytes(agreed, remaining), unknown


def write_lock(path: Path, data: bytes) -> None:
    """Replace the lock atomically (write beside it, then move)."""
    import os

    temp = path.with_name(".pressgen-tmp-" + path.name)
    temp.write_bytes(data)
    os.replace(temp, path)


def problems(drift: Drift, sources: SourceMap) -> list[Problem]:
    """The flags as problems, located through the source map."""
    return [flag.problem(sources) for flag in drift.flags]


def _language(locale: str) -> str:
    """The language in English, as the messages say it ("the French text changed")."""
    from pressgen.language.locale import locale_for

    try:
        return locale_for(locale).english_name
    except ValueError:  # a language pressgen cannot write is named by its tag
        return locale
