"""pressgen.language.fast_rules changes how fast polytypo runs, never what it writes.

Each test typesets a corpus twice, once with polytypo's own functions (``uninstall``) and once
with the fast ones (``install``), and asserts byte-identical results. The corpus:

* the example releases, block by block and whole, through polytypo (Markdown and text mode)
  and through pressgen's own pass (fr, fr_CA, en, en_GB);
* generated release-like texts in French and English (seeded, so reproducible): figures with
  units, currencies, percentages, times, quotes of every kind, apostrophes, abbreviations,
  initials, ranges, dashes, ellipses, symbols, URLs, handles, hashtags, e-mails, Markdown and
  HTML markup, odd spacing, typed in fr, fr-CA, en-US and en-GB (en-GB also the way pressgen
  calls it, in two passes);
* hand-written edge cases aimed at every gate and sub-rule replaced, in every locale above and
  in polytypo locales with other data (afterShortWords, hyphen lists, abbreviated ellipsis…).

polytypo 1.16.0 ships no test vectors in its wheel, hence a corpus of our own.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pressgen.language import fast_rules, typography

NN, NB = "\u202f", "\u00a0"
TUNED = ["fr", "fr-CA", "en-US", "en-GB"]
GENERIC = ["de-DE", "es", "it", "nl", "pl", "pt-PT", "ru", "cs", "uk", "sv"]
QUOTES_ONLY = typography._QUOTES_ONLY
ALL_BUT_QUOTES = typography._ALL_BUT_QUOTES


@contextmanager
def polytypo_own() -> Iterator[None]:
    fast_rules.uninstall()
    try:
        yield
    finally:
        assert fast_rules.install("markdown")


def _markdown(text: str, locale: str, rules: dict | None = None) -> str:
    from polytypo.markdown import transform

    return transform(text, locale=locale, dialect="commonmark", rules=rules)


def _text(text: str, locale: str, rules: dict | None = None) -> str:
    from polytypo.text import transform

    return transform(text, locale=locale, rules=rules)


def _en_gb_two_passes(text: str, _locale: str) -> str:
    """en_GB as typography.py calls it: en-US quotes, then everything else as en-GB."""
    return _markdown(_markdown(text, "en-US", QUOTES_ONLY), "en-GB", ALL_BUT_QUOTES)


def _markdown_ranges(text: str, locale: str) -> str:
    """English as typography.py calls polytypo: with its ``ranges`` rule on (1964–2009)."""
    return _markdown(text, locale, typography._RANGES)


def _text_ranges(text: str, locale: str) -> str:
    return _text(text, locale, typography._RANGES)


def _en_gb_two_passes_ranges(text: str, _locale: str) -> str:
    quoted = _markdown(text, "en-US", QUOTES_ONLY)
    return _markdown(quoted, "en-GB", {**ALL_BUT_QUOTES, **typography._RANGES})


Case = tuple[Callable[[str, str], str], str, str]  # (function, text, locale)


def _assert_same(cases: list[Case]) -> None:
    assert fast_rules.install("markdown"), "the fast path refused to install"
    with polytypo_own():
        expected = [function(text, locale) for function, text, locale in cases]
    got = [function(text, locale) for function, text, locale in cases]
    wrong = [(case, want, have) for case, want, have in zip(cases, expected, got, strict=True)
             if want != have]
    message = "\n".join(f"{f.__name__} {loc} {text!r}\n  polytypo {want!r}\n  fast     {have!r}"
                        for (f, text, loc), want, have in wrong[:5])
    assert not wrong, f"{len(wrong)} of {len(cases)} differ:\n{message}"


# --- the example releases -----------------------------------------------------------------


def _example_releases() -> list[tuple[str, str]]:
    from pressgen.language.locale import locale_for
    from pressgen.pipeline import load_project
    from pressgen.project.layout import Layout
    from pressgen.render.localize import localize
    from pressgen.render.release import RELEASE_TEMPLATE
    from pressgen.render.renderer import Renderer

    layout = Layout(Path(__file__).resolve().parents[2])
    project = load_project(layout)
    renderer = Renderer(layout, project)
    return [
        (locale, renderer._call(locale, RELEASE_TEMPLATE,
                                m=localize(milestone, locale_for(locale), project.nouns), locale=locale, here=""))
        for milestone in project.milestones
        for locale in project.locales
    ]


def test_example_releases_through_polytypo() -> None:
    cases: list[Case] = []
    for locale, release in _example_releases():
        tags = ["fr", "fr-CA"] if locale == "fr" else ["en-US", "en-GB"]
        for tag in tags:
            cases += [(_markdown, release, tag), (_text, release, tag)]
            cases += [(_markdown, block, tag) for block in release.split("\n\n")]
        if locale == "en":
            cases.append((_en_gb_two_passes, release, "en-GB"))
    _assert_same(cases)


def test_example_releases_through_pressgen() -> None:
    def pressgen_pass(text: str, locale: str) -> str:
        typography._typeset_block.cache_clear()
        return typography.typeset_markdown(text, locale) + typography.typeset_text(text, locale)

    cases: list[Case] = []
    for locale, release in _example_releases():
        for variant in ([locale, "fr_CA"] if locale == "fr" else [locale, "en_GB"]):
            cases.append((pressgen_pass, release, variant))
    _assert_same(cases)


# --- generated release-like texts ---------------------------------------------------------

SPACES = ["", " ", NB, NN, "  "]
FR_WORDS = ("le compte de la Ville a dépassé abonnés aujourd'hui l'institution qu'il jusqu'au "
            "d'entre eux Parisien.ne.s étudiant·e·s rendez-vous au-dessus est-ce lorsqu'on "
            "c'est-à-dire la Maire grand merci à nos fidèles habitants").split()
EN_WORDS = ("the City account has passed followers today it's the world's most followed "
            "institution don't we're Parisians well-known up-to-date the Mayor thank you "
            "to our loyal visitors rock 'n' roll the '90s").split()
FR_UNITS = ["%", "‰", "€", "°C", "km", "cm", "mm", "kg", "km/h", "kWh", "h", "millions", "m"]
EN_UNITS = ["%", "kg", "g", "mg", "km", "m", "cm", "mm", "mi", "ft", "lb", "oz", "L", "mL", "h",
            "min", "s", "ms", "°C", "°F", "kB", "MB", "GB", "TB", "kW", "kWh", "million"]
FR_BEFORE = ["M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "art.", "fig.", "n°", "N°", "§",
             "p. ex.", f"p.{NB}ex.", "p.ex."]
FRAGMENTS = [
    "https://twitter.com/Paris--x", "www.paris.fr/a-b...", "presse@example.org", "@Paris",
    "#2MillionsParis", "J. R. R. Tolkien", "J.-P. Sartre", "A. B. Smith", "Mr. J. Doe",
    "(c)", "(C)", "(r)", "(TM)", "(tm)", "3 x 4", "3x4", f"3{NB}x{NB}4", "0x1F", "2 х 3",
    "+/-5", "+/- 5", "[+/-5]", "...", "…", "?..", "!…", "....", "..", "a..b", "--", "---",
    " - ", " -- ", "—", " — ", "–", " – ", "2009-2017", "10–20", "pp. 3-5", "XIV-XV",
    ":-)", ";)", ":D", "( x )", "[ y ]", "{ z }", "()", "&amp;", "&#160;:", "&nbsp;;",
    "`code -- \"x\"`", "*emphase*", "**gras :**", "_souligné_", "[lien](https://x.fr/a--b)",
    '<span lang="en">"Hi" -- ok!</span>', "<em>mot</em> !", "<br>", "« »", "“ ”", "‘x’", "‹ y ›",
    "\"", "'", "«", "»", "“", "”", "\t", "\n", "\\", "14:30", "3:2", "$12", "£5", "12 $",
]


def _sentence(rng: random.Random, french: bool) -> str:
    words = FR_WORDS if french else EN_WORDS
    units = FR_UNITS if french else EN_UNITS
    parts: list[str] = []
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(words))
        elif roll < 0.62:
            number = rng.choice(["2", "12", "150", "8 500", f"1{NN}000", "2,5", "1.5", "2009"])
            parts.append(number + rng.choice(SPACES[:4]) + rng.choice(units))
        elif roll < 0.70 and french:
            parts.append(rng.choice(FR_BEFORE) + rng.choice(SPACES[:3]) +
                         rng.choice(["Dupont", "5", "12", "Martin", "a"]))
        elif roll < 0.78:
            parts.append(rng.choice(["14 h 30", "9 h", "14h30", "10:30 a.m.", "21 h"]))
        else:
            parts.append(rng.choice(FRAGMENTS))
    text = " ".join(parts)
    if rng.random() < 0.5:
        quote = rng.choice(['"{}"', "'{}'", "«{}»", "« {} »", "“{}”", "‘{}’", '"{}', "{}\""])
        text = quote.format(text)
    punctuation = rng.choice([".", " !", "!", " ?", "?", " :", ":", " ;", ";", "", "...", " …"])
    return text + punctuation


def _document(rng: random.Random, french: bool) -> str:
    blocks = []
    for _ in range(rng.randint(1, 3)):
        prefix = rng.choice(["", "", "", "# ", "## ", "- ", "1. ", "> ", "**", "    "])
        lines = [_sentence(rng, french) for _ in range(rng.randint(1, 3))]
        blocks.append(prefix + rng.choice(["\n", " ", "  \n"]).join(lines))
    return "\n\n".join(blocks)


GENERATED = 500  # documents per language


def test_generated_release_texts() -> None:
    rng = random.Random(20170411)
    cases: list[Case] = []
    for french, tags in ((True, ["fr", "fr-CA"]), (False, ["en-US", "en-GB"])):
        for i in range(GENERATED):
            text = _document(rng, french)
            tag = tags[i % 2]
            cases.append((_markdown, text, tag))
            if i % 3 == 0:
                cases.append((_text, text, tag))
            if tag == "en-GB" and i % 3 == 1:
                cases.append((_en_gb_two_passes, text, tag))
            if not french:  # pressgen turns polytypo's ranges rule on for English
                cases.append((_markdown_ranges if i % 2 else _text_ranges, text, tag))
                if tag == "en-GB" and i % 3 == 2:
                    cases.append((_en_gb_two_passes_ranges, text, tag))
    assert len(cases) >= 2 * GENERATED
    _assert_same(cases)


# --- edge cases, every locale -------------------------------------------------------------

EDGES = [
    "", " ", "a", "Vraiment ? Oui ! Non ; peut-être", "Note : voir", "Note: voir", "Quoi ?!",
    "« Bonjour »", "«Bonjour»", "«  Bonjour  »", 'Il dit "bonjour".', '"a "b" c"', "'a 'b' c'",
    "aujourd'hui l'IA qu'il", "d’abonnés", "l’", "’a", "a’", "City's", "the '90s", "rock 'n' roll",
    "Et puis...", "Et puis…", "Quoi?...", "Oui!..", "a....b", "12% de hausse", "12 % de hausse",
    f"12{NN}%", f"12{NB}%", "12 ‰", "12 €", "12€", "1 000 000", f"8{NB}500 km", "5 km/h",
    "5 kmh", "5 km2", "x5 km", "a 5 km", "25 °C", "25 °F", "5 kWh.", "5 kW", "3 MB", "3 m", "3 ms",
    "10 min", "10 h", "M. Dupont", "MM. Dupont et Durand", "Mme Martin", "Mlle", "M.", "M. ",
    "art. 5", "fig. 3", "n° 4", "N° 4", f"n°{NB}4", "n°4", "§ 12", "§12", "a§ 12", "p. ex. ici",
    f"p.{NB}ex. ici", f"p.{NN}ex. ici", f"p. {NN}ex.", "(p. ex.)", "p. exemple",
    "J. R. R. Tolkien", "J. Tolkien", "Mr. J. Doe",
    "A.B. Smith", "a. B. c", "U.S. Army", "e. g. This", "Dr. A. B. Smith", "J.-P. Sartre",
    "Il dit -- non -- oui", "a - b", "a -b", "a- b", "a--b", "a---b", "a ---- b", "a — b", "a—b",
    "a – b", "a–b", "2009-2017", "2009 - 2017", "pp. 34-36", "1964-2009, +33 1 23 45 67 89",
    "2016-11-15", "ISBN 978-3-16-148410-0", "COVID-19 in 2020-21", "555-1234", "A4-5", "XIV-XV", "I - V", "$15-$20", "10 %-20 %",
    "(c) 2024", "(C)", "(r)", "(R)", "(tm)", "(TM)", "(Tm)", "(tM)", "a(c)", "((c))", "(c)a",
    "3 x 4", "3x4", "3 x4", "0x1F", "3 x 4 x 5", "3x4 cm", "a3x4", "2 х 3", "+/-5", "+/- 5",
    "[+/-5]", "+/-", "a  b", "a   b", "( a )", "[ a ]", "{ a }", "( )", "a , b", "a . b", "a .NET",
    "a .5", "a ; b", ":-)", ":- )", ";)", "( :", "a :-D b", "&amp; :", "&#160; :", "&nbsp;;",
    "a\tb", "a\n b", "a \nb", "Oui\u2028non", "« a\n b »", "*mot* : oui", "**gras** ! oui",
    "[lien](u) ?", "`code` ;", "<em>a</em> : b", '<a href="x">a</a> !', "«*mot*»", "« *mot* »",
    "«[lien](u)»", '"*a*"', "*\"a\"*", "**2009 --** Le", "-- <a>", "1. Un : deux", "- Item ; x",
    "# Titre : oui", "> Cité : oui", "a  \nb", "a\\\nb", "| a : b |\n| --- |\n| c ; d |",
    "<div>Texte : ici</div>", "<!-- a : b -->", "<script>a : b</script>", "x\uffffy : z",
    "---\ntitle: a\n---\nTexte : ici", "  ---\nTexte : ici", "\ufeff---\na: b\n---\nc : d",
    "---\r\ntitle: a\r\n---\r\nTexte : ici", "---\rtitle: a\r---\rTexte : ici",
    "Texte\r\nligne : deux", "Texte\rligne : deux", "été : ☃ : 😀 : é", "e\u0301t\u00e9 : x",
    "rock 'N' roll", "Guns 'N' Roses", "a ’n’ b", "*Paris*'s record", "[Paris](u)'s list",
    "`Paris`'s", "**Ville**’s", "l'*Ville*", "d’<em>abord</em>", "Zoë's", "Zoë’s",
    "*Paris*'s best year' ever", "'Bonjour l'*Ville*", "'Oui, l'<em>an</em> passé'",
    "Зоя : да", "т. е. так", "и т. д.", "г. Москва", "в 2009 г.", "стр. 5", "во-первых", "кое-кто",
    "то-то", "из-за", "Что?..", "Да!..", "z domu", "w Polsce i z nim", "a v Praze", "O Ano",
]


@pytest.mark.parametrize("locale", TUNED + GENERIC)
def test_edge_cases(locale: str) -> None:
    cases: list[Case] = []
    for text in EDGES:
        cases += [(_markdown, text, locale), (_text, text, locale)]
        if locale == "en-GB":
            cases.append((_en_gb_two_passes, text, locale))
            cases.append((_en_gb_two_passes_ranges, text, locale))
        if locale.startswith("en"):
            cases += [(_markdown_ranges, text, locale), (_text_ranges, text, locale)]
    _assert_same(cases)


def test_generic_locales_generated() -> None:
    rng = random.Random(2016)
    cases = [(_markdown, _document(rng, i % 2 == 0), GENERIC[i % len(GENERIC)]) for i in range(200)]
    _assert_same(cases)


def test_a_blocks_final_line_break_is_never_typeset() -> None:
    """typeset_markdown typesets a block without its final line break and puts it back: the
    same text as typesetting the block with it, in every language pressgen tunes, over the
    example releases' blocks, generated texts and the edge cases (a frontmatter's end too)."""
    from pressgen.language.locale import locale_for

    rng = random.Random(20160125)
    blocks = [block.rstrip("\n") for _, release in _example_releases() for block in release.split("\n\n")]
    blocks += [_document(rng, i % 2 == 0) for i in range(200)]
    blocks += [*EDGES, "---\ntitle: a : b\n---", "a  ", "a\\", "Texte :\r", "# Titre ?", "---", "a\n---"]
    wrong = []
    for tag in ("fr", "fr_CA", "en", "en_GB"):
        locale = locale_for(tag)
        for block in blocks:
            with_it = typography._typeset(block + "\n", locale, "markdown")
            if with_it != typography._typeset(block, locale, "markdown") + "\n":
                wrong.append((tag, block, with_it))
    assert len(blocks) > 500
    assert not wrong, f"{len(wrong)} differ, first: {wrong[0]!r}"


# --- the bookkeeping helpers, function against function ------------------------------------


def test_helpers_match_polytypo_functions() -> None:
    from polytypo._engine.sentinels import LINE_MARKER, MARKER

    rng = random.Random(7)
    texts = EDGES + [_document(rng, i % 2 == 0) for i in range(100)]
    fast_rules.install("markdown")
    line_at, byte_offsets = fast_rules._line_at, fast_rules._ByteOffsets
    ranges_of, split = fast_rules.span_ranges_of, fast_rules.split_on_marker
    with polytypo_own():
        from polytypo._modes import markdown, spans

        for text in texts:
            assert byte_offsets(text)._byte_starts == markdown._ByteOffsets(text)._byte_starts
            for start in range(len(text) + 2):
                assert line_at(text, start) == markdown._line_at(text, start), (text, start)
            cp = [MARKER if c == "|" else LINE_MARKER if c == "\n" else ord(c) for c in text]
            assert ranges_of(cp) == spans.span_ranges_of(cp)
            pieces = len(spans.span_ranges_of(cp))
            assert split(cp, pieces) == spans.split_on_marker(cp, pieces)


def test_known_shapes_have_the_spans_polytypo_finds() -> None:
    """The one shortcut not copied from polytypo: plain paragraphs, headings and simple "-"
    lists are not parsed (fast_rules._known_spans); their spans must be exactly the ones
    tree-sitter leads polytypo to, short headings included (left to the parser)."""
    from polytypo._engine import mode_pipelines

    rng = random.Random(11)
    pieces = list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ éàçÉÀ’'\".,;:!?()«»“”‘‹›—–-…%€°/+=#")
    pieces += list("0123456789") + ["\n", NB, NN, "😀", "Ⅻ", "ß", "e\u0301", "\u2028", "\x85"]
    pieces += FR_WORDS + EN_WORDS + ["1.", "2)", "2017.", "- ", "# ", "> ", "+ ", "= ", "--", "==="]

    def line(n: int) -> str:
        return "".join(rng.choice(pieces) for _ in range(rng.randint(1, n))).replace("\n", " ")

    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    texts += [_sentence(rng, i % 2 == 0) + "\n" + _sentence(rng, i % 2 == 1) for i in range(500)]
    texts += ["#" * rng.randint(1, 7) + rng.choice([" ", "", "  "]) + line(12) for _ in range(4000)]
    for _ in range(2000):
        items = [("- " if rng.random() < 0.9 else rng.choice(["-", "* ", "-  "]))
                 + (f"[{line(6)}]({'QzqazqzQ' if rng.random() < 0.8 else rng.choice(['a-b', 'x y', ''])})"
                    if rng.random() < 0.4 else line(6))
                 + ("" if rng.random() < 0.9 else rng.choice([" suite", " "]))
                 for _ in range(rng.randint(1, 3))]
        texts.append("\n".join(items))
    # Masked e-mail autolinks (« – <QzqazqzQ> – ») in paragraphs and items, and look-alikes:
    # no space on one side, at a line's start or end, other letters, two in a row.
    tags = ["<QzqazqzQ>", "<QzqqbczqqzQ>", "<QzqazqzQ><QzqbzqzQ>", "<Qzqaz>", "<qzqazqzQ>", "<QzqAzqzQ>"]
    for _ in range(3000):
        words = (_sentence(rng, rng.random() < 0.5) if rng.random() < 0.5 else line(10)).split(" ")
        for _ in range(rng.randint(1, 2)):
            tag = rng.choice(tags) if rng.random() < 0.3 else tags[0]
            words.insert(rng.randint(0, len(words)), tag if rng.random() < 0.8 else tag + rng.choice(".,x"))
        body = " ".join(words)
        texts.append(body if rng.random() < 0.5 else "- " + body.replace("\n", "\n- "))
    # Each shape again with one line break after it (the last block of a document), or two.
    texts += [text + rng.choice(["\n", "\n", "\n\n", " \n"]) for text in texts[::3]]
    texts += EDGES
    fast_rules.install("markdown")
    fast = [fast_rules._markdown_units(text, "commonmark", None) for text in texts]
    with polytypo_own():
        own = [mode_pipelines._markdown_units(text, "commonmark", None) for text in texts]
    wrong = [(text, a, b) for text, a, b in zip(texts, own, fast, strict=True) if a != b]
    assert not wrong, wrong[:5]
    known = [text for text in texts if fast_rules._known_spans(text) is not None]
    # The shortcut is exercised, not only the fallback, for each shape.
    assert sum(1 for text in known if text[0] not in "#-") > 1500
    assert sum(1 for text in known if text[0] == "#") > 500
    assert sum(1 for text in known if text[0] == "-") > 300, len(known)
    assert sum(1 for text in known if "<Qzq" in text) > 300
    assert sum(1 for text in known if re.search("zQ>(?:\n|$)", text)) > 100  # a token that ends a line
    assert sum(1 for text in known if text.endswith("\n")) > 500


def test_pattern_search_finds_what_polytypos_loops_find() -> None:
    """_Alternation.find, on synthetic pattern lists with overlaps, prefixes and duplicates,
    against a brute-force copy of nbsp.py's "longest pattern at every position"."""
    from polytypo._engine.rules import nbsp

    matches = {"exact": nbsp._matches_exact, "first": nbsp._matches_first_char_lenient,
               "space": nbsp._matches_space_lenient}
    rng = random.Random(3)
    alphabet = "abAB. " + NB + NN
    for _ in range(300):
        strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
                   for _ in range(rng.randint(1, 5))]
        strings = [s for s in strings if s.strip()] or ["a"]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        cp = [ord(c) for c in text]
        for kind, match in matches.items():
            finder = fast_rules._alternation(kind, strings)
            got = list(finder.find(cp))
            patterns = [[ord(c) for c in s] for s in strings]
            want = []
            for a in range(len(cp)):
                best = None
                for pat in patterns:
                    if match(cp, a, pat) and (best is None or len(pat) > len(best)):
                        best = pat
                if best is not None:
                    want.append((a, best))
            assert got == want, (kind, strings, text)


