"""Compiled templates kept in the user's cache folder, so that a build does not compile again
what it compiled last time (Jinja2 compiles each language's ``release.md`` in about 75 ms: a
tenth of a build after one edit).

Why outside the project: compiled templates are code that runs, and what is in a project can
arrive with a pull request (``out/.pressgen-cache`` too, committed by mistake or on purpose).
The user's cache folder is written by pressgen alone, and an entry can only hold what pressgen
compiled from a template's source: Jinja2 checks the source's digest and its own version
before using one. Its folder is the code's (:mod:`pressgen.cache_folder`: a new pressgen, or a
library that compiles differently, starts an empty one). An entry that cannot be read is
compiled again, and one that cannot be written is left unwritten.
"""

from __future__ import annotations

from pathlib import Path
from types import CodeType

import jinja2

from pressgen.cache_folder import version_folder, write_whole
from pressgen.render.inputs import code_digest


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja2's bytecode cache, in ``root/<code digest>/``."""

    def __init__(self, root: Path):
        self.folder = version_folder(root, code_digest())

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
        write_whole(self._path(bucket), lambda file: file.write(bucket.bytecode_to_string()))

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"
