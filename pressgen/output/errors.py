"""The one error the output side raises: what failed, where, and what state ``out/`` is in.

A full disk or a read-only ``out/`` is not a problem in the user's files (exit status 2, not 1),
but it is not a bug either: the message names the file and the cause, says whether ``out/`` is
as it was or will be finished by the next command, and what to do, with no traceback.
"""

from __future__ import annotations

import errno

_HINTS = {
    errno.ENOSPC: "free some disk space, then run `pressgen build` again",
    errno.EDQUOT: "the disk quota is used up: free some space, then run `pressgen build` again",
    errno.EROFS: "{out}/ is on a read-only file system: build where it can be written",
    errno.EACCES: "pressgen may not write there: check the owner and permissions of {out}/ and its folders",
    errno.EPERM: "pressgen may not write there: check the owner and permissions of {out}/ and its folders",
    errno.EFBIG: "a file is larger than this process may write (see `ulimit -f`)",
}


class OutputError(Exception):
    """``out/`` could not be brought up to date; ``str()`` is the whole message for the terminal."""

    def __init__(self, what: str, state: str, cause: OSError | None = None, out: str = "out", hint: str = ""):
        self.what = what
        self.state = state
        self.cause = cause
        if not hint and cause is not None and cause.errno in _HINTS:
            hint = _HINTS[cause.errno].format(out=out)
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        lines = [f"{self.what}: {describe(self.cause)}" if self.cause is not None else self.what, self.state]
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


def describe(error: OSError) -> str:
    """``No space left on device [ENOSPC]``: the reason without Python's wording or repeated path."""
    name = errno.errorcode.get(error.errno or 0)
    reason = error.strerror or str(error) or type(error).__name__
    return f"{reason} [{name}]" if name else reason
