"""``out/.pressgen-cache``: what the last build made each file from, so the next renders only what changed.

Beside the manifest, written by the same transaction (so the two always describe the same
``out/``), and never listed in it: it is pressgen's own bookkeeping, not a file to publish or
to commit. For each milestone it keeps the digests of its inputs
(:mod:`pressgen.render.inputs`), the templates its render asked for, each of its files'
fingerprint (size, modification time, inode and SHA-256), its *summary* (what the site-wide
pages, the newsroom, feeds and sitemap, need of it) and, only when its languages state
different figures, the texts the figures audit reads; for the site-wide pages, the digest of
the summaries they were made from. The file is a signature line, then what the whole build
shares (one JSON line), then one line per milestone (its id, a tab, its entry as JSON): the
entry of a milestone kept as it was is written back with the bytes it was read with, not made
into JSON again (at 10,000 releases that was 0.4 s of an edit). The release files as decoded
are kept elsewhere, outside the project (:mod:`pressgen.project.memo`); here each milestone
keeps only the key of the file it was read from.

Never trusted: a cache that is missing, unreadable, truncated, edited (its first line is the
SHA-256 of the rest), in an unknown format or written by other code (another pressgen,
another Jinja2, another Python) is ignored and the build renders everything. A file of ``out/``
whose fingerprint differs is read and compared with its SHA-256, so a file edited or deleted
by hand is noticed and rewritten, as without a cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

CACHE_NAME = ".pressgen-cache"
_FORMAT = "pressgen-cache/6"

Fingerprint = tuple[int, int, int, str]  # size, mtime in ns, inode, SHA-256 of the bytes


@dataclass
class Entry:
    """One milestone (or the site-wide pages) as the last build made it."""

    key: str  # the digest of its inputs besides the templates
    templates: list[tuple[str, str]]  # (language, template name) its render asked for
    templates_digest: str  # those templates as they were
    files: dict[str, Fingerprint]  # path under out/ → fingerprint
    summary: dict | None = None  # pressgen.render.summary.summary_json()
    # (language, Markdown, end mark) of each release when its figures differ (pressgen.checks.audit)
    audit: list[list[str]] = field(default_factory=list)
    # The digest of its data alone (pressgen.render.inputs.data_digest), part of ``key``.
    data: str = ""
    # A milestone's pressgen.render.summary.summary_digest(summary): the site-wide pages' key is made of them.
    summary_digest: str = ""
    # The key of the release file it was read from (pressgen.project.memo.release_key; the
    # folder layout): the same key, the same data, whose digest the next build does not make again.
    source: str = ""
    # The line it was read from, with the files it held then: written back as it is while its
    # files are those (no other field of an entry read is ever changed).
    read_as: tuple[bytes, dict[str, Fingerprint]] | None = field(default=None, repr=False, compare=False)

    def line(self, milestone_id: str) -> bytes:
        """This entry's line in the cache (without its line break)."""
        if self.read_as is not None and self.read_as[1] == self.files:
            return self.read_as[0]
        return milestone_id.encode("utf-8") + b"\t" + _dumps(_entry_json(self))


@dataclass
class Cache:
    """The whole cache: valid only for the code it names (``project``: the settings every
    release shares; ``sources``: every byte the build read, :class:`pressgen.render.inputs.Sources`)."""

    code: str
    project: str
    milestones: dict[str, Entry] = field(default_factory=dict)
    site: dict[str, Entry] = field(default_factory=dict)
    sources: str = ""
    named: list[str] = field(default_factory=list)  # the files the milestones name (images, logo)
    order: list[str] = field(default_factory=list)  # the milestones, in the project's order
    lock: str = "translations.lock"  # where the translation lock is, from the project's folder
    lock_digest: str = ""  # the SHA-256 of the lock this build left (pressgen.checks.drift.compare)
    # What the build reported besides its files: the translation flags and the warnings, as Problem fields.
    flags: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def to_parts(self) -> list[bytes | memoryview]:
        """The cache's bytes as parts, for the transaction to write one after the other (a
        line per milestone, not copied to be joined)."""
        shared = _dumps({
            "format": _FORMAT, "code": self.code, "project": self.project, "sources": self.sources,
            "named": self.named, "order": self.order, "lock": self.lock, "lock_digest": self.lock_digest,
            "flags": self.flags,
            "warnings": self.warnings,
            "milestones": len(self.milestones),
            "site": {key: _entry_json(entry) for key, entry in self.site.items()},
        })
        signed = hashlib.sha256()
        body: list[bytes | memoryview] = []
        for line in (shared, *(entry.line(key) for key, entry in self.milestones.items())):
            body += (line, b"\n")
            signed.update(line)
            signed.update(b"\n")
        return [signed.hexdigest().encode("ascii"), b"\n", *body]

    def entries(self) -> list[Entry]:
        return [*self.milestones.values(), *self.site.values()]


