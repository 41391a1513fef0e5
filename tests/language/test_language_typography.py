"""The typography pass: one table per rule, exact strings, in Markdown and plain-text mode.

Every case is also checked for idempotence (typesetting the result again changes nothing).
"""

from __future__ import annotations

import pytest

from pressgen.language import typeset_markdown, typeset_text

WJ = "\u2060"
NN, NB = "\u202f", "\u00a0"


def _check(func, text: str, locale: str, expected: str) -> None:
    result = func(text, locale)
    assert result == expected, f"\n got {result!r}\nwant {expected!r}"
    again = func(result, locale)
    assert again == result, f"not idempotent:\n once {result!r}\ntwice {again!r}"


BOTH = pytest.mark.parametrize("func", [typeset_markdown, typeset_text], ids=["md", "text"])

# --- French (fr_FR) -----------------------------------------------------------------------

FRENCH = [
    ("Vraiment ? Oui ! Non ; peut-être", f"Vraiment{NN}? Oui{NN}! Non{NN}; peut-être"),
    ("Vraiment? Oui! Non; bon", f"Vraiment{NN}? Oui{NN}! Non{NN}; bon"),
    ("Quoi ?! Hein !!", f"Quoi{NN}?! Hein{NN}!!"),
    ("Note : voir plus bas", f"Note{NB}: voir plus bas"),
    ("Note: voir plus bas", f"Note{NB}: voir plus bas"),
    ("« Bonjour »", f"«{NB}Bonjour{NB}»"),
    ("«Bonjour»", f"«{NB}Bonjour{NB}»"),
    ("«  Bonjour  »", f"«{NB}Bonjour{NB}»"),
    ('Il dit "bonjour".', f"Il dit «{NB}bonjour{NB}»."),
    ('"a "b" c"', f"«{NB}a “b” c{NB}»"),
    ("aujourd'hui l'IA qu'il", "aujourd’hui l’IA qu’il"),
    ("Et puis...", "Et puis…"),
    ("Les Parisien.ne.s et les Parisien·ne·s", "Les Parisien.ne.s et les Parisien·ne·s"),
    ("les étudiant.e.s ! Les abonné·e·s ?", f"les étudiant.e.s{NN}! Les abonné·e·s{NN}?"),
    ("12% de hausse", f"12{NB}% de hausse"),
    ("12 % de hausse", f"12{NB}% de hausse"),
    (f"12{NN}% de hausse", f"12{NB}% de hausse"),
    ("12€ et 12 €", f"12{NB}€ et 12{NB}€"),
    ("1 000 000 de vues", f"1{NN}000{NN}000 de vues"),
    (f"8{NB}500 abonnés", f"8{NN}500 abonnés"),
    ("en 2009 200 personnes", "en 2009 200 personnes"),
    ("01 23 45 67 89", "01 23 45 67 89"),
    ("Il dit -- non -- oui", "Il dit — non — oui"),
    ("Il est 14:30 et le ratio 3:2", "Il est 14:30 et le ratio 3:2"),
    ("M. Dupont", f"M.{NB}Dupont"),
    ("à 14 h 30 ou 9 h", f"à 14{NB}h{NB}30 ou 9{NB}h"),
    ("12 heures", "12 heures"),
    ("2 millions de vues, 1,5 milliard", f"2{NB}millions de vues, 1,5{NB}milliard"),
]


@BOTH
@pytest.mark.parametrize(("text", "expected"), FRENCH, ids=ascii)
def test_french(func, text: str, expected: str) -> None:
    _check(func, text, "fr", expected)


# --- French (Canada): no space before ; ! ?, U+00A0 before : and inside « » ----------------

FRENCH_CA = [
    ("Vraiment ? Oui ! Non ; bon", "Vraiment? Oui! Non; bon"),
    ("Vraiment? Oui!", "Vraiment? Oui!"),
    ("Note : voir", f"Note{NB}: voir"),
    ("Note: voir", f"Note{NB}: voir"),
    ("«Bonjour»", f"«{NB}Bonjour{NB}»"),
    ('Il dit "bonjour"!', f"Il dit «{NB}bonjour{NB}»!"),
    ("12%", f"12{NB}%"),
    (f"12{NN}%", f"12{NB}%"),
    ("1 000 000 de vues", f"1{NB}000{NB}000 de vues"),
    (f"8{NN}500", f"8{NB}500"),
]


