"""Finish or undo a build that was killed, interrupted or failed while it wrote ``out/``.

Every command that touches ``out/`` starts here, so that no staged file outlives the build that
made it by more than one command: a staging folder with a journal is rolled forward (the build
had committed), one without is deleted (it had not; ``out/`` was never touched).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from pressgen.output.errors import OutputError
from pressgen.output.journal import STAGING_NAME, DamagedJournal, Staging, carry_out, discard, read_journal
from pressgen.output.lock import Busy, FolderLock


@dataclass(frozen=True)
class Recovery:
    """What was found of an interrupted build, and what was done with it."""

    finished: bool  # True: its journal was complete and it was carried out; False: it was undone
    steps: int = 0

    def describe(self, out: str = "out") -> str:
        if self.finished:
            return (f"{out}/ held a build that was interrupted after its commit point: "
                    f"finished it ({self.steps} step{'s' if self.steps != 1 else ''} of its journal).")
        return (f"{out}/ held the staging folder of a build interrupted before its commit point: "
                f"deleted it ({out}/ is as that build found it).")


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
            shutil.rmtree(staging.root)
            return Recovery(finished=False)
        carry_out(staging, steps)
        discard(staging)
    except OSError as error:
        what = "cannot finish the interrupted build in" if steps is not None else "cannot delete the staging folder"
        raise OutputError(f"{what} {display}", _left(out), error, out) from None
    return Recovery(finished=True, steps=len(steps))


def _left(out: str) -> str:
    return (f"{out}/ still holds an interrupted build ({out}/{STAGING_NAME}); "
            "the next pressgen command finishes or undoes it once this is fixed.")