def read_cache(output: Path, code: str) -> Cache | None:
    """The cache of ``output`` if it is whole and was written by this code; else None."""
    try:
        with open(output / CACHE_NAME, "rb") as file:
            signature, shared = file.readline(), file.readline()
            data = json.loads(shared)  # signed with the lines after it: checked once they are read
            lines = _lines(file, data["milestones"])
            rest = file.read(1)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    signed = hashlib.sha256(shared)
    for line in lines:
        signed.update(line)
    whole = not rest and all(line.endswith(b"\n") for line in (shared, *lines))
    if not whole or signed.hexdigest().encode("ascii") + b"\n" != signature:
        return None
    try:
        if data["format"] != _FORMAT or data["code"] != code:
            return None
        milestones = {}
        for line in lines:
            key, _, value = line[:-1].partition(b"\t")
            entry = milestones[key.decode("utf-8")] = _entry(json.loads(value))
            entry.read_as = (line[:-1], entry.files)
        cache = Cache(code, str(data["project"]), milestones=milestones,
                      site={str(key): _entry(value) for key, value in data["site"].items()},
                      sources=str(data["sources"]), named=[str(rel) for rel in data["named"]],
                      order=[str(name) for name in data["order"]], lock=str(data["lock"]),
                      lock_digest=str(data["lock_digest"]),
                      flags=[dict(flag) for flag in data["flags"]],
                      warnings=[dict(warning) for warning in data["warnings"]])
        if len(milestones) != len(lines) or sorted(cache.order) != sorted(cache.milestones):
            return None
        return cache
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _lines(file: BinaryIO, count: object) -> list[bytes]:
    """The next ``count`` lines of ``file``, fewer at its end (a count is not trusted before the
    signature is checked)."""
    lines: list[bytes] = []
    while type(count) is int and len(lines) < count:
        line = file.readline()
        if not line:
            break
        lines.append(line)
    return lines


def verified(output: Path, files: dict[str, Fingerprint]) -> dict[str, Fingerprint] | None:
    """``files`` as they are in ``output`` now, when every one of them still holds the bytes it
    was written with (a changed fingerprint is settled by reading the file); else None."""
    now: dict[str, Fingerprint] = {}
    folder = os.fspath(output)
    for rel, (size, mtime, inode, digest) in files.items():
        path = os.path.join(folder, rel)  # not a Path: 60,000 files at 10,000 releases
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return None
        if (info.st_mtime_ns, info.st_ino) != (mtime, inode):
            try:
                with open(path, "rb") as file:
                    if hashlib.sha256(file.read()).hexdigest() != digest:
                        return None
            except OSError:
                return None
        now[rel] = (info.st_size, info.st_mtime_ns, info.st_ino, digest)
    return now


def fingerprint(path: Path, digest: str) -> Fingerprint:
    """The fingerprint of the file at ``path`` (a staged one keeps it once moved into place)."""
    info = os.stat(path)
    return (info.st_size, info.st_mtime_ns, info.st_ino, digest)


def _dumps(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _entry_json(entry: Entry) -> dict:
    return {"key": entry.key, "templates": [list(item) for item in entry.templates],
            "templates_digest": entry.templates_digest,
            "files": {rel: list(value) for rel, value in entry.files.items()}, "summary": entry.summary,
            "audit": entry.audit, "data": entry.data, "summary_digest": entry.summary_digest,
            "source": entry.source}


def _entry(value: dict) -> Entry:
    files = {}
    for rel, (size, mtime, inode, digest) in value["files"].items():
        if not all(isinstance(number, int) for number in (size, mtime, inode)) or not isinstance(digest, str):
            raise TypeError("a fingerprint")
        files[str(rel)] = (size, mtime, inode, digest)
    summary = value["summary"]
    if summary is not None and not isinstance(summary, dict):
        raise TypeError("a summary")  # read (and checked) only by a build that keeps its milestone
    audit = value["audit"]
    if not isinstance(audit, list) or not all(isinstance(t, list) and len(t) == 3 and all(isinstance(x, str) for x in t)
                                              for t in audit):
        raise TypeError("an audit text")
    return Entry(str(value["key"]), [(str(tag), str(name)) for tag, name in value["templates"]],
                 str(value["templates_digest"]), files, summary, audit, str(value["data"]),
                 str(value["summary_digest"]), str(value["source"]))
