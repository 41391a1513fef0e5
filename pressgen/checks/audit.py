"""The bilingual figures audit: the same figures in every language of a milestone.

``pressgen check`` reads the figures in each milestone's rendered Markdown, in each locale's
format, and fails on a figure that appears in one language and not in another (or appears a
different number of times); ``pressgen build`` warns about the same problems and writes. Each
is located at the translated field that holds the figure, in the language that is the odd one
out, so the message points at the text to correct. Figures from the data go through the same filters in every
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

import functools
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


@dataclass(frozen=True)
class _Patterns:
    """One language's compiled patterns: the audit reads every release in two languages."""

    dates: tuple[re.Pattern[str], ...]
    figure: re.Pattern[str]
    magnitudes: dict[str, int]  # lower-cased


@functools.lru_cache(maxsize=None)
def _patterns(locale: str) -> _Patterns:
    reading = _reading(locale)
    magnitudes = "|".join(re.escape(m) for m in sorted(reading.magnitudes, key=len, reverse=True)) or "(?!)"
    words = "|".join(sorted(reading.words, key=len, reverse=True)) or "(?!)"
    figure = re.compile(
        rf"(?<![\w.,])(?:(?P<number>{reading.number})|(?P<word>{words})(?=[{_SPACES}-]+(?:{magnitudes})\b))"
        rf"(?P<ordinal>{reading.ordinal})?(?!\w)"
        rf"(?:[{_SPACES}-]*(?P<magnitude>{magnitudes})\b)?"
        rf"(?P<percent>[{_SPACES}]?%)?",
        re.IGNORECASE,
    )
    dates = tuple(re.compile(p, re.IGNORECASE) for p in date_patterns(reading))
    return _Patterns(dates, figure, {k.lower(): v for k, v in reading.magnitudes.items()})


def figures(text: str, locale: str) -> list[Figure]:
    """The figures in ``text``, read in ``locale``'s format (dates, URLs … left out)."""
    reading = _reading(locale)
    patterns = _patterns(locale)
    text = sub_at_word_starts(_MASK, _MASK_AT_WORD_STARTS, lambda _: " ", text)
    for date in patterns.dates:
        text = date.sub(" ", text)
    text = _DOMAIN.sub(" ", text)
    lowered = patterns.magnitudes
    found = []
    for match in patterns.figure.finditer(text):
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


def date_patterns(reading: Reading, guarded: bool = True) -> list[str]:
    """The patterns of the dates and times a language writes (figures in them are not counted);
    ``guarded``: as the audit runs them, with the look before the month names and the digits
    read first (the test compares them with the plain ones)."""
    sp = f"[{_SPACES}]"
    day = reading.day
    j = reading.joiner
    guard = _initial(reading.months) if guarded else ""
    patterns = [rf"(?:\b{day}{sp}+{j})?{guard}(?:{reading.months})(?:{sp}+{day}\b)?(?:,?{sp}+{j}\d{{4}}\b)?",
                *reading.times]
    return [_digit_first(p) for p in patterns] if guarded else patterns


_WORD_START_DIGITS = re.compile(r"(?<!\\)\\b\\d\{1,2\}")  # the text \b\d{1,2}, its backslash not escaped


def _digit_first(pattern: str) -> str:
    r"""``\b\d{1,2}`` written ``\d(?<!\w\d)\d?``: the same matches (a digit with no word character
    before it, and maybe a second one), but a pattern that starts with a digit is searched by
    the regular expression engine's quick scan for its first character, where one that starts
    with ``\b`` is tried at every position (a time pattern takes half as long on a release)."""
    return _WORD_START_DIGITS.sub(lambda _: r"\d(?<!\w\d)\d?", pattern)