@BOTH
@pytest.mark.parametrize(("text", "expected"), FRENCH_CA, ids=ascii)
def test_french_canada(func, text: str, expected: str) -> None:
    _check(func, text, "fr_CA", expected)


# --- English ------------------------------------------------------------------------------

ENGLISH_US = [
    ('She said "hello".', "She said “hello”."),
    ("She said \"it's 'fine'\".", "She said “it’s ‘fine’”."),
    ("It's the '90s", "It’s the ’90s"),
    ("rock 'n' roll", "rock ’n’ roll"),
    # AP: one dash between words, the em dash with a space on both sides.
    ("a -- b", "a — b"),
    ("a - b", "a — b"),
    ("a---b", "a — b"),
    ("a—b", "a — b"),
    ("a – b", "a — b"),
    # Ranges take an en dash (polytypo's ``ranges``, with its word joiners); other hyphens stay.
    ("well-known, 2009-2010", f"well-known, 2009{WJ}–{WJ}2010"),
    ("Wait...", "Wait…"),
    ("12 %", "12%"),
    (f"12{NB}%", "12%"),
    ("Note : this", "Note: this"),
    ("Really ?", "Really?"),
    ("1 000 000 views", "1 000 000 views"),
    ("2 million views, 1.5 billion", f"2{NB}million views, 1.5{NB}billion"),
]


@BOTH
@pytest.mark.parametrize(("text", "expected"), ENGLISH_US, ids=ascii)
def test_english_us(func, text: str, expected: str) -> None:
    _check(func, text, "en", expected)


ENGLISH_GB = [
    ('She said "hello".', "She said “hello”."),
    ("She said \"it's 'fine'\".", "She said “it’s ‘fine’”."),
    ("a -- b", "a – b"),
    ("a - b", "a – b"),
    ("a—b", "a – b"),
    ("a — b", "a – b"),
    ("It's the '90s...", "It’s the ’90s…"),
    ("12 %", "12%"),
]


@BOTH
@pytest.mark.parametrize(("text", "expected"), ENGLISH_GB, ids=ascii)
def test_english_gb(func, text: str, expected: str) -> None:
    _check(func, text, "en_GB", expected)


# --- never touched: URLs, e-mail addresses, @handles, #hashtags ---------------------------

UNTOUCHED_WORDS = [
    "https://example.com/a--b...?q=1;r=2",
    "https://fr.wikipedia.org/wiki/L'Oréal",
    "http://example.com/x?y=1!z",
    "www.example.fr/a--b",
    "https://example.com/wiki/Foo_(bar)--baz",
    "o'brien--x@example.com",
    "jean.dupont@example.fr",
    "@jean_pierre",
    "@jean.dupont",
    "#Lancement2009",
    "#tag_x",
    "#1millionParis",
]


@BOTH
@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
@pytest.mark.parametrize("word", UNTOUCHED_WORDS, ids=ascii)
def test_never_touches_urls_emails_handles_hashtags(func, locale: str, word: str) -> None:
    result = func(f"Voir {word} ou {word}.", locale)
    assert result.count(word) == 2, repr(result)
    assert typeset_text(result, locale) == result or func is typeset_markdown


@BOTH
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suivez @pressgen !", f"Suivez @pressgen{NN}!"),
        ("Écrivez à presse@example.fr ; merci", f"Écrivez à presse@example.fr{NN}; merci"),
        ("(voir https://example.com/a).", "(voir https://example.com/a)."),
        ("Voir https://example.com/a : oui", f"Voir https://example.com/a{NB}: oui"),
        ('"https://example.com"', f"«{NB}https://example.com{NB}»"),
        ("M. @dupont", f"M.{NB}@dupont"),
    ],
    ids=ascii,
)
def test_protected_words_still_get_their_spaces(func, text: str, expected: str) -> None:
    _check(func, text, "fr", expected)


# --- Markdown: code, links, HTML ----------------------------------------------------------

