"""What raw polytypo 1.16.0 gets wrong for pressgen, each paired with our fix.

Each test asserts that polytypo *alone* still shows the gap and that pressgen's pass does not.
If a polytypo upgrade fixes a gap, the first assertion fails: then our own fix for it in
pressgen/language/typography.py can probably be deleted (re-run everything after deleting).
"""

from __future__ import annotations

import pytest

from pressgen.language import typeset_markdown, typeset_text

NN, NB = "\u202f", "\u00a0"


def _raw(text: str, tag: str, markdown: bool = True) -> str:
    import polytypo

    if markdown:
        return polytypo.transform(text, locale=tag, mode="markdown", dialect="commonmark")
    return polytypo.transform(text, locale=tag)


GAPS = [
    # (why, locale, polytypo tag, input, what polytypo prints, what pressgen prints)
    ("bare URL rewritten", "en", "en-US", "See https://x.com/a--b now",
     "See https://x.com/a—b now", "See https://x.com/a--b now"),
    ("apostrophe in URL curled", "fr", "fr", "Voir https://fr.wikipedia.org/wiki/L'Oréal",
     "Voir https://fr.wikipedia.org/wiki/L’Oréal", "Voir https://fr.wikipedia.org/wiki/L'Oréal"),
    ("e-mail address rewritten", "fr", "fr", "Écrire à jean--luc@x.fr",
     "Écrire à jean — luc@x.fr", "Écrire à jean--luc@x.fr"),
    ("lang span typeset as French", "fr", "fr", '<span lang="en">"Hi" -- ok!</span>',
     f'<span lang="en">«{NB}Hi{NB}» — ok{NN}!</span>', '<span lang="en">“Hi” — ok!</span>'),
    ("en-GB double quotes turned single", "en_GB", "en-GB", 'He said "yes".',
     "He said ‘yes’.", "He said “yes”."),
    ("no U+00A0 between guillemet and markup", "fr", "fr", "«*mot*»",
     "«*mot*»", f"«{NB}*mot*{NB}»"),
    ("percent glued to figure", "fr", "fr", "12% de plus", "12% de plus", f"12{NB}% de plus"),
    ("English percent keeps a space", "en", "en-US", "12 % more", f"12{NB}% more", "12% more"),
    ("French digit groups breakable", "fr", "fr", "1 000 vues", "1 000 vues", f"1{NN}000 vues"),
]


@pytest.mark.parametrize(
    ("why", "locale", "tag", "text", "raw", "ours"), GAPS, ids=[g[0] for g in GAPS]
)
def test_gap(why: str, locale: str, tag: str, text: str, raw: str, ours: str) -> None:
    polytypo_says = _raw(text, tag)
    assert polytypo_says == raw, f"polytypo changed ({why}): {polytypo_says!r}; review our fix"
    result = typeset_markdown(text, locale)
    assert result == ours, repr(result)


def test_text_mode_url_gap() -> None:
    raw = _raw("See https://x.com/a--b?q=1... now", "en-US", markdown=False)
    assert raw == "See https://x.com/a—b?q=1… now", raw
    result = typeset_text("See https://x.com/a--b?q=1... now", "en")
    assert result == "See https://x.com/a--b?q=1… now", repr(result)


