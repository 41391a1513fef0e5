"""A language as pressgen writes it, resolved once from a template folder name.

The rest of pressgen receives a :class:`Locale` instead of re-reading a bare string: its tag
(``fr_CA``, the folder name as written), its CLDR identifier, its language and region, and its
fallback chain (``fr_CA → fr``) along which templates and translated values are looked up.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pressgen.language import locales


@dataclass(frozen=True)
class Locale:
    """One language of a project. Build it with :func:`locale_for`."""

    tag: str  # the folder name and the key in milestones.yaml: fr, fr_CA, en_GB, de
    cldr: str  # Babel's identifier: fr_FR, fr_CA, en_US, de
    language: str  # fr, en, de
    region: str | None  # CA, GB, or None for the bare language

    @property
    def chain(self) -> tuple[str, ...]:
        """The tags to look in, most specific first: ``fr_CA`` → ``("fr_CA", "fr")``."""
        if "_" in self.tag:
            return (self.tag, self.tag.split("_")[0])
        return (self.tag,)

    @property
    def html_lang(self) -> str:
        """The tag as HTML and HTTP write it: ``fr-CA``."""
        return self.tag.replace("_", "-")

    def __str__(self) -> str:
        return self.tag


@functools.lru_cache(maxsize=None)
def locale_for(tag: str) -> Locale:
    """The :class:`Locale` for a template folder name; ValueError when pressgen cannot write it."""
    cldr = locales.resolve(tag)
    language = locales.language(tag)
    parts = tag.replace("-", "_").split("_")
    region = parts[1].upper() if len(parts) > 1 else None
    return Locale(tag.replace("-", "_"), cldr, language, region)
