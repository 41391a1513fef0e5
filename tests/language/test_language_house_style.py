"""House styles: each default, and each setting changing it, in filters and typography alike."""

from __future__ import annotations

import datetime

import pytest

from pressgen.language import NounForms, StyleSettings, filters_for, locale_for, typeset_text
from pressgen.language.style import SETTINGS

NB = "\u00a0"
D = datetime.date(2016, 11, 15)
PARIS = datetime.timezone(datetime.timedelta(hours=1))
WINTER = datetime.datetime(2016, 11, 15, 9, 0, tzinfo=PARIS)
SUMMER = datetime.datetime(2016, 7, 15, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
FOLLOWER = NounForms("follower", "followers")
ITEMS = ["Snapchat", "WeChat", "Sina Weibo"]


def styled(tag: str, **settings) -> dict:
    """The filters of ``tag`` with ``style: {tag: settings}``."""
    return filters_for(locale_for(tag, {tag: StyleSettings(**settings)}))


# --- the named styles and their defaults ---------------------------------------------------

@pytest.mark.parametrize(("tag", "name"), [("en", "AP"), ("en_US", "AP"), ("en_GB", "Guardian and BBC"),
                                           ("fr", "Lexique de l’Imprimerie nationale"),
                                           ("fr_CA", "Lexique, as Quebec writes it (OQLF)")])
def test_each_tuned_language_has_a_named_house_style(tag: str, name: str) -> None:
    assert locale_for(tag).rules.house.name == name


def test_generic_languages_have_no_house_style() -> None:
    assert locale_for("de").rules.house is None


def test_ap_defaults() -> None:
    f = filters_for("en")
    assert f["long_date"](datetime.date(2009, 9, 2)) == "Sept. 2, 2009"  # with dates everywhere
    assert f["long_date"](datetime.date(2009, 3, 2)) == "March 2, 2009"  # March–July in full
    assert f["dateline"](D, "Paris") == f"PARIS, Nov. 15, 2016{NB}— "
    assert f["duration"](7, "year") == "seven years"
    assert f["count"](9, FOLLOWER) == "nine followers"
    assert f["count"](10, FOLLOWER) == f"10{NB}followers"
    assert f["and_list"](ITEMS) == "Snapchat, WeChat and Sina Weibo"
    assert f["time"](datetime.time(9)) == f"9{NB}a.m."
    assert f["date_time"](WINTER, "Europe/Paris") == f"9{NB}a.m. CET, Nov. 15, 2016"
    assert f["date_time"](WINTER, "Europe/Paris").upper() == f"9{NB}A.M. CET, NOV. 15, 2016"
    assert typeset_text("DRAFT -- NOT FOR RELEASE", "en") == "DRAFT — NOT FOR RELEASE"


def test_guardian_and_bbc_defaults() -> None:
    f = filters_for("en_GB")
    assert f["long_date"](D) == "15 November 2016"
    assert f["dateline"](D, "London") == f"LONDON, 15 November 2016{NB}– "
    assert f["time"](datetime.time(9)) == "9am"
    assert f["duration"](7, "year") == "seven years"
    assert f["and_list"](ITEMS) == "Snapchat, WeChat and Sina Weibo"
    assert f["date_time"](WINTER, "Europe/London") == "9am UTC+1, 15 November 2016"  # not London's offset
    london = datetime.datetime(2016, 11, 15, 9, tzinfo=datetime.timezone.utc)
    assert f["date_time"](london, "Europe/London") == "9am GMT, 15 November 2016"
    assert typeset_text("a — b and a—b", "en_GB") == "a – b and a – b"


def test_lexique_defaults() -> None:
    f = filters_for("fr")
    assert f["long_date"](datetime.date(2017, 4, 11)) == f"11{NB}avril{NB}2017"
    assert f["dateline"](datetime.date(2017, 4, 11), "Paris") == f"Paris, le 11{NB}avril{NB}2017\n\n"
    assert f["duration"](7, "year") == "sept ans"
    assert f["duration"](1, "week") == "une semaine"
    assert f["and_list"](ITEMS) == "Snapchat, WeChat et Sina Weibo"
    assert f["date_time"](WINTER, "Europe/Paris") == f"15{NB}novembre{NB}2016 à 9{NB}h (heure de Paris)"
    # One dash convention: the spaced en dash the templates typed becomes the cadratin.
    assert typeset_text("Projet – ne pas diffuser", "fr") == "Projet — ne pas diffuser"
    assert typeset_text("de 1964–2009", "fr") == "de 1964–2009"  # a range is not a dash


def test_fr_ca_differs_where_quebec_does() -> None:
    f = filters_for("fr_CA")
    assert f["long_date"](datetime.date(2017, 4, 11)) == f"11{NB}avril{NB}2017"  # as in France
    assert f["duration"](7, "year") == "sept ans"
    assert f["dateline"](datetime.date(2017, 4, 11), "Montréal") == f"Montréal, le 11{NB}avril{NB}2017{NB}– "
    assert typeset_text("a -- b et c — d", "fr_CA") == "a – b et c – d"
    summer = datetime.datetime(2017, 4, 11, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))
    winter = datetime.datetime(2017, 1, 11, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    assert f["date_time"](summer, "America/Montreal") == f"11{NB}avril{NB}2017 à 9{NB}h (HAE)"
    assert f["zone"](winter, "America/Toronto") == "HNE"
    assert f["zone"](WINTER, "Europe/Paris") == "heure de Paris"  # no Quebec abbreviation for it


def test_number_words() -> None:
    f = styled("fr", spell_out_below=100)
    words = [f["duration"](n, "year").rsplit(" ", 1)[0] for n in (21, 31, 71, 77, 80, 81, 91, 99)]
    assert words == ["vingt et un", "trente et un", "soixante et onze", "soixante-dix-sept",
                     "quatre-vingts", "quatre-vingt-un", "quatre-vingt-onze", "quatre-vingt-dix-neuf"]
    assert f["duration"](21, "week") == "vingt et une semaines"
    e = styled("en", spell_out_below=100)
    assert e["duration"](21, "year") == "twenty-one years"
    assert e["duration"](40, "day") == "forty days"


# --- each setting changes what its style writes --------------------------------------------

def test_every_setting_is_documented() -> None:
    from dataclasses import fields

    assert {f.name for f in fields(StyleSettings)} == set(SETTINGS)
    for f in fields(StyleSettings):
        assert len(f.metadata["doc"]) > 20, f.name


def test_serial_comma() -> None:
    assert styled("en", serial_comma=True)["and_list"](ITEMS) == "Snapchat, WeChat, and Sina Weibo"
    assert styled("fr", serial_comma=True)["and_list"](ITEMS) == "Snapchat, WeChat, et Sina Weibo"


def test_spell_out_below() -> None:
    assert styled("en", spell_out_below=0)["duration"](7, "year") == f"7{NB}years"
    assert styled("fr", spell_out_below=0)["duration"](7, "year") == f"7{NB}ans"
    assert styled("en", spell_out_below=13)["count"](12, FOLLOWER) == "twelve followers"


def test_abbreviate_months() -> None:
    assert styled("en", abbreviate_months=False)["long_date"](D) == "November 15, 2016"
    assert styled("en", abbreviate_months=False)["dateline"](D, "Paris") == f"PARIS, November 15, 2016{NB}— "
    assert styled("en_GB", abbreviate_months=True)["long_date"](D) == "15 Nov. 2016"
    assert styled("fr", abbreviate_months=True)["long_date"](datetime.date(2017, 4, 11)) == f"11{NB}avr.{NB}2017"


def test_clock() -> None:
    assert styled("en", clock="guardian")["time"](datetime.time(14, 30)) == "2.30pm"
    assert styled("en_GB", clock="ap")["time"](datetime.time(14, 30)) == f"2:30{NB}p.m."


def test_time_zone_names() -> None:
    assert styled("en", time_zone_names="city")["date_time"](WINTER, "Europe/Paris") == \
        f"9{NB}a.m. Paris time, Nov. 15, 2016"
    assert styled("fr", time_zone_names="abbreviation")["zone"](WINTER, "Europe/Paris") == "CET"


def test_dateline_dash() -> None:
    assert styled("fr", dateline_dash=True)["dateline"](D, "Paris") == f"Paris, le 15{NB}novembre{NB}2016{NB}— "
    assert styled("en", dateline_dash=False)["dateline"](D, "Paris") == "PARIS, Nov. 15, 2016\n\n"


def test_dash_and_spaced_dash() -> None:
    en = locale_for("en", {"en": StyleSettings(spaced_dash=False)})
    assert typeset_text("a -- b", en) == "a—b"
    assert filters_for(en)["dateline"](D, "Paris") == "PARIS, Nov. 15, 2016—"
    fr = locale_for("fr", {"fr": StyleSettings(dash="en dash")})
    assert typeset_text("a -- b et c — d", fr) == "a – b et c – d"


def test_ligatures() -> None:
    fr = locale_for("fr", {"fr": StyleSettings(ligatures=True)})
    text = "Une oeuvre, des Oeuvres, le coeur, ma soeur, un oeil, un boeuf, des voeux, les moeurs"
    assert typeset_text(text, fr) == ("Une œuvre, des Œuvres, le cœur, ma sœur, un œil, un bœuf, "
                                      "des vœux, les mœurs")
    # Words written with o and e apart stay so.
    kept = "coefficient, coexister, moelle, Noël, poète, goéland"
    assert typeset_text(kept, fr) == kept
    assert typeset_text("une oeuvre", "fr") == "une oeuvre"  # off by default


# --- the chain and the time zones -----------------------------------------------------------

def test_fr_ca_inherits_the_french_settings_and_may_change_them() -> None:
    style = {"fr": StyleSettings(spell_out_below=0, serial_comma=True)}
    assert filters_for(locale_for("fr_CA", style))["duration"](7, "year") == f"7{NB}ans"
    style["fr_CA"] = StyleSettings(spell_out_below=10)
    f = filters_for(locale_for("fr_CA", style))
    assert f["duration"](7, "year") == "sept ans"
    assert f["and_list"](ITEMS) == "Snapchat, WeChat, et Sina Weibo"
    assert filters_for(locale_for("fr", style))["duration"](7, "year") == f"7{NB}ans"


def test_zone_names() -> None:
    f = filters_for("en")
    assert f["zone"](WINTER, "Europe/Paris") == "CET"
    assert f["zone"](SUMMER, "Europe/Paris") == "CEST"
    assert f["zone"](WINTER, None) == "UTC+1"  # no time zone: the offset as it is
    assert f["zone"](SUMMER.replace(month=12), "Europe/Paris") == "UTC+2"  # not Paris's then
    istanbul = datetime.datetime(2016, 11, 15, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    assert f["zone"](istanbul, "Europe/Istanbul") == "Istanbul time"  # no lettered abbreviation
    assert filters_for("fr")["zone"](istanbul, "Europe/Istanbul") == "heure d’Istanbul"
    assert filters_for("fr")["zone"](WINTER, "Europe/Paris") == "heure de Paris"
    london = datetime.datetime(2016, 7, 15, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    assert filters_for("fr")["zone"](london, "Europe/London") == "heure de Londres"
