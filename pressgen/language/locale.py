"""A language as pressgen writes it, resolved once from a template folder name.

The rest of pressgen receives a :class:`Locale` instead of re-reading a bare string: its tag
(``fr_CA``, the folder name as written), its CLDR identifier, its language and region, its
names, its fallback chain (``fr_CA → fr``) along which templates and translated values are
looked up, and its :attr:`Locale.rules`, where everything that differs between languages
lives (see ``pressgen/language/rules/``).

Two paths. The hand-tuned styles (``rules.TUNED``: fr, fr_FR, fr_CA, en, en_US, en_GB) are
resolved from a table, without importing Babel, so ``pressgen --help`` stays fast. Every other
locale Babel knows takes the generic CLDR path (rules/generic.py). Other regions of a tuned
language (``fr_BE``, ``en_AU``) are refused rather than sent down the generic path, which would
print visibly worse French or English than the tuned one in the same project.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pressgen.language.rules.base import LanguageRules
    from pressgen.language.style import StyleSettings


@dataclass(frozen=True)
class Locale:
    """One language of a project. Build it with :func:`locale_for`."""

    tag: str  # the folder name and the key in milestones.yaml: fr, fr_CA, en_GB, de
    cldr: str  # Babel's identifier: fr_FR, fr_CA, en_US, de
    language: str  # fr, en, de
    region: str | None  # CA, GB, or None for the bare language
    tuned: bool = False  # a hand-tuned press style (rules/french.py, rules/english.py)
    native_name: str = ""  # the language in itself, capitalised: "Français", "Deutsch"
    english_name: str = ""  # the language in English, as messages name it: "French"
    style: type[LanguageRules] | None = field(default=None, compare=False, repr=False)
    # The project's changes to the language's house style (pressgen.language.style), merged
    # along the chain; None: the house style as it is.
    settings: StyleSettings | None = None

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

    @functools.cached_property
    def rules(self) -> LanguageRules:
        """What this language knows: numbers, dates, nouns, typography… (rules/base.py)."""
        assert self.style is not None, "build a Locale with locale_for"
        return self.style(self)

    @property
    def polytypo_tag(self) -> str | None:
        """The polytypo locale (``fr``, ``fr-CA``, ``en-GB``, ``de-DE``), or None when polytypo
        has no rules for the language. For a generic locale this imports polytypo."""
        return self.rules.polytypo_tag

    def __str__(self) -> str:
        return self.tag


LocaleLike = Union[str, Locale]


def locale_for(tag: LocaleLike, style: Mapping[str, StyleSettings] | None = None) -> Locale:
    """The :class:`Locale` for a template folder name (``fr``, ``fr-CA``, ``pt_BR``), or the
    Locale itself; ValueError when pressgen cannot write it, so a typo in a folder name cannot
    silently produce English typography in a French release.

    ``style`` is the project's ``style:`` (language -> :class:`StyleSettings`): the Locale
    then carries the settings of its chain, and its rules write that style."""
    locale = tag if isinstance(tag, Locale) else _resolve(tag)
    if style:
        from pressgen.language.style import merged

        settings = merged(locale.chain, style)
        if settings != locale.settings:
            return _with_settings(locale, settings)
    return locale


@functools.lru_cache(maxsize=None)
def babel_locale(cldr: str):  # -> babel.Locale
    """Babel's locale for a CLDR identifier, parsed once: the filters ask for it at every
    number and every count (``Locale.parse`` costs about 9 µs)."""
    from babel import Locale

    return Locale.parse(cldr)


def fallback_chains(tags: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each writable language's fallback chain (``fr_CA`` → ``fr_CA``, ``fr``), for the values
    given per language: the ones that cannot be written are left out (the project's rules
    report them)."""
    chains = {}
    for tag in tags:
        try:
            chains[tag] = locale_for(tag).chain
        except (ValueError, TypeError):
            continue
    return chains


@functools.lru_cache(maxsize=None)
def _with_settings(locale: Locale, settings: StyleSettings | None) -> Locale:
    """One Locale object per (language, settings), so caches keyed on it stay small."""
    import dataclasses

    return dataclasses.replace(locale, settings=settings)


def _region(key: str) -> str | None:
    """The region subtag (``CA`` in fr_CA, ``RS`` in sr_Latn_RS); a script (Latn) is none."""
    for part in key.split("_")[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            return part.upper()
    return None


@functools.lru_cache(maxsize=None)
def _resolve(tag: str) -> Locale:
    from pressgen.language import rules

    key = tag.replace("-", "_")
    region = _region(key)
    style = rules.TUNED.get(key)
    if style is not None:
        return Locale(key, style.cldr, style.language, region, True,
                      style.native_names[key], style.english_name, style)
    from pressgen.language.rules import generic

    tuned = ", ".join(sorted(rules.TUNED))
    found = generic.describe(key)
    if found is None:
        raise ValueError(
            f"unknown locale {key!r}: not a CLDR locale (use a language code such as "
            f"de, es, it, nl or pt_BR, or one of the tuned {tuned})"
        )
    cldr, language, native_name, english_name = found
    if language in rules.tuned_languages():
        raise ValueError(
            f"unsupported locale {key!r}: {rules.tuned_language_names()} are hand-tuned for "
            f"{tuned} only; use one of those"
        )
    return Locale(key, cldr, language, region, False, native_name, english_name, generic.Generic)