# --- the fast path refuses an unproven polytypo -------------------------------------------


def test_an_unproven_polytypo_version_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import polytypo
    from polytypo._engine import registry
    from polytypo._engine.rules import nbsp

    fast_rules.uninstall()
    own = nbsp._n5_before_units, dict(registry._RULES)
    monkeypatch.setattr(polytypo, "__version__", "1.17.0")
    try:
        assert fast_rules.install("markdown") is False
        assert (nbsp._n5_before_units, dict(registry._RULES)) == own
    finally:
        monkeypatch.undo()
        fast_rules.uninstall()
        assert fast_rules.install("markdown")
    assert nbsp._n5_before_units is fast_rules._n5_before_units


def test_other_parser_versions_turn_the_parse_shortcut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_rules.install("markdown")
    monkeypatch.setitem(fast_rules.PROVEN_PARSERS, "tree-sitter-markdown", "0.0.1")
    monkeypatch.setattr(fast_rules, "_PARSERS_PROVEN", None)
    calls = []
    monkeypatch.setattr(fast_rules, "_known_spans", lambda text: calls.append(text))
    units = fast_rules._markdown_units("Bonjour : oui.", "commonmark", None)
    assert fast_rules._parsers_proven() is False and calls == []
    assert units == [[fast_rules.spans.Span(0, 14)]]  # from the parse
    monkeypatch.undo()
    fast_rules._parsers_checked_again()