@functools.lru_cache(maxsize=None)
def _initial(names: str) -> str:
    """A look at the next character before the alternation of month names ``names`` is tried:
    the regular expression engine tries every name at every position of a text, and most
    positions start none of them (about three times faster in French, with the same matches).
    Nothing when ``names`` is not a plain alternation whose names' first characters it can read."""
    first = set()
    for name in names.split("|"):  # splitting at every bar finds at least every name's start
        escaped = name[:1] == "\\"
        if escaped and (len(name) < 2 or name[1].isalnum()):  # \d, \w…: a class, not a character
            return ""
        literal, rest = (name[1], name[2:]) if escaped else (name[:1], name[1:])
        if not literal or (not escaped and literal in "()[]{}?*+^$.\\") or rest[:1] in ("?", "*", "{"):
            return ""  # a group, a class, a character that may be left out: not read here
        first.add(literal)
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


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


def _without_end_mark(markdown: str, end_mark: str) -> str:
    """A release's Markdown without its end mark: « -30- » is a sign, not a figure."""
    mark = end_mark.strip()
    return markdown.replace(f">{mark}<", "><") if mark else markdown


def figures_differ(texts: dict[str, str], end_marks: dict[str, str]) -> bool:
    """Whether the releases of one milestone (Markdown by language) state different figures:
    when they do not, :func:`audit` has nothing to say about it, whatever its fields hold."""
    counts = [Counter(f.key for f in figures(_without_end_mark(text, end_marks.get(loc, "")), loc))
              for loc, text in texts.items()]
    return len(counts) > 1 and any(c != counts[0] for c in counts[1:])


def texts_differ(texts: list[tuple[str, str, str]]) -> bool:
    """:func:`figures_differ` for one milestone's (language, Markdown, end mark) triples."""
    return figures_differ({locale: markdown for locale, markdown, _ in texts},
                          {locale: end_mark for locale, _, end_mark in texts})


def audit(project: model.Project, releases) -> list[Problem]:
    """Problems for every milestone whose languages do not state the same figures.

    ``releases`` are :class:`pressgen.render.Release` values. A difference is located at the
    translated field that holds it, in the language that is the odd one out (see
    :func:`_odd_ones`); one that no field explains (a template, a figure left out) at the
    milestone.
    """
    from pressgen.checks import drift

    by_id: dict[str, dict[str, str]] = {}
    for release in releases:
        by_id.setdefault(release.milestone_id, {})[release.locale] = _without_end_mark(
            release.markdown, (getattr(release, "parts", None) or {}).get("end_mark", ""))
    if not by_id:  # no release states other figures in one of its languages (the common case)
        return []
    shared: dict[str, list] = {}  # by milestone id ("defaults" for the shared fields): read once
    for item in drift.fields(project):
        shared.setdefault(item.milestone, []).append(item)
    problems = []
    for index, milestone in enumerate(project.milestones):
        texts = by_id.get(milestone.id)
        if not texts or len(texts) < 2:
            continue
        ordered = {loc: texts[loc] for loc in project.locales if loc in texts}
        read = {loc: figures(text, loc) for loc, text in ordered.items()}
        counts = {loc: Counter(f.key for f in found) for loc, found in read.items()}
        differing = {key for loc in counts for key in counts[loc] if len({c[key] for c in counts.values()}) > 1}
        if not differing:
            continue
        own = project.sources.item_path("milestones", index, milestone.id)
        candidates = list(shared.get(milestone.id, []))
        candidates += [f for f in shared.get("defaults", []) if not project.sources.has(f"{own}.{_field_name(f)}")]
        located = [p for item in candidates for p in _field_problems(project, milestone.id, item, list(ordered), counts, differing)]
        if located:
            problems += located
            continue
        for first, other, only_first, only_other in compare(ordered):
            problems.append(project.sources.problem_at(
                own, _message(milestone.id, first, only_first, other, only_other), hint=_HINT))
    return problems


_HINT = ("the releases must state the same figures in every language; "
         "check a number written by hand in a quote, record or template")


