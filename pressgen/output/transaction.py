"""One build's changes to ``out/``, all or nothing: stage, commit with a journal, carry it out.

:class:`Transaction` takes the files one at a time (a streaming build can add each milestone's
files as soon as they are rendered; nothing is held in memory). A file whose bytes are already
on disk is left alone, so its mtime stays; any other is written to the staging folder inside
``out/``. :meth:`Transaction.commit` adds the manifest, flushes what was staged, writes the
journal (the commit point, see :mod:`pressgen.output.journal`) and carries it out. Whatever stops the build
before the commit point (an error, Ctrl-C, a full disk, ``kill -9``) leaves ``out/`` as it was
plus, at worst, a staging folder that the next command deletes; after it, ``out/`` ends up
exactly as the new build writes it. Ctrl-C and SIGTERM wait for the commit to finish.
"""

from __future__ import annotations

import os
import signal
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from pressgen.output.cache import CACHE_NAME
from pressgen.output.durable import Content, parts_of, remove_folder, sync_file_system, sync_folder, write_file
from pressgen.output.errors import OutputError
from pressgen.output.journal import STAGING_NAME, Staging, Step, carry_out, discard, write_journal
from pressgen.output.lock import Busy, FolderLock
from pressgen.output.manifest import MANIFEST_NAME, files_to_remove, is_inside, manifest_bytes
from pressgen.output.recovery import Recovery, recover_locked


