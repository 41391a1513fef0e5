"""Which CLDR locale a template folder name stands for.

Template folders are named ``fr``, ``fr_CA``, ``en``, ``en_US``, ``en_GB``; Babel and polytypo
want full tags. Resolving once, here, keeps every other module free of guessing.
"""

from __future__ import annotations

from typing import Literal

# Template folder name -> CLDR locale id (Babel spelling).
_LOCALES: dict[str, str] = {
    "fr": "fr_FR",
    "fr_FR": "fr_FR",
    "fr_CA": "fr_CA",
    "en": "en_US",
    "en_US": "en_US",
    "en_GB": "en_GB",
}

Language = Literal["fr", "en"]


def resolve(locale: str) -> str:
    """The CLDR locale id for a template folder name (``fr`` -> ``fr_FR``); hyphens accepted.

    Unknown names raise instead of falling back, so a typo in a folder name cannot silently
    produce English typography in a French release.
    """
    key = locale.replace("-", "_")
    try:
        return _LOCALES[key]
    except KeyError:
        raise ValueError(
            f"unsupported locale {locale!r}: expected one of {', '.join(sorted(_LOCALES))}"
        ) from None


def language(locale: str) -> Language:
    """``fr`` or ``en`` for any supported locale name."""
    return "fr" if resolve(locale).startswith("fr") else "en"  # type: ignore[return-value]


def polytypo_tag(locale: str) -> str:
    """The polytypo locale tag (``fr``, ``fr-CA``, ``en-US``, ``en-GB``)."""
    cldr = resolve(locale)
    return "fr" if cldr == "fr_FR" else cldr.replace("_", "-")