def _field_name(item) -> str:
    """The milestone field a shared field belongs to: ``defaults/contacts[0]/role`` → contacts."""
    return re.match(r"\w+", item.key.split("/", 1)[1]).group()


def _message(milestone: str, first: str, only_first: list[Figure], other: str, only_other: list[Figure]) -> str:
    parts = []
    if only_first:
        parts.append(f"{_show(only_first)} in {first} but not in {other}")
    if only_other:
        parts.append(f"{_show(only_other)} in {other} but not in {first}")
    return f"figures differ between languages in {milestone}: " + "; ".join(parts)


def _field_problems(project: model.Project, milestone: str, item, locales: list[str],
                    counts: dict[str, Counter], differing: set) -> list[Problem]:
    """One problem per language of ``item`` that states other figures than the rest, at that
    language's text; nothing when the field says the same figures in every language (or its
    differences are not those of the releases)."""
    given: dict[str, str] = {}  # locale -> the language whose text it shows (fr_CA -> fr)
    for loc in locales:
        source = next((c for c in locale_for(loc).chain if c in item.texts), None)
        if source is not None:
            given[loc] = source
    if len(given) < 2:
        return []
    read = {loc: figures(item.texts[src], loc) for loc, src in given.items()}
    field_counts = {loc: Counter(f.key for f in found) for loc, found in read.items()}
    if len({frozenset(c.items()) for c in field_counts.values()}) == 1:
        return []
    if not any(key in differing for c in field_counts.values() for key in c):
        return []
    problems = []
    reference, odd, decided = _odd_ones(field_counts, counts)
    for loc in odd:
        only_odd = _pick(read[loc], field_counts[loc] - field_counts[reference])
        only_ref = _pick(read[reference], field_counts[reference] - field_counts[loc])
        a, b = sorted((loc, reference), key=locales.index)
        only_a, only_b = (only_odd, only_ref) if a == loc else (only_ref, only_odd)
        path = f"{item.yaml_path}.{given[loc]}"
        problems.append(project.sources.problem_at(
            (path, item.yaml_path), _message(milestone, a, only_a, b, only_b),
            hint=(f"the {loc} text is the odd one out: correct the number written by hand there, or add the one "
                  "it leaves out" if decided else _HINT)))
    return problems


def _odd_ones(field_counts: dict[str, Counter], release_counts: dict[str, Counter]) -> tuple[str, list[str], bool]:
    """The language the field is compared with, the languages to blame, and whether the
    reasoning decided it (rather than falling back on the first language).

    The languages that agree form the majority; the others are blamed. When no group is larger
    (two languages), the odd one out is the language whose figures in this field the other
    releases state least: not at all, then least often (“three million” in an English quote,
    which the French release states once, for another thing, where it states the French
    quote's « deux millions » twice). When that does not decide either, the first language's
    text is blamed, and the message says only that the figures differ.
    """
    groups: dict[frozenset, list[str]] = {}
    for loc, c in field_counts.items():
        groups.setdefault(frozenset(c.items()), []).append(loc)
    ranked = sorted(groups.values(), key=len, reverse=True)
    if len(ranked[0]) > len(ranked[1]):
        return ranked[0][0], [loc for group in ranked[1:] for loc in group], True
    locales = list(field_counts)

    def doubt(loc: str) -> tuple[int, int]:
        """How many of the field's figures no other release states, and (negated, so that less
        is more doubtful) how often the other releases state them."""
        others = [release_counts[o] for o in locales if o != loc]
        missing = sum(n for key, n in field_counts[loc].items() if not any(key in c for c in others))
        stated = sum(c[key] for key in field_counts[loc] for c in others)
        return missing, -stated

    scores = {loc: doubt(loc) for loc in locales}
    worst = max(scores.values())
    blamed = [loc for loc in locales if scores[loc] == worst]
    if len(blamed) < len(locales):
        reference = next(loc for loc in locales if loc not in blamed)
        return reference, blamed, True
    return locales[1], [locales[0]], False