@dataclass
class Outcome:
    """What a committed transaction did; paths relative to ``out/``, sorted."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.written or self.removed)


class Transaction:
    """Bring ``output`` in line with the files given to :meth:`add`, at :meth:`commit`.

    Use it as a context manager: leaving the block without committing (an exception, say)
    throws the staged files away and leaves ``output`` as it was. ``out`` is how messages name
    the folder. Entering takes the folder's lock and recovers an interrupted earlier build
    (:attr:`recovered`).
    """

    def __init__(self, output: Path, out: str | None = None):
        self.output = output
        self.out = out or output.name
        self.recovered: Recovery | None = None
        self._staging = Staging(output)
        self._lock: FolderLock | None = None
        self._seen: set[str] = set()
        self._written: list[str] = []
        self._staged: set[str] = set()
        self._unchanged: list[str] = []
        self._folders: set[Path] = set()  # created in the staging folder
        self._journal_steps: list[Step] = []  # the journal, once written
        self._committed = False
        self._finished = False
        self._closed = False
        self._created = False  # whether open() made ``output``

    # -- the API ------------------------------------------------------------------------------
    def __enter__(self) -> "Transaction":
        self.open()
        return self

    def open(self) -> None:
        """Create ``output`` if needed, lock it, and finish or undo an interrupted build in it."""
        try:
            self._created = not self.output.exists()  # a failed first build leaves no out/ behind
            self.output.mkdir(parents=True, exist_ok=True)
            self._lock = FolderLock(self.output)
        except Busy:
            raise OutputError(f"{self.out}/ is being written by another pressgen process",
                              f"{self.out}/ was not touched by this build.", out=self.out,
                              hint="wait until that build is done, then run this one again") from None
        except OSError as error:
            raise OutputError(f"cannot open {self.out}/ for writing", self._as_it_was(), error, self.out) from None
        try:
            self.recovered = recover_locked(self.output, self.out)
        except BaseException:
            self._close()
            raise

    def add(self, rel: str, data: bytes) -> None:
        """Take ``data`` as the content of ``out/<rel>``; staged only if it differs from the disk."""
        self._check_name(rel)
        self._add(rel, data)

    def keep(self, rel: str) -> None:
        """Keep ``out/<rel>`` as it is, as a file of this build: the caller knows its bytes are
        right (the build cache checked them, :mod:`pressgen.output.cache`)."""
        self._check_name(rel)
        self._ensure_open()
        if rel in self._seen:
            raise ValueError(f"{self.out}/{rel} was added twice")
        self._seen.add(rel)
        self._unchanged.append(rel)

    def location(self, rel: str) -> Path:
        """Where the bytes of ``out/<rel>`` are now: staged, or in ``out/`` when unchanged. A staged
        file keeps its inode and modification time when it is moved into place."""
        return self._staging.staged(rel) if rel in self._staged else self.output / rel

    def commit(self, cache: Content | None = None) -> Outcome:
        """Write the manifest, remove what the last build wrote and this one did not, atomically.
        ``cache`` is the new ``out/.pressgen-cache`` (its bytes, or their parts), committed with
        the rest and listed nowhere."""
        self._ensure_open()
        self._add(MANIFEST_NAME, manifest_bytes(self._seen))
        if cache is not None and not (self.output / CACHE_NAME).is_dir():  # a folder there: build without
            self._add(CACHE_NAME, cache)
        removed = files_to_remove(self.output, self._seen)
        outcome = Outcome(sorted(rel for rel in self._written if rel != CACHE_NAME),
                          sorted(rel for rel in self._unchanged if rel != CACHE_NAME), removed)
        if not self._written:  # the manifest is unchanged, so nothing is to be removed either
            self._close()
            return outcome
        try:
            steps = self._steps(removed)
            sync_file_system(self.output)  # every staged file and folder, before the journal refers to them
        except OSError as error:
            self._fail(f"cannot write the new files into {self.out}/{STAGING_NAME}", error)
        with _signals_deferred():
            try:
                write_journal(self._staging, steps)
            except OSError as error:
                self._fail(f"cannot write the journal {self.out}/{STAGING_NAME}/journal", error)
            self._committed = True
            try:
                carry_out(self._staging, steps)
            except OSError as error:
                self._close()
                raise OutputError(f"cannot finish updating {self.out}/", self._partly(), error, self.out) from None
            try:
                discard(self._staging)
                self._finished = True
            except OSError as error:
                self._close()
                raise OutputError(f"cannot delete {self.out}/{STAGING_NAME} after updating {self.out}/",
                                  f"{self.out}/ is up to date; the next pressgen command deletes that folder.",
                                  error, self.out) from None
        self._close()
        return outcome

    def rollback(self) -> None:
        """Throw away what was staged; ``out/`` itself was never touched before the commit (and
        is removed again when this build created it: it was not there before)."""
        try:
            if not self._committed and self._staging.root.exists():
                remove_folder(self._staging.root)
                sync_folder(self.output)
        finally:
            self._close()
        if not self._committed and self._created:
            try:
                self.output.rmdir()  # only if empty: nothing that was not ours is ever deleted
            except OSError:
                pass

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self._closed:
            return False
        try:
            if self._committed and not self._finished:  # interrupted inside the commit: finish
                with _signals_deferred():
                    carry_out(self._staging, self._journal_steps)
                    discard(self._staging)
            else:
                self.rollback()
        except (OSError, OutputError):
            if exc_type is None:
                raise
            # the original exception says what went wrong; the next command finishes the cleanup
        finally:
            self._close()
        return False

    # -- internals -----------------------------------------------------------------------------
    def _check_name(self, rel: str) -> None:
        parts = rel.split("/")
        if (rel and "" not in parts and "." not in parts and ".." not in parts and parts[0] != STAGING_NAME
                and rel not in (MANIFEST_NAME, CACHE_NAME)):
            return  # a plain relative name, as every name of a build is: the checks below all pass
        path = PurePosixPath(rel)
        if (not is_inside(rel) or path.as_posix() != rel or rel in (MANIFEST_NAME, CACHE_NAME)
                or path.parts[0] == STAGING_NAME):
            raise ValueError(f"not a file pressgen may write in {self.out}/: {rel!r}")

    def _add(self, rel: str, data: Content) -> None:
        self._ensure_open()
        if rel in self._seen:
            raise ValueError(f"{self.out}/{rel} was added twice")
        self._seen.add(rel)
        if same_on_disk(self.output / rel, data):
            self._unchanged.append(rel)
            return
        try:
            target = self._staging.staged(rel)
            self._make_folders(target.parent)
            write_file(target, data)
        except OSError as error:
            self._fail(f"cannot write the new {self.out}/{rel} (staged in {self.out}/{STAGING_NAME})", error)
        self._written.append(rel)
        self._staged.add(rel)

    def _make_folders(self, folder: Path) -> None:
        missing = []
        while folder not in self._folders and not folder.is_dir():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._folders.add(path)

    def _steps(self, removed: list[str]) -> list[Step]:
        """The journal: each new folder moves whole, other files one by one; the manifest last."""
        units: set[str] = set()
        for rel in self._written:
            if rel in (MANIFEST_NAME, CACHE_NAME):
                continue
            parts = PurePosixPath(rel).parts
            unit = rel
            for depth in range(1, len(parts)):
                prefix = "/".join(parts[:depth])
                folder = self.output / prefix
                if not os.path.lexists(folder):
                    unit = prefix
                    break
                if not folder.is_dir():
                    self._conflict(prefix, "is a file where pressgen needs a folder")
            target = self.output / unit
            if unit == rel and target.is_dir() and not target.is_symlink():
                self._conflict(rel, "is a folder where pressgen writes a file")
            units.add(unit)
        steps: list[Step] = [("move", unit) for unit in sorted(units)]
        steps += [("remove", rel) for rel in removed]
        if CACHE_NAME in self._staged:
            steps.append(("move", CACHE_NAME))
        if MANIFEST_NAME in self._written:
            steps.append(("move", MANIFEST_NAME))
        self._journal_steps = steps
        return steps

    def _conflict(self, rel: str, problem: str) -> None:
        self._fail(f"{self.out}/{rel} {problem}", None, hint=f"move {self.out}/{rel} out of {self.out}/, then build again")

    def _fail(self, what: str, error: OSError | None, hint: str = "") -> None:
        """Roll back, then raise the error that says so (or that the staging folder is left)."""
        try:
            self.rollback()
            state = self._as_it_was()
        except OSError as cleanup:
            state = (f"{self.out}/ is as it was before this build, but its staging folder "
                     f"{self.out}/{STAGING_NAME} could not be deleted ({cleanup.strerror}); "
                     "the next pressgen command deletes it.")
        raise OutputError(what, state, error, self.out, hint) from None

    def _as_it_was(self) -> str:
        return f"{self.out}/ is as it was before this build: nothing in it was changed."

    def _partly(self) -> str:
        return (f"{self.out}/ is partly updated, but the update is committed in "
                f"{self.out}/{STAGING_NAME}/journal: the next pressgen command (build, check, "
                "build --check, serve) finishes it once this is fixed.")

    def _ensure_open(self) -> None:
        if self._lock is None or self._closed:
            raise RuntimeError("the transaction is not open (use `with Transaction(...)`, once)")

    def _close(self) -> None:
        self._closed = True
        if self._lock is not None:
            self._lock.release()


def same_on_disk(path: Path, data: Content) -> bool:
    """True when ``path`` is a regular file holding exactly ``data`` (read a part at a time)."""
    parts = parts_of(data)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != sum(len(part) for part in parts):
            return False
        with open(path, "rb") as file:
            return all(file.read(len(part)) == part for part in parts)
    except OSError:
        return False


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) and SIGTERM while the commit runs, so the process itself never
    leaves ``out/`` half-moved; a held-back signal takes effect as soon as the commit is over."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
