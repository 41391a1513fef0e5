"""Which CLDR locale a template folder name stands for, as plain-string questions.

A thin layer over :func:`pressgen.language.locale.locale_for` for callers that only hold a
folder name (the validator, which reports the ValueError as a problem in milestones.yaml):
resolution and its two paths, tuned and generic, are described in locale.py.
"""

from __future__ import annotations

from pressgen.language.locale import locale_for


def resolve(locale: str) -> str:
    """The CLDR locale id for a template folder name (``fr`` -> ``fr_FR``, ``de`` -> ``de``,
    ``pt-BR`` -> ``pt_BR``); ValueError for a name pressgen cannot write."""
    return locale_for(locale).cldr


def is_supported(locale: str) -> bool:
    """Whether pressgen can write ``locale``: cheap for the tuned names (no Babel import)."""
    try:
        locale_for(locale)
    except ValueError:
        return False
    return True


def is_tuned(locale: str) -> bool:
    """True for the hand-tuned French and English names; raises for an unknown name."""
    return locale_for(locale).tuned


def language(locale: str) -> str:
    """The language subtag: ``fr``, ``en``, ``de``, ``pt``…"""
    return locale_for(locale).language


def polytypo_tag(locale: str) -> str | None:
    """The polytypo locale for ``locale`` (``fr``, ``fr-CA``, ``en-US``, ``de-DE``…), or None."""
    return locale_for(locale).polytypo_tag
