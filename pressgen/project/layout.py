"""Where a pressgen project keeps its files. One place, so no module guesses a path.

A project has one of two layouts, decided by :meth:`Layout.kind` alone:

- one file: ``milestones.yaml`` holds the settings and every release;
- a folder: ``pressgen.yaml`` holds the settings (locales, nouns, defaults, outputs) and
  ``releases/<id>.yaml`` one release each, named by its id.

A project with both is refused with a clear error rather than read one way or the other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pressgen.errors import PressgenError, Problem

SOURCE_NAME = "milestones.yaml"
SETTINGS_NAME = "pressgen.yaml"
RELEASES_NAME = "releases"
RELEASE_SUFFIX = ".yaml"
TEMPLATES_NAME = "templates"
OUTPUT_NAME = "out"

ONE_FILE = "one-file"
FOLDER = "folder"


@dataclass(frozen=True)
class Layout:
    """The paths of one project, from its root folder."""

    root: Path

    @property
    def milestones_file(self) -> Path:
        """``milestones.yaml``: the whole project, in the one-file layout."""
        return self.root / SOURCE_NAME

    @property
    def settings(self) -> Path:
        """``pressgen.yaml``: the shared settings, in the folder layout."""
        return self.root / SETTINGS_NAME

    @property
    def releases(self) -> Path:
        """``releases/``: one file per release, in the folder layout."""
        return self.root / RELEASES_NAME

    @property
    def source(self) -> Path:
        """The project's main file: ``pressgen.yaml`` in the folder layout, else ``milestones.yaml``."""
        return self.settings if self._detect()[0] == FOLDER else self.milestones_file

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES_NAME

    @property
    def output(self) -> Path:
        return self.root / OUTPUT_NAME

    def kind(self) -> str:
        """:data:`ONE_FILE` or :data:`FOLDER`; :class:`PressgenError` when the project has both."""
        found, conflict = self._detect()
        if conflict:
            raise PressgenError([Problem(
                conflict, 0, 0, f"this project has both {SOURCE_NAME} and {conflict}: "
                "a project keeps its releases in one layout only",
                hint=f"keep one: `pressgen join` moves {RELEASES_NAME}/ back into {SOURCE_NAME}, "
                     f"`pressgen split` moves {SOURCE_NAME} into {SETTINGS_NAME} and {RELEASES_NAME}/; "
                     "then delete what is left of the other")])
        return found

    def _detect(self) -> tuple[str, str]:
        """The one decision of the layout: (kind, the name of a conflicting file or folder or "")."""
        folder = self.settings.is_file() or bool(self.release_files())
        if self.milestones_file.is_file():
            if self.settings.is_file():
                return ONE_FILE, SETTINGS_NAME
            if self.release_files():
                return ONE_FILE, f"{RELEASES_NAME}/"
            return ONE_FILE, ""
        return (FOLDER if folder else ONE_FILE), ""

    def release_files(self) -> list[Path]:
        """``releases/*.yaml``, sorted by name: the folder layout's releases, in their order."""
        if not self.releases.is_dir():
            return []
        with os.scandir(self.releases) as entries:  # names, not paths, compared: 10,000 of them
            names = sorted(e.name for e in entries
                           if e.name.endswith(RELEASE_SUFFIX) and not e.name.startswith(".") and e.is_file())
        return [self.releases / name for name in names]

    def release_file(self, milestone_id: str) -> Path:
        """Where the release ``milestone_id`` lives in the folder layout."""
        return self.releases / f"{milestone_id}{RELEASE_SUFFIX}"

    def source_files(self) -> list[Path]:
        """Every YAML file the project is read from, main file first."""
        if self._detect()[0] == FOLDER:
            return [self.settings, *self.release_files()]
        return [self.milestones_file]

    def template_locales(self) -> set[str]:
        """The languages that have a templates folder (``templates/fr/``, ``templates/en/`` …)."""
        if not self.templates.is_dir():
            return set()
        return {p.name for p in self.templates.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}

    @cached_property
    def _root_prefix(self) -> str:
        return str(self.root).rstrip("/") + "/"

    def display(self, path: Path) -> str:
        """``path`` as messages show it: relative to the project root when inside it."""
        shown = str(path)
        if len(shown) > len(self._root_prefix) and shown.startswith(self._root_prefix):  # relative_to, cheaper
            return shown[len(self._root_prefix):]
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return shown


def is_project_root(folder: Path) -> bool:
    """Whether ``folder`` holds a project, in either layout (for finding it from a subfolder)."""
    return (folder / SOURCE_NAME).is_file() or (folder / SETTINGS_NAME).is_file()
