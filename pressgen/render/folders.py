"""Where a language's templates are looked for: its own folder, its parents', then the shared one.

Apart from :mod:`pressgen.render.environment` so that the build cache (:mod:`pressgen.render.inputs`)
can follow the same lookup without importing Jinja2.
"""

from __future__ import annotations

from pathlib import Path

from pressgen.language.locale import Locale


def template_folders(templates: Path, locale: Locale) -> list[Path]:
    """Where templates of ``locale`` are looked for, most specific first."""
    return [templates / tag for tag in locale.chain] + [templates]
