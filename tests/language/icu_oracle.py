"""ICU (via PyICU) as an independent oracle for what pressgen.language prints.

ICU is a second implementation of CLDR, written in C++ by other people; where Babel's data or
our own code goes wrong, ICU is unlikely to go wrong the same way. ``comparisons()`` yields
every (check, locale, input, ours, icu) pair; test_icu_oracle.py fails on any disagreement not
listed in icu_known_differences.py.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pressgen.language import StyleSettings, filters_for, locale_for
from pressgen.language.nouns import is_singular

LOCALES = {"fr": "fr_FR", "fr_CA": "fr_CA", "en": "en_US", "en_GB": "en_GB"}
# Locales on the generic path (CLDR through Babel): ICU should agree almost everywhere.
GENERIC_LOCALES = {"de": "de", "es": "es", "it": "it", "nl": "nl", "pt_BR": "pt_BR"}
GENERIC_ORDINAL_GENDERS = {"es": ["masculine", "feminine"], "it": ["masculine", "feminine"],
                           "pt_BR": ["masculine", "feminine"]}
TIMES = [datetime.time(0, 0), datetime.time(9, 5), datetime.time(12, 0), datetime.time(14, 30)]

NUMBERS = [0, 1, 2, 21, 999, 1000, 8500, 1.5, 0.125, 1234.5, 999_999, 1_000_000, 1_500_000,
           2_000_000, 1_234_567.891, 10**9, 3 * 10**9, -8500]
PERCENTS = [0, 0.01, 0.12, 0.125, 1, 1.5]
AMOUNTS = [0, 1, 1234.5, 1_000_000]
ROUND_COUNTS = [1_000_000, 1_500_000, 2_000_000, 12_000_000, 250_000_000, 10**9, 1_500_000_000,
                3 * 10**9]
COMPACT = ROUND_COUNTS + [999_999, 1_234_567, 999_999_999, 10**12]
ORDINALS = [0, 1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000]
PLURALS = [0, 1, 1.5, 2, 21, 999_999, 1_000_000, 1_500_000, 10**9]
DATES = [datetime.date(2009, 9, 2), datetime.date(2009, 9, 1), datetime.date(2000, 1, 1),
         datetime.date(2024, 2, 29), datetime.date(2023, 12, 31)]
DURATIONS = [(0, "year"), (1, "year"), (8, "year"), (1, "month"), (3, "month"), (2, "week"),
             (1, "day"), (30, "day")]


@dataclass(frozen=True)
class Comparison:
    check: str
    locale: str
    value: str
    ours: str
    icu: str


def _icu():
    """The ``icu`` module; an ImportError here must fail the oracle test, never skip it."""
    import icu

    return icu


def _number_format(icu, cldr: str):
    fmt = icu.NumberFormat.createInstance(icu.Locale(cldr))
    fmt.setMaximumFractionDigits(3)
    return fmt


def _timestamp(d: datetime.date) -> float:
    return datetime.datetime(d.year, d.month, d.day, 12, tzinfo=datetime.timezone.utc).timestamp()


def _numeric_part(text: str) -> str:
    """« 1,5 million » -> « 1,5 »: the figure in front of a compact form."""
    match = re.match(r"^-?[\d\s\u00a0\u202f.,]*\d", text)
    return match.group(0) if match else text


def _number_comparisons(icu, locale: str, cldr: str) -> Iterator[Comparison]:
    """Numbers, percentages and currency amounts: compared the same way in every locale."""
    f = filters_for(locale)
    loc = icu.Locale(cldr)
    nf = _number_format(icu, cldr)
    for n in NUMBERS:
        yield Comparison("number", locale, repr(n), f["number"](n), nf.format(n))

    pf = icu.NumberFormat.createPercentInstance(loc)
    pf.setMaximumFractionDigits(3)
    for p in PERCENTS:
        yield Comparison("percent", locale, repr(p), f["percent"](p), pf.format(p))

    for code in ("EUR", "USD"):
        cf = icu.NumberFormat.createCurrencyInstance(loc)
        cf.setCurrency(code)
        for a in AMOUNTS:
            yield Comparison(f"currency {code}", locale, repr(a), f["currency"](a, code), cf.format(a))


# The house styles depart from CLDR on purpose (README, "House style": AP abbreviates months
# and drops the serial comma, every style spells out one to nine); those choices are tested in
# test_language_house_style.py. Here they are set to CLDR's own, so that ICU checks the rest.
CLDR_CHOICES = {
    "fr": StyleSettings(spell_out_below=0),
    "en": StyleSettings(spell_out_below=0, abbreviate_months=False, serial_comma=True),
    "en_GB": StyleSettings(spell_out_below=0, serial_comma=False),
}


def comparisons() -> Iterator[Comparison]:
    icu = _icu()
    from pressgen.language import NounForms

    for locale, cldr in LOCALES.items():
        f = filters_for(locale_for(locale, CLDR_CHOICES))
        loc = icu.Locale(cldr)

        yield from _number_comparisons(icu, locale, cldr)

        cdf = icu.CompactDecimalFormat.createInstance(loc, icu.UNumberCompactStyle.LONG)
        cdf.setMaximumFractionDigits(1)
        word = NounForms("x", "x")
        for n in ROUND_COUNTS:
            # count() in words: the part before the noun must be ICU's compact long form.
            ours = f["count"](n, word).replace("\u00a0", " ")
            ours = re.sub(r" (de |d’)?x$", "", ours)
            yield Comparison("count words", locale, repr(n), ours, cdf.format(n))
        for n in COMPACT:
            yield Comparison(
                "compact figure", locale, repr(n),
                _numeric_part(f["compact"](n)), _numeric_part(cdf.format(n)),
            )

        rbnf = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.ORDINAL, loc)
        genders = ["masculine", "feminine"] if locale.startswith("fr") else ["masculine"]
        for gender in genders:
            if locale.startswith("fr"):
                rbnf.setDefaultRuleSet(f"%digits-ordinal-{gender}")
            for n in ORDINALS:
                ours = f["ordinal"](n, gender, html=False)
                yield Comparison(f"ordinal {gender}", locale, repr(n), ours, rbnf.format(n))

        rules = icu.PluralRules.forLocale(loc)
        for n in PLURALS:
            ours = "one" if is_singular(n, locale) else "other"
            theirs = rules.select(n)
            theirs = "other" if theirs == "many" else theirs
            yield Comparison("plural", locale, repr(n), ours, theirs)

        for style, weekday in ((icu.DateFormat.kLong, False), (icu.DateFormat.kFull, True)):
            df = icu.DateFormat.createDateInstance(style, loc)
            df.setTimeZone(icu.TimeZone.getGMT())
            for d in DATES:
                yield Comparison(
                    "long_date weekday" if weekday else "long_date", locale, d.isoformat(),
                    f["long_date"](d, weekday=weekday), df.format(_timestamp(d)),
                )

        lf = icu.ListFormatter.createInstance(loc)
        for items in (["A"], ["A", "B"], ["Facebook", "Instagram", "Snapchat"]):
            yield Comparison("and_list", locale, repr(items), f["and_list"](items), lf.format(items))

        mf = icu.MeasureFormat(loc, icu.UMeasureFormatWidth.WIDE)
        units = {
            "year": icu.MeasureUnit.createYear, "month": icu.MeasureUnit.createMonth,
            "week": icu.MeasureUnit.createWeek, "day": icu.MeasureUnit.createDay,
        }
        for value, unit in DURATIONS:
            measure = icu.Measure(icu.Formattable(value), units[unit]())
            yield Comparison(
                "duration", locale, f"{value} {unit}",
                f["duration"](value, unit), mf.formatMeasures([measure]),
            )

    yield from _generic_comparisons(icu)


def _generic_comparisons(icu) -> Iterator[Comparison]:
    """The same checks for the generic locales, where ICU is compared on whole strings
    (compact forms, ordinals with both genders, short times) since pressgen adds no style."""
    from pressgen.language import NounForms

    word = NounForms("x", "x")
    for locale, cldr in GENERIC_LOCALES.items():
        f = filters_for(locale)
        loc = icu.Locale(cldr)

        yield from _number_comparisons(icu, locale, cldr)

        cdf = icu.CompactDecimalFormat.createInstance(loc, icu.UNumberCompactStyle.LONG)
        cdf.setMaximumFractionDigits(1)
        for n in ROUND_COUNTS:
            ours = f["count"](n, word).replace("\u00a0", " ")
            ours = re.sub(r" (de |di )?x$", "", ours)
            yield Comparison("count words", locale, repr(n), ours, cdf.format(n))
        for n in COMPACT:
            yield Comparison(
                "compact", locale, repr(n),
                f["compact"](n).replace("\u00a0", " "), cdf.format(n),
            )

        rbnf = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.ORDINAL, loc)
        for gender in GENERIC_ORDINAL_GENDERS.get(locale, ["masculine"]):
            if locale in GENERIC_ORDINAL_GENDERS:
                rbnf.setDefaultRuleSet(f"%digits-ordinal-{gender}")
            for n in ORDINALS:
                ours = f["ordinal"](n, gender, html=False)
                yield Comparison(f"ordinal {gender}", locale, repr(n), ours, rbnf.format(n))

        rules = icu.PluralRules.forLocale(loc)
        for n in PLURALS:
            ours = "one" if is_singular(n, locale) else "other"
            theirs = rules.select(n)
            theirs = "one" if theirs == "one" else "other"
            yield Comparison("plural", locale, repr(n), ours, theirs)

        for style, weekday in ((icu.DateFormat.kLong, False), (icu.DateFormat.kFull, True)):
            df = icu.DateFormat.createDateInstance(style, loc)
            df.setTimeZone(icu.TimeZone.getGMT())
            for d in DATES:
                yield Comparison(
                    "long_date weekday" if weekday else "long_date", locale, d.isoformat(),
                    f["long_date"](d, weekday=weekday), df.format(_timestamp(d)),
                )

        tf = icu.DateFormat.createTimeInstance(icu.DateFormat.kShort, loc)
        tf.setTimeZone(icu.TimeZone.getGMT())
        for t in TIMES:
            moment = datetime.datetime(2009, 9, 2, t.hour, t.minute, tzinfo=datetime.timezone.utc)
            yield Comparison("time", locale, t.isoformat(), f["time"](t), tf.format(moment.timestamp()))

        lf = icu.ListFormatter.createInstance(loc)
        for items in (["A"], ["A", "B"], ["Facebook", "Instagram", "Snapchat"]):
            yield Comparison("and_list", locale, repr(items), f["and_list"](items), lf.format(items))

        mf = icu.MeasureFormat(loc, icu.UMeasureFormatWidth.WIDE)
        units = {
            "year": icu.MeasureUnit.createYear, "month": icu.MeasureUnit.createMonth,
            "week": icu.MeasureUnit.createWeek, "day": icu.MeasureUnit.createDay,
        }
        for value, unit in DURATIONS:
            measure = icu.Measure(icu.Formattable(value), units[unit]())
            yield Comparison(
                "duration", locale, f"{value} {unit}",
                f["duration"](value, unit), mf.formatMeasures([measure]),
            )
