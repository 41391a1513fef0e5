"""The bilingual figures audit: the same figures in every language of a milestone.

``pressgen check`` reads the figures in each milestone's rendered Markdown, in each locale's
format, and reports a figure that appears in one language and not in another (or appears a
different number of times). Figures from the data go through the same filters in every
language, so what this catches is mostly a number written by hand in a quote, a record or a
template: « 8 500 » in French, "8,000" in English.

Each language is read as its rules say (``Locale.rules.reading``: French and English by hand in
pressgen/language/rules/, any other language from its CLDR data — digit grouping, month names,
the words of the compact long forms such as « Millionen » — without number words).

What counts as a figure:

- numbers in the locale's format: French « 8 500 » (grouped with U+202F, U+00A0 or a space),
  « 1,5 »; English "8,500", "1.5"; a number followed by « % » is a percentage, a different
  figure from the bare number;
- a number followed by a magnitude word, « 2 millions » / "2 million", « 1,5 milliard » /
  "1.5 billion", counts as its value (2 000 000); a number word before a magnitude word too
  (« deux millions » / "two million"). Bare number words (« un », "one", « deux ») are not read:
  « un » is also an article, "one" a pronoun, and the false alarms would outnumber the finds;
- ordinals count as their number (« 1er », « 2e », "1st", "2nd").

What does not: dates (a day and a month name, with or without the year, in either order),
years (an ungrouped 4-digit number from 1000 to 2999: a count that large is grouped in both
languages), times (« 9 h », « 14 h 30 », "9 a.m.", "2:30"), UTC offsets, and anything inside
a URL, a link target, an e-mail address, a handle (@Paris), a hashtag (#2MillionsParis), an
HTML tag or a domain name (1million.paris).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from pressgen import model
from pressgen.errors import Problem
from pressgen.language.locale import locale_for
from pressgen.language.rules.base import Reading
from pressgen.language.wordscan import sub_at_word_starts

_SPACES = " \u00a0\u202f"

# After dates and times are gone (so "9 a.m." is not taken for a domain name).
# A run of word characters holding a letter, then dotted parts. Written so that a long word is
# read once (the obvious [\w-]*[^\W\d_][\w-]* backtracks cubically: 2,000 letters took minutes).
_DOMAIN = re.compile(r"(?<![\w-])(?=[\w-]*[^\W\d_])[\w-]+(?:\.[\w-]+)+")  # 1million.paris, Parisien.ne.s
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def _mask(email: str) -> re.Pattern[str]:
    return re.compile(
        r"\]\([^)\n]{0,2000}\)"  # link and image targets (bounded: unclosed ones are read once each)
        r"|<[^<>\n]*>"  # HTML tags and autolinks
        r"|https?://\S+"  # URLs
        rf"|{email}"  # e-mail addresses
        r"|[@#]\w+"  # handles and hashtags
        r"|\bUTC\s?[+\-−]\s?\d{1,2}(?::\d{2})?"  # UTC offsets
    )


_MASK = _mask(_EMAIL)
# E-mail addresses tried at word starts only (pressgen.language.wordscan): linear on long words.
_MASK_AT_WORD_STARTS = _mask(rf"(?<![\w.+-]){_EMAIL}")


@dataclass(frozen=True)
class Figure:
    value: Decimal
    percent: bool
    text: str  # as written

    @property
    def key(self) -> tuple[Decimal, bool]:
        return (self.value, self.percent)


def _reading(locale: str) -> Reading:
    """How ``locale`` writes figures, dates and times: its rules' reading (tuned French and
    English by hand, any other language from its CLDR data)."""
    return locale_for(locale).rules.reading


def figures(text: str, locale: str) -> list[Figure]:
    """The figures in ``text``, read in ``locale``'s format (dates, URLs … left out)."""
    reading = _reading(locale)
    text = sub_at_word_starts(_MASK, _MASK_AT_WORD_STARTS, lambda _: " ", text)
    text = _remove_dates_and_times(text, reading)
    text = _DOMAIN.sub(" ", text)
    magnitudes = "|".join(re.escape(m) for m in sorted(reading.magnitudes, key=len, reverse=True)) or "(?!)"
    words = "|".join(sorted(reading.words, key=len, reverse=True)) or "(?!)"
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<number>{reading.number})|(?P<word>{words})(?=[{_SPACES}-]+(?:{magnitudes})\b))"
        rf"(?P<ordinal>{reading.ordinal})?(?!\w)"
        rf"(?:[{_SPACES}-]*(?P<magnitude>{magnitudes})\b)?"
        rf"(?P<percent>[{_SPACES}]?%)?",
        re.IGNORECASE,
    )
    lowered = {k.lower(): v for k, v in reading.magnitudes.items()}
    found = []
    for match in pattern.finditer(text):
        if match.group("word"):
            if not match.group("magnitude"):
                continue
            value = Decimal(reading.words[match.group("word").lower()])
        else:
            digits = match.group("number")
            for mark in reading.group:
                digits = digits.replace(mark, "")
            value = Decimal(digits.replace(reading.point, "."))
            grouped = any(mark in match.group("number") for mark in reading.group)
            if not grouped and not match.group("magnitude") and not match.group("ordinal") \
                    and re.fullmatch(r"[12]\d{3}", digits):
                continue  # a year
        if match.group("magnitude"):
            value *= lowered[match.group("magnitude").lower()]
        found.append(Figure(value.normalize(), bool(match.group("percent")), match.group(0).strip()))
    return found


