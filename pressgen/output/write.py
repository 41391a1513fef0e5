"""Bring ``out/`` in line with the rendered files, safely: the entry points of ``pressgen.output``.

Four promises: a file whose bytes did not change is not touched (its mtime stays, so watchers
and ``make`` see nothing); only files that pressgen wrote before, as listed in
``out/.pressgen-manifest``, are ever deleted, and the manifest is written last; a build stopped
at any moment (an error, a full disk, Ctrl-C, ``kill -9``, a power cut) leaves ``out/`` either as
it was or exactly as the new build writes it, once the next command has run; and that next
command leaves no staged file behind.

How: :class:`~pressgen.output.transaction.Transaction` stages every new file in a folder inside
``out/``, flushes it, writes a journal (the commit point), then carries the journal out;
:func:`~pressgen.output.recovery.recover`, which every command runs first, rolls a committed
journal forward and deletes an uncommitted staging folder. :func:`plan` makes the same
decisions without writing anything, for ``build --check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from pressgen.output.errors import OutputError
from pressgen.output.journal import STAGING_NAME
from pressgen.output.manifest import MANIFEST_NAME, files_to_remove, manifest_bytes, read_manifest
from pressgen.output.recovery import Recovery, recover
from pressgen.output.transaction import Outcome, Transaction, same_on_disk

__all__ = ["MANIFEST_NAME", "STAGING_NAME", "OutputError", "Outcome", "Plan", "Recovery", "Transaction",
           "manifest_bytes", "plan", "read_manifest", "recover", "update"]


@dataclass
class Plan:
    """What a build would change in ``out/``; paths are relative to it, in sorted order."""

    write: dict[str, bytes] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.write or self.remove)


def plan(output: Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> Plan:
    """Compare ``files`` with what is on disk, as a build would; the manifest is part of the files.

    ``files`` may come one at a time as they are rendered: only those that differ are kept."""
    result = Plan()
    names: list[str] = []
    write: dict[str, bytes] = {}

    def compare(rel: str, data: bytes) -> None:
        if same_on_disk(output / rel, data):
            result.unchanged.append(rel)
        else:
            write[rel] = data

    for rel, data in (files.items() if isinstance(files, Mapping) else files):
        names.append(rel)
        compare(rel, data)
    compare(MANIFEST_NAME, manifest_bytes(names))
    result.unchanged.sort()
    result.write = dict(sorted(write.items()))
    result.remove = files_to_remove(output, [*names, MANIFEST_NAME])
    return result


def update(output: Path, files: dict[str, bytes], out: str | None = None) -> Outcome:
    """Write ``files`` into ``output`` in one transaction (for callers that have them all)."""
    with Transaction(output, out) as transaction:
        for rel, data in files.items():
            transaction.add(rel, data)
        return transaction.commit()
