"""Finish or undo a build that was killed, interrupted or failed while it wrote ``out/``.

Every command that touches ``out/`` starts here, so that no staged file outlives the build that
made it by more than one command: a staging folder with a journal is rolled forward (the build
had committed), one with staged files and no journal is deleted (it had not; ``out/`` was never
touched), and so is an empty one (a build that had finished but for that folder, or that had
not staged anything yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pressgen.output.durable import remove_folder, sync_folder
from pressgen.output.errors import OutputError
from pressgen.output.journal import STAGING_NAME, DamagedJournal, Staging, carry_out, discard, read_journal
from pressgen.output.lock import Busy, FolderLock


@dataclass(frozen=True)
class Recovery:
    """What was found of an interrupted build, and what was done with it."""

    kind: str  # "finished" (its journal was carried out), "undone" (staged files, no journal:
    # deleted) or "cleared" (an empty staging folder, from either side of the commit: deleted)
    steps: int = 0

    @property
    def finished(self) -> bool:
        return self.kind == "finished"

    def describe(self, out: str = "out") -> str:
        if self.kind == "finished":
            return (f"{out}/ held a build that was interrupted after its commit point: "
                    f"finished it ({self.steps} step{'s' if self.steps != 1 else ''} of its journal).")
        if self.kind == "undone":
            return (f"{out}/ held the staging folder of a build interrupted before its commit point: "
                    f"deleted it ({out}/ is as that build found it).")
        return f"{out}/ held the empty staging folder of an interrupted build: deleted it."


def recover(output: Path, out: str = "out") -> Recovery | None:
    """Finish or undo an interrupted build in ``output``; None when there was none (or it is running)."""
    if not Staging(output).root.exists():
        return None
    try:
        lock = FolderLock(output)
    except Busy:
        return None  # another pressgen is writing out/ right now: that staging folder is its own
    except OSError as error:
        raise OutputError(f"cannot open {out}/ to finish an interrupted build", _left(out), error, out) from None
    with lock:
        return recover_locked(output, out)


def recover_locked(output: Path, out: str = "out") -> Recovery | None:
    """:func:`recover`, for a caller that holds the lock of ``output``."""
    staging = Staging(output)
    if not staging.root.exists():
        return None
    display = f"{out}/{staging.root.name}"
    try:
        steps = read_journal(staging)
    except DamagedJournal as error:
        raise OutputError(
            f"{display}/journal is damaged ({error}): pressgen cannot tell how far that build got",
            f"{out}/ may be partly updated; nothing was changed now.",
            out=out, hint=f"check {out}/ with `git status`, delete {display}, then run `pressgen build`") from None
    except OSError as error:
        raise OutputError(f"cannot read {display}/journal", _left(out), error, out) from None
    try:
        if steps is None:
            staged = staging.files.exists()
            remove_folder(staging.root)
            sync_folder(output)
            return Recovery("undone" if staged else "cleared")
        carry_out(staging, steps)
        discard(staging)
    except OSError as error:
        what = "cannot finish the interrupted build in" if steps is not None else "cannot delete the staging folder"
        raise OutputError(f"{what} {display}", _left(out), error, out) from None
    return Recovery("finished", steps=len(steps))


def _left(out: str) -> str:
    return (f"{out}/ still holds an interrupted build ({out}/{STAGING_NAME}); "
            "the next pressgen command finishes or undoes it once this is fixed.")
