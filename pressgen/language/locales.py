"""Which CLDR locale a template folder name stands for.

Template folders are named ``fr``, ``fr_CA``, ``en``, ``en_US``, ``en_GB``, ``de``, ``pt_BR``…;
Babel and polytypo want full tags. Resolving once, here, keeps every other module free of
guessing.

Two paths. French and English are *tuned*: six names whose press style (« 1er septembre »,
AP's "Sept. 2", French typography fixes) is written by hand in each module. Every other
locale Babel knows takes the *generic* path: CLDR data as-is, plus a few small, documented
language tables (a preposition before counted nouns, ordinal suffixes). Other French and
English regions (``fr_BE``, ``en_AU``) are refused rather than sent down the generic path,
which would print visibly worse French or English than the tuned one in the same project.
"""

from __future__ import annotations

from functools import lru_cache

# Template folder name -> CLDR locale id (Babel spelling). Hand-tuned: outputs are reviewed.
_TUNED: dict[str, str] = {
    "fr": "fr_FR",
    "fr_FR": "fr_FR",
    "fr_CA": "fr_CA",
    "en": "en_US",
    "en_US": "en_US",
    "en_GB": "en_GB",
}


def resolve(locale: str) -> str:
    """The CLDR locale id for a template folder name (``fr`` -> ``fr_FR``, ``de`` -> ``de``,
    ``pt-BR`` -> ``pt_BR``); hyphens accepted.

    Unknown names raise ValueError instead of falling back, so a typo in a folder name cannot
    silently produce English typography in a French release.
    """
    key = locale.replace("-", "_")
    tuned = _TUNED.get(key)
    return tuned if tuned is not None else _resolve_generic(key)


@lru_cache(maxsize=None)
def _resolve_generic(key: str) -> str:
    """A Babel locale id for a name outside the tuned six, or ValueError saying why not."""
    from babel import Locale, UnknownLocaleError, localedata

    tuned = ", ".join(sorted(_TUNED))
    try:
        parsed = Locale.parse(key)
    except (UnknownLocaleError, ValueError, TypeError):
        parsed = None
    # Babel maps "und" to en_US and accepts "root": neither names a language.
    if (
        parsed is None
        or key.split("_")[0].lower() != parsed.language
        or key.lower() == "root"
        or not localedata.exists(str(parsed))
    ):
        raise ValueError(
            f"unknown locale {key!r}: not a CLDR locale (use a language code such as "
            f"de, es, it, nl or pt_BR, or one of the tuned {tuned})"
        ) from None
    if parsed.language in ("fr", "en"):
        raise ValueError(
            f"unsupported locale {key!r}: French and English are hand-tuned for "
            f"{tuned} only; use one of those"
        )
    return str(parsed)


def is_supported(locale: str) -> bool:
    """Whether pressgen can write ``locale``: cheap for the tuned names (no Babel import)."""
    try:
        resolve(locale)
    except ValueError:
        return False
    return True


def is_tuned(locale: str) -> bool:
    """True for the hand-tuned French and English names; raises for an unknown name."""
    return resolve(locale) in _TUNED.values()


def language(locale: str) -> str:
    """The language subtag: ``fr`` or ``en`` for the tuned names, ``de``, ``pt``… otherwise."""
    cldr = resolve(locale)
    if cldr in _TUNED.values():
        return "fr" if cldr.startswith("fr") else "en"
    return cldr.split("_")[0]


def polytypo_tag(locale: str) -> str | None:
    """The polytypo locale for ``locale`` (``fr``, ``fr-CA``, ``en-US``, ``en-GB``, ``de-DE``,
    ``pt-BR``…), or None if polytypo has no rules for that language.

    For a generic locale, polytypo's own resolution decides (``de_AT`` -> ``de-DE``, its base
    language); a script or a region polytypo does not know never borrows another language.
    """
    cldr = resolve(locale)
    if cldr in _TUNED.values():
        return "fr" if cldr == "fr_FR" else cldr.replace("_", "-")
    return _polytypo_generic(cldr)


@lru_cache(maxsize=None)
def _polytypo_generic(cldr: str) -> str | None:
    from babel import Locale
    from polytypo._engine.locale import resolve as polytypo_resolve
    from polytypo.errors import PolytypoError

    parsed = Locale.parse(cldr)
    tag = parsed.language + (f"-{parsed.territory}" if parsed.territory else "")
    try:
        return polytypo_resolve(tag)
    except PolytypoError:
        return None