def _remove_dates_and_times(text: str, reading: Reading) -> str:
    sp = f"[{_SPACES}]"
    day = reading.day
    j = reading.joiner
    patterns = [rf"(?:\b{day}{sp}+{j})?(?:{reading.months})(?:{sp}+{day}\b)?(?:,?{sp}+{j}\d{{4}}\b)?",
                *reading.times]
    for p in patterns:
        text = re.sub(p, " ", text, flags=re.IGNORECASE)
    return text


def _show(figure_list: list[Figure]) -> str:
    return ", ".join(f"“{f.text}”" for f in figure_list)


def compare(per_locale: dict[str, str]) -> list[tuple[str, str, list[Figure], list[Figure]]]:
    """For each pair (first locale, other locale): figures only in the first, only in the other.

    Returns (first, other, missing from other, missing from first) where anything differs.
    """
    locales = list(per_locale)
    first = locales[0]
    read = {loc: figures(text, loc) for loc, text in per_locale.items()}
    out = []
    for other in locales[1:]:
        a, b = Counter(f.key for f in read[first]), Counter(f.key for f in read[other])
        only_a, only_b = a - b, b - a
        if only_a or only_b:
            out.append((first, other, _pick(read[first], only_a), _pick(read[other], only_b)))
    return out


def _pick(found: list[Figure], wanted: Counter) -> list[Figure]:
    left = Counter(wanted)
    out = []
    for f in found:
        if left[f.key] > 0:
            left[f.key] -= 1
            out.append(f)
    return out


def _without_end_mark(release) -> str:
    """The release's Markdown without its end mark: « -30- » is a sign, not a figure."""
    mark = (getattr(release, "parts", None) or {}).get("end_mark", "").strip()
    return release.markdown.replace(f">{mark}<", "><") if mark else release.markdown


def audit(project: model.Project, releases) -> list[Problem]:
    """Problems for every milestone whose languages do not state the same figures.

    ``releases`` are :class:`pressgen.render.Release` values. A figure is located at the
    translated field that contains it when there is one, else at the milestone.
    """
    from pressgen.checks import drift

    by_id: dict[str, dict[str, str]] = {}
    for release in releases:
        by_id.setdefault(release.milestone_id, {})[release.locale] = _without_end_mark(release)
    own: dict[str, list] = {}  # each milestone's translated fields, in order: one pass, not one per milestone
    for item in drift.fields(project):
        own.setdefault(item.milestone, []).append(item)
    problems = []
    for index, milestone in enumerate(project.milestones):
        texts = by_id.get(milestone.id)
        if not texts or len(texts) < 2:
            continue
        ordered = {loc: texts[loc] for loc in project.locales if loc in texts}
        own_fields = own.get(milestone.id, [])
        for first, other, only_first, only_other in compare(ordered):
            parts = []
            if only_first:
                parts.append(f"{_show(only_first)} in {first} but not in {other}")
            if only_other:
                parts.append(f"{_show(only_other)} in {other} but not in {first}")
            message = f"figures differ between languages in {milestone.id}: " + "; ".join(parts)
            key_path = _where(project, index, own_fields, only_first, first, only_other, other)
            problems.append(project.sources.problem_at(
                key_path, message,
                hint="the releases must state the same figures in every language; "
                     "check a number written by hand in a quote, record or template",
            ))
    return problems


def _where(project, index, own_fields, only_first, first, only_other, other) -> str:
    """The key path of the first translated field of the milestone holding a differing figure."""
    for figure_list, locale in ((only_first, first), (only_other, other)):
        keys = {f.key for f in figure_list}
        for item in own_fields:
            text = item.texts.get(locale, "")
            if keys & {f.key for f in figures(text, locale)}:
                if project.sources.has(f"{item.yaml_path}.{locale}"):
                    return f"{item.yaml_path}.{locale}"
    return project.sources.item_path("milestones", index, project.milestones[index].id)