# --- the gaps of issue 14, in Markdown and in text, for every tuned style ------------------
# (why, our locales, polytypo tag, input, what polytypo prints, what pressgen prints)
WJ = "\u2060"
STYLE_GAPS = [
    ("French unit symbols breakable", ("fr", "fr_CA"), "fr", "5 M€, 100 MW et 20 ha",
     "5 M€, 100 MW et 20 ha", f"5{NB}M€, 100{NB}MW et 20{NB}ha"),
    ("French dollar breakable", ("fr_CA",), "fr-CA", "Un billet de 10 $.",
     "Un billet de 10 $.", f"Un billet de 10{NB}$."),
    ("(R) glued to a mark left as typed", ("fr", "fr_CA", "en", "en_GB"), "en-US",
     "Brand(R) and Brand(c)", "Brand(R) and Brand(c)", "Brand® and Brand(c)"),
    ("no-break space pasted before . , …", ("fr", "fr_CA", "en", "en_GB"), "fr",
     f"Fin{NB}. Et{NB}, puis{NB}…", f"Fin{NB}. Et{NB}, puis{NB}…", "Fin. Et, puis…"),
    ("inch mark turned into a closing quote", ("en", "en_GB"), "en-US",
     '"A 12" screen," he said.', '“A 12” screen," he said.', "“A 12″ screen,” he said."),
    ("quotation over two paragraphs left straight", ("en", "en_GB"), "en-US",
     '"First paragraph.\n\n"Second paragraph."', '"First paragraph.\n\n“Second paragraph.”',
     "“First paragraph.\n\n“Second paragraph.”"),
    ("French quotation over two paragraphs left straight", ("fr", "fr_CA"), "fr",
     '"Premier.\n\n"Second."', f'"Premier.\n\n«{NB}Second.{NB}»',
     f"«{NB}Premier.\n\n«{NB}Second.{NB}»"),
    ("English single quotes made double", ("en",), "en-US", "He said 'yes' and it's 'fine'.",
     "He said “yes” and it’s “fine”.", "He said ‘yes’ and it’s ‘fine’."),
]


@pytest.mark.parametrize("markdown", [True, False], ids=["md", "text"])
@pytest.mark.parametrize(("why", "locales", "tag", "text", "raw", "ours"), STYLE_GAPS,
                         ids=[g[0] for g in STYLE_GAPS])
def test_style_gap(why: str, locales: tuple[str, ...], tag: str, text: str, raw: str, ours: str,
                   markdown: bool) -> None:
    polytypo_says = _raw(text, tag, markdown)
    assert polytypo_says == raw, f"polytypo changed ({why}): {polytypo_says!r}; review our fix"
    typeset = typeset_markdown if markdown else typeset_text
    for locale in locales:
        result = typeset(text, locale)
        assert result == ours, (locale, result)
        assert typeset(result, locale) == result, "typesetting twice must give the same text"


@pytest.mark.parametrize("markdown", [True, False], ids=["md", "text"])
@pytest.mark.parametrize("locale", ["en", "en_GB"])
def test_ranges_rule_is_off_in_polytypo_and_on_for_english(locale: str, markdown: bool) -> None:
    """polytypo has the range dash but leaves it off by default; pressgen turns it on for
    English, where Chicago and AP want 1964–2009, and leaves phone numbers, ISO dates and
    identifiers alone (polytypo's rule never touches them)."""
    text = "From 1964-2009, pp. 34-36; call 555-1234 on 2016-11-15 (ISBN 978-3-16-148410-0)."
    assert _raw(text, "en-US", markdown) == text
    result = (typeset_markdown if markdown else typeset_text)(text, locale)
    assert result == (f"From 1964{WJ}–{WJ}2009, pp. 34{WJ}–{WJ}36; call 555-1234 on 2016-11-15 "
                      "(ISBN 978-3-16-148410-0)."), result
    # French has no range rule: the hyphen stays.
    assert typeset_text("de 1964-2009", "fr") == "de 1964-2009"


@pytest.mark.parametrize("locale", ["fr", "fr_CA"])
def test_french_ligatures_are_kept_and_never_broken(locale: str) -> None:
    text = "Une œuvre, un cœur, des mœurs, Œdipe."
    assert typeset_markdown(text, locale) == text
    assert typeset_text(text, locale) == text
    # « oeuvre » as typed stays as typed unless the house style says otherwise (see
    # test_language_house_style.py).
    assert typeset_text("une oeuvre", locale) == "une oeuvre"


@pytest.mark.parametrize("text", [
    'Code `x = 12"` and "hi', '<a title="12">x</a> he said "hi', '    "indented code\n',
    "```\n'code' and 12\"\n```\n",
])
def test_the_quote_fixes_leave_code_and_tags_alone(text: str) -> None:
    assert typeset_markdown(text, "en") == text