MARKDOWN_FR = [
    ("Du `code : \"x\" -- y` ici !", f"Du `code : \"x\" -- y` ici{NN}!"),
    ("```\nfenced: \"code\" ! 12%\n```\n", "```\nfenced: \"code\" ! 12%\n```\n"),
    ("~~~python\nx = 'a' -- 1\n~~~\n", "~~~python\nx = 'a' -- 1\n~~~\n"),
    ("Texte :\n\n    indented: \"code\" !\n", f"Texte{NB}:\n\n    indented: \"code\" !\n"),
    ("[le site](https://x.fr/a--b \"titre : oui\") !",
     f"[le site](https://x.fr/a--b \"titre : oui\"){NN}!"),
    ("[lien : \"x\"](https://x.fr)", f"[lien{NB}: «{NB}x{NB}»](https://x.fr)"),
    ("<https://x.fr/a--b> !", f"<https://x.fr/a--b>{NN}!"),
    ('<a href="x?a=1;b" title="a : b">lien !</a>',
     f'<a href="x?a=1;b" title="a : b">lien{NN}!</a>'),
    ("<!-- note : \"x\" -- y -->", "<!-- note : \"x\" -- y -->"),
    ("[r]: https://x.fr/a--b \"t -- x\"\n", "[r]: https://x.fr/a--b \"t -- x\"\n"),
    ("«*emphase*»", f"«{NB}*emphase*{NB}»"),
    ("«`code`»", f"«{NB}`code`{NB}»"),
    ("«[lien](https://x.fr)»", f"«{NB}[lien](https://x.fr){NB}»"),
    ("«<em>mot</em>»", f"«{NB}<em>mot</em>{NB}»"),
    ("[x](fichier%201.pdf)", "[x](fichier%201.pdf)"),
    ("`12%`", "`12%`"),
    ("| A : b | 12% |\n|---|---|\n| \"x\" | 1 000 |\n",
     f"| A{NB}: b | 12{NB}% |\n|---|---|\n| «{NB}x{NB}» | 1{NN}000 |\n"),
    ("Ligne  \nsuite", "Ligne  \nsuite"),
    ("Titre : x\n===\n\n---\n\n- un -- deux\n- trois\n",
     f"Titre{NB}: x\n===\n\n---\n\n- un — deux\n- trois\n"),
    ("&amp; &#39; &nbsp;", "&amp; &#39; &nbsp;"),
    ("**Paris, le 2 septembre 2009 --** Le", "**Paris, le 2 septembre 2009 —** Le"),
    ("Presse -- <presse@example.fr>", "Presse — <presse@example.fr>"),
    ("utilisez --verbose", "utilisez --verbose"),
]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "**PARIS, 2009 —** The — <https://x.fr>"),
     ("en_GB", "**PARIS, 2009 –** The – <https://x.fr>")],
    ids=ascii,
)
def test_english_double_hyphen_next_to_markup(locale: str, expected: str) -> None:
    _check(typeset_markdown, "**PARIS, 2009 --** The -- <https://x.fr>", locale, expected)


@pytest.mark.parametrize(("text", "expected"), MARKDOWN_FR, ids=ascii)
def test_markdown_leaves_code_links_and_html_alone(text: str, expected: str) -> None:
    _check(typeset_markdown, text, "fr", expected)


# --- <span lang="…">: the tag is left alone, the content typeset by its own language -------

LANG_SPANS = [
    ("fr", '<span lang="en">"It\'s fine" -- ok!</span>', '<span lang="en">“It’s fine” — ok!</span>'),
    ("fr", '«<span lang="en">Hi there</span>»', f'«{NB}<span lang="en">Hi there</span>{NB}»'),
    ("fr", '"<span lang="en">Hi</span>" !', f'«{NB}<span lang="en">Hi</span>{NB}»{NN}!'),
    ("fr", '<span lang="en-GB">a -- b</span>', '<span lang="en-GB">a – b</span>'),
    ("fr_CA", '<span lang="fr">Oui ?</span>', '<span lang="fr">Oui?</span>'),
    ("en", '<span lang="fr">"Bonjour" ! Oui ?</span>',
     f'<span lang="fr">«{NB}Bonjour{NB}»{NN}! Oui{NN}?</span>'),
    ("en", 'He said "<span lang="fr">Bonjour</span>".',
     'He said “<span lang="fr">Bonjour</span>”.'),
    ("en", "<span lang='fr-CA' class=\"q\">Oui ?</span>",
     "<span lang='fr-CA' class=\"q\">Oui?</span>"),
    ("en", '<span lang="de">"Hallo" -- ja</span>', '<span lang="de">„Hallo“ – ja</span>'),
    ("en", '<span lang="ja">"x" -- y</span>', '<span lang="ja">"x" -- y</span>'),
    ("fr", '<span lang="en">see https://x.com/a--b</span>',
     '<span lang="en">see https://x.com/a--b</span>'),
    ("fr", '`<span lang="en">"x" -- y</span>`', '`<span lang="en">"x" -- y</span>`'),
    ("fr", '```\n<span lang="en">"x" -- y</span>\n```\n',
     '```\n<span lang="en">"x" -- y</span>\n```\n'),
]


