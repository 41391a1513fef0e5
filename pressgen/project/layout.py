"""Where a pressgen project keeps its files. One place, so no module guesses a path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_NAME = "milestones.yaml"
TEMPLATES_NAME = "templates"
OUTPUT_NAME = "out"


@dataclass(frozen=True)
class Layout:
    """The paths of one project, from its root folder."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / SOURCE_NAME

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES_NAME

    @property
    def output(self) -> Path:
        return self.root / OUTPUT_NAME

    def template_locales(self) -> set[str]:
        """The languages that have a templates folder (``templates/fr/``, ``templates/en/`` …)."""
        if not self.templates.is_dir():
            return set()
        return {p.name for p in self.templates.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}

    def display(self, path: Path) -> str:
        """``path`` as messages show it: relative to the project root when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
