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