@pytest.mark.parametrize(("locale", "text", "expected"), LANG_SPANS, ids=ascii)
def test_lang_spans(locale: str, text: str, expected: str) -> None:
    _check(typeset_markdown, text, locale, expected)


# --- the whole sample release: idempotent, deterministic, structure kept -------------------

SAMPLE_DIR = __import__("pathlib").Path(__file__).parent / "data"
SAMPLE = (SAMPLE_DIR / "release_fr.md").read_text("utf-8")


@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
def test_sample_release_is_idempotent(locale: str) -> None:
    once = typeset_markdown(SAMPLE, locale)
    assert typeset_markdown(once, locale) == once


@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
def test_sample_release_keeps_every_line_and_protected_string(locale: str) -> None:
    once = typeset_markdown(SAMPLE, locale)
    assert once.count("\n") == SAMPLE.count("\n")
    for kept in [
        "https://www.example.org/etude--2009/resultats...?id=42",
        "`BIENVENUE--2009`",
        'curl -X POST https://api.example.org/v1/promo -d "code=BIENVENUE--2009" ; echo "ok !"',
        "(https://www.example.org/a-propos?lang=fr&ref=presse)",
        "@exemple_fr", "#Exemple10ans", "marie.dupont@example.org",
        '<a href="https://www.example.org/presse?x=1;y=2" title="Espace presse : tout savoir">',
        '<span lang="en">', "https://jobs.example.org/offres?ville=lyon;bordeaux",
        "Parisien.ne.s", "Lyonnais·e·s",
    ]:
        assert kept in once, kept


def test_sample_release_french_golden() -> None:
    expected = (SAMPLE_DIR / "release_fr.typeset.md").read_text("utf-8")
    result = typeset_markdown(SAMPLE, "fr")
    assert result == expected, "regenerate only after reviewing the diff"


@pytest.mark.subprocess
def test_deterministic_across_processes() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pressgen.language import typeset_markdown as t;"
        "sys.stdout.buffer.write(t(sys.stdin.read(), 'fr').encode())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], input=SAMPLE, capture_output=True, text=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed}, check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1


# --- filter output is already typeset: the pass never changes it --------------------------


@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
def test_filter_output_is_a_fixed_point(locale: str) -> None:
    import datetime

    from pressgen.language import NounForms, filters_for

    f = filters_for(locale)
    noun = NounForms("abonné", "abonnés") if locale.startswith("fr") else NounForms("fan", "fans")
    d = datetime.date(2009, 9, 1)
    samples = [
        f["number"](8500.5), f["percent"](0.125), f["currency"](1234.5, "EUR"),
        f["count"](169_000, noun), f["count"](2_000_000, noun), f["count"](1_500_000, noun),
        f["compact"](3 * 10**9), f["long_date"](d, weekday=True), f["dateline"](d, "Paris").rstrip(" "),
        f["duration"](8, "year"), f["time"](datetime.time(14, 30)), f["ordinal"](1),
        f["ordinal"](2, "feminine"), f["and_list"](["Facebook", "Instagram", "Snapchat"]),
    ]
    for text in samples:
        for func in (typeset_markdown, typeset_text):
            assert func(text, locale) == text, (func.__name__, text)
    sentence = " ".join(samples) + "."
    assert typeset_markdown(sentence, locale) == sentence, repr(typeset_markdown(sentence, locale))
