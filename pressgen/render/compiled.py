"""Compiled templates kept in the user's cache folder, so that a build does not compile again
what it compiled last time (Jinja2 compiles each language's ``release.md`` in about 75 ms: a
tenth of a build after one edit).

Why outside the project: compiled templates are code that runs, and what is in a project can
arrive with a pull request (``out/.pressgen-cache`` too, committed by mistake or on purpose).
The user's cache folder is written by pressgen alone, and an entry can only hold what pressgen
compiled from a template's source: Jinja2 checks the source's digest and its own version
before using one. Its folder is named after :func:`pressgen.render.inputs.code_digest` (a new
pressgen, or a library that compiles differently, starts an empty one; the others are
removed). An entry that cannot be read is compiled again, and one that cannot be written is
left unwritten: the folder only ever saves time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from types import CodeType

import jinja2

from pressgen.render.inputs import code_digest

DIGEST_LENGTH = 24  # hexadecimal digits of the code digest that name a folder


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja2's bytecode cache, in ``root/<code digest>/``."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / code_digest()[:DIGEST_LENGTH]

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            with open(self._path(bucket), "rb") as file:
                bucket.load_bytecode(file)
        except Exception:  # absent, unreadable, cut short, damaged: compiled again
            bucket.reset()
            return
        if not isinstance(bucket.code, CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            if not self.folder.is_dir():
                self._remove_others()
                self.folder.mkdir(parents=True, mode=0o700, exist_ok=True)
            handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=self.folder)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(bucket.bytecode_to_string())
            os.replace(temporary, self._path(bucket))  # whole or not at all, for a build beside this one
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def _remove_others(self) -> None:
        """The folders of other versions of pressgen: what they hold is never used again here."""
        try:
            others = [path for path in self.root.iterdir() if len(path.name) == DIGEST_LENGTH and path != self.folder]
        except OSError:
            return
        for path in others:
            shutil.rmtree(path, ignore_errors=True)
