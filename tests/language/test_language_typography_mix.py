"""Random (seeded, so reproducible) mixes of prose and protected fragments: the pass must keep
every protected fragment byte for byte and be idempotent on every mix."""

from __future__ import annotations

import random

import pytest

from pressgen.language import typeset_markdown, typeset_text

PROSE = [
    'Il dit "oui"', "l'entreprise", "c'est -- enfin -- fait", "Vraiment ?", "Note :", "Et puis...",
    "«Bonjour»", "12%", '<span lang="en">"Hi" -- it\'s ok!</span>',
    '«<span lang="fr">Oui ?</span>»', '"<span lang="en">Hello</span>"', "«*mot*»", "1 000 000 de vues", "à 14 h 30", "2 millions", "M. Dupont", "Oui ; non",
    "She said \"it's fine\"", "a - b", "the '90s", "Wait!", "(voir plus bas)", "*emphase*",
    "**gras :**", "Parisien.ne.s", "étudiant·e·s", "« déjà »", "'single'", "x — y", "8 500",
]
PROTECTED = [
    "https://example.com/a--b...?q=1;r=2", "https://fr.wikipedia.org/wiki/L'Oréal",
    "www.example.fr/x--y", "jean--luc@example.fr", "o'brien@example.com", "@pressgen_fr",
    "#Lancement2009", "`code -- \"x\" : 12%`", '<a href="https://x.fr/?a=1;b=2" title="t : x">',
    "](https://x.fr/a--b...)",
]


def _mix(rng: random.Random) -> tuple[str, list[str]]:
    parts: list[str] = []
    kept: list[str] = []
    for _ in range(rng.randint(3, 12)):
        if rng.random() < 0.35:
            fragment = rng.choice(PROTECTED)
            if fragment.startswith("]("):
                fragment = "[lien" + fragment
                kept.append(fragment[5:])
            elif fragment.startswith("<a "):
                fragment = fragment + "lien</a>"
                kept.append(fragment[: -len("lien</a>")])
            else:
                kept.append(fragment)
            parts.append(fragment)
        else:
            parts.append(rng.choice(PROSE))
        parts.append(rng.choice([" ", " ", ", ", ". ", " : ", "\n"]))
    return "".join(parts).strip() + "\n", kept


CASES = [_mix(random.Random(seed)) for seed in range(120)]


@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
@pytest.mark.parametrize("func", [typeset_markdown, typeset_text], ids=["md", "text"])
def test_mixes(func, locale: str) -> None:
    for text, kept in CASES:
        if func is typeset_text and any(k.startswith(("`", "<", "](")) for k in kept):
            continue  # code, tags and link targets are Markdown: text mode makes no promise
        once = func(text, locale)
        for fragment in kept:
            assert fragment in once, (fragment, text, once)
        assert func(once, locale) == once, (text, once)
