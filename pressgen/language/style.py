"""House styles: the choices a copy desk makes, named, with the project's own changes.

Each hand-tuned language has a named house style (:class:`HouseStyle`, set in its rules
module: AP for ``en``/``en_US``, the Guardian and BBC for ``en_GB``, the Imprimerie nationale's
Lexique for French). A project changes single choices in ``milestones.yaml``::

    style:
      en: {serial_comma: true, spell_out_below: 0}

:class:`StyleSettings` is what one language's entry may say (every field optional); a setting
given for ``fr`` holds for ``fr_CA`` too unless ``fr_CA`` says otherwise. The settings reach
the rules through the :class:`~pressgen.language.locale.Locale` (``locale_for(tag, style)``),
so every filter and the typography of a release read the same choices: a release never mixes
two styles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Clock = Literal["ap", "guardian"]
ZoneNames = Literal["abbreviation", "city"]
Dash = Literal["em dash", "en dash"]

#: The largest ``spell_out_below``: number words are written up to ninety-nine.
MAX_SPELL_OUT = 100


@dataclass(frozen=True)
class StyleSettings:
    """One language's changes to its house style, as ``style:`` gives them in milestones.yaml."""

    # The descriptions are the editor schema's (pressgen schema), in plain words.
    serial_comma: bool | None = field(default=None, metadata={
        "doc": "A comma before the last “and” of a list (“A, B, and C”)"})
    spell_out_below: int | None = field(default=None, metadata={
        "doc": f"Counts and durations below this are written in words (“seven years”, « sept ans »); 0 for figures always; at most {MAX_SPELL_OUT}"})
    abbreviate_months: bool | None = field(default=None, metadata={
        "doc": "Months abbreviated in dates (“Nov. 15, 2016”, « 15 nov. 2016 »)"})
    clock: Clock | None = field(default=None, metadata={
        "doc": "English clock times: ap (“9 a.m.”, “2:30 p.m.”) or guardian (“9am”, “2.30pm”)"})
    time_zone_names: ZoneNames | None = field(default=None, metadata={
        "doc": "How a time zone is named: abbreviation (“CET”) or city (“Paris time”, « heure de Paris »)"})
    dateline_dash: bool | None = field(default=None, metadata={
        "doc": "The dateline followed by a dash and the first sentence (true), or on its own line (false)"})
    dash: Dash | None = field(default=None, metadata={
        "doc": "The dash between words: em dash (—) or en dash (–)"})
    spaced_dash: bool | None = field(default=None, metadata={
        "doc": "Spaces around that dash (“a — b”) or none (“a—b”)"})
    ligatures: bool | None = field(default=None, metadata={
        "doc": "French only: write « œuvre », « cœur » where « oeuvre », « coeur » was typed"})


SETTINGS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(StyleSettings))


@dataclass(frozen=True)
class HouseStyle:
    """Every choice of a named house style, all given (a style's defaults, then the project's)."""

    name: str  # as the README and messages name it: "AP", "Guardian and BBC"
    serial_comma: bool
    spell_out_below: int
    abbreviate_months: bool
    clock: Clock | None  # None where the language has one way only (French « 14 h 30 »)
    time_zone_names: ZoneNames
    dateline_dash: bool
    dash: Dash
    spaced_dash: bool
    ligatures: bool | None  # None where the language has none to correct

    def with_settings(self, settings: StyleSettings | None) -> HouseStyle:
        """This style with the choices ``settings`` gives (the others kept)."""
        if settings is None:
            return self
        given = {name: getattr(settings, name) for name in SETTINGS if getattr(settings, name) is not None}
        return dataclasses.replace(self, **given) if given else self

    @property
    def dash_mark(self) -> str:
        return "—" if self.dash == "em dash" else "–"

    def settable(self) -> tuple[str, ...]:
        """The settings this style has (French has no ``clock``; English no ``ligatures``)."""
        return tuple(name for name in SETTINGS if getattr(self, name) is not None)


def merged(chain: tuple[str, ...], style: Mapping[str, StyleSettings] | None) -> StyleSettings | None:
    """The settings for a locale from the project's ``style:``, along its chain: ``fr``'s hold
    for ``fr_CA``, and ``fr_CA``'s win over them. None when nothing is set."""
    if not style:
        return None
    given: dict[str, object] = {}
    for tag in reversed(chain):
        settings = style.get(tag)
        if settings is None:
            continue
        given.update({name: getattr(settings, name) for name in SETTINGS if getattr(settings, name) is not None})
    return StyleSettings(**given) if given else None
