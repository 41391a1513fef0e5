"""The typography pass: quotes, apostrophes, dashes, ellipses and no-break spaces.

Built on polytypo 1.16 (a spec-driven typographer that parses Markdown with tree-sitter, so
fenced code, code spans, link destinations and HTML tags and attributes are left alone), plus
pressgen's own fixes where polytypo is wrong for press releases. Each fix is one small
function below, named after what it repairs, and each has a test in tests/language/:

* polytypo does not protect bare URLs or e-mail addresses in Markdown or text mode
  (``https://x.fr/a--b`` became ``a — b``, ``jean--luc@x.fr`` became ``jean — luc@x.fr``, an
  apostrophe in a Wikipedia URL was curled). @handles and #hashtags are masked the same way
  for safety, though polytypo leaves the usual ones (letters, digits, _) alone.
  We mask them behind letter-only tokens before polytypo runs and put them back after.
* it typesets ``<span lang="en">`` content with the document's rules (« It’s fine » in an
  English quote). We take each lang span out, typeset its content with its own language, and
  put it back.
* en-GB: it turns double quotes into single ones (Hart's Rules). British news and corporate
  style (BBC, Guardian, Reuters, FT) quotes with double marks, as the author typed them; we
  keep “ ” and use ‘ ’ for quotes inside quotes, as in en-US.
* French: no U+00A0 inside « » when the guillemet touches markup (``«*mot*»``, ``«[lien](u)»``,
  ``«<span>…»``); none before % or € glued to a figure (``12%``); digit groups typed with
  ordinary spaces (``1 000 000``) are left breakable; « 14 h 30 » may break. English:
  ``12 %`` keeps its space. Both: « 2 millions », "2 million" may break after the figure;
  ``--`` stays a double hyphen when markup touches it (``**2009 --** Le``, ``-- <a>``).
  We add the missing no-break spaces (U+202F between digit groups in fr_FR, U+00A0 in fr_CA,
  as the number filter does) and remove the English one.

Which of these fixes a locale gets is said by its rules' ``Typography`` (rules/base.py, set in
rules/french.py and rules/english.py); this module applies them without asking which language
it is typesetting.

Generic locales (neither French nor English) get polytypo alone, with the same masking of
URLs, e-mail addresses, @handles, #hashtags and lang spans, when polytypo has rules for the
language (de, es, it, nl, pt, pl, ru… see ``polytypo/_data/locales``); other languages are
left exactly as typed, since any rule would be a guess.

polytypo runs with pressgen.language.fast_rules installed: same-output replacements for its
slowest internal functions, proven against the pinned polytypo version only (see there).

polytypo and tree-sitter are imported inside the functions, so importing pressgen.language
stays cheap. Everything here is a pure function of (text, locale): deterministic and
idempotent (typesetting twice gives the same bytes as once).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from typing import Literal

from pressgen.language import fast_rules
from pressgen.language.locale import Locale, LocaleLike, locale_for
from pressgen.language.rules import tuned_tag_for
from pressgen.language.rules.base import Typography
from pressgen.language.wordscan import sub_around_marks

NBSP = "\u00a0"
NNBSP = "\u202f"

Mode = Literal["markdown", "text"]

# --- what must never be typeset -----------------------------------------------------------

# A URL ends before trailing sentence punctuation, as GFM's autolink literals do.
_URL_CHAR = r"[^\s<>\"`«»“”()\[\]]"
_URL_PARENS = r"\([^\s<>\"`«»“”()]*\)"
_URL = (
    rf"(?:(?:https?|ftp)://|www\.)(?:{_URL_CHAR}|{_URL_PARENS})*"
    rf"(?:[^\s<>\"'`«»“”()\[\].,;:!?…’*]|{_URL_PARENS})"
)
_EMAIL = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"(?<![\w.@/])@\w+(?:\.\w+)*"
# A hashtag holds at least one letter (#1millionParis, not « #1 »); Markdown headings
# (``# Titre``) and entities (``&#39;``) never match.
_HASHTAG = r"(?<![\w&#/])#(?=\w*[^\W\d_])\w+"
_PROTECTED_WORDS = re.compile("|".join(f"(?:{p})" for p in (_URL, _EMAIL, _HANDLE, _HASHTAG)))
# What other outputs must keep whole too (the PDF never hyphenates them).
PROTECTED_WORDS = _PROTECTED_WORDS
# Each of the four holds one of these, and no white space: a text with none of them has
# nothing to protect, and in one that has, only the words around them are searched.
_PROTECTED_MARKS = ("://", "www.", "@", "#")
_PROTECTED_MARK = re.compile("|".join(map(re.escape, _PROTECTED_MARKS)))
# The same, with e-mail addresses tried at word starts only: see pressgen.language.wordscan
# (a word of 16,000 letters took seconds to mask, tried at each of its letters).
_PROTECTED_AT_WORD_STARTS = re.compile(
    "|".join(f"(?:{p})" for p in (_URL, rf"(?<![\w.+'-]){_EMAIL}", _HANDLE, _HASHTAG)))

# <span lang="en">…</span>, not nested; the content is typeset with the span's language.
_LANG_SPAN = re.compile(
    r"(<span\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)[\"']?[^>]*>)"
    r"((?:(?!<span\b|</span>).)*)(</span>)",
    re.DOTALL,
)

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# What _code_spans finds, as a regex (kept as its definition, and for the tests that compare the
# two); as a regex it backtracks cubically on a run of backticks (1,000 took minutes).
_CODE_SPAN = re.compile(r"(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")
# Inline markup whose inside is not prose: HTML tags and comments, autolinks, link
# destinations, reference definitions.
_INLINE_NOT_PROSE = re.compile(
    r"<!--.*?-->|<[A-Za-z/!?][^<>]*>|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
    r"|^ {0,3}\[[^\]\n]+\]:.*$",
    re.DOTALL | re.MULTILINE,
)


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced and indented code blocks, as (start, end) offsets; approximations err on the
    side of protecting too much (an indented list paragraph is left alone, never broken)."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    start = 0
    previous_blank = True
    in_indented = False
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if fence is not None:
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", stripped):
                ranges.append((start, offset + len(line)))
                fence = None
        else:
            opened = _FENCE_OPEN.match(stripped)
            if opened:
                fence, start = opened.group(1), offset
                in_indented = False
            elif (stripped.startswith(("    ", "\t")) and (previous_blank or in_indented)):
                ranges.append((offset, offset + len(line)))
                in_indented = True
            elif stripped.strip():
                in_indented = False
        previous_blank = not stripped.strip()
        offset += len(line)
    if fence is not None:
        ranges.append((start, len(text)))
    return ranges


def _code_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_CODE_SPAN.finditer`` gives, in linear time.

    A run of n backticks opens a span that the next run of exactly n backticks closes, within
    the paragraph (no blank line between); when no such run follows, the regex tries n - 1
    backticks, and so on down to one."""
    runs = [(m.start(), len(m.group())) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return []
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    spans = []
    i = 0
    while i < len(runs):
        paragraph = bisect.bisect_left(blanks, runs[i][0])
        # This paragraph's later runs, by length, in order.
        later: dict[int, list[int]] = {}
        j = i + 1
        while j < len(runs) and bisect.bisect_left(blanks, runs[j][0]) == paragraph:
            later.setdefault(runs[j][1], []).append(j)
            j += 1
        end_of_paragraph = j
        while i < end_of_paragraph:
            start, length = runs[i]
            closing = None
            for size in range(length, 0, -1):
                candidates = later.get(size)
                if candidates:
                    k = bisect.bisect_right(candidates, i)
                    if k < len(candidates):
                        closing = candidates[k]
                        break
            if closing is None:
                i += 1
                continue
            spans.append((start, runs[closing][0] + runs[closing][1]))
            i = closing + 1
    return spans


def _not_prose(text: str, mode: Mode) -> list[tuple[int, int]]:
    """Ranges of ``text`` that our own rules must not touch, sorted and merged."""
    ranges = _code_blocks(text) if mode == "markdown" else []
    if mode == "markdown":
        ranges += _code_spans(text)
        ranges += [m.span() for m in _INLINE_NOT_PROSE.finditer(text)]
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _sub_in_prose(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str],
                  text: str, mode: Mode) -> str:
    """``pattern.sub`` on the whole text, skipping matches that touch code, tags or link
    targets; lookarounds still see those neighbours (``«<em>`` is a guillemet before a tag).
    The protected ranges are found at the first match that changes something only: most
    patterns match nothing, and many matches are already right (a guillemet polytypo spaced).
    The replacement functions are pure, so one may run for a match that is then kept."""
    protected: list[tuple[int, int]] | None = None
    ends: list[int] = []
    literal = replacement if isinstance(replacement, str) and "\\" not in replacement else None

    def guarded(match: re.Match[str]) -> str:
        nonlocal protected, ends
        if literal is not None:
            new = literal
        else:
            new = match.expand(replacement) if isinstance(replacement, str) else replacement(match)
        found = match.group(0)
        if new == found:
            return found
        if protected is None:
            protected = _not_prose(text, mode)  # sorted, not overlapping
            ends = [b for _, b in protected]
        start, end = match.span()
        first = bisect.bisect_right(ends, start)  # the first range that ends after the start
        if first < len(protected) and protected[first][0] < end:
            return found
        return new

    return pattern.sub(guarded, text)


class _Masks:
    """Swap protected strings for letter-only tokens that polytypo treats as plain words.

    A token reads like a capitalised word to polytypo, so « @pressgen ! » still gets its
    no-break spaces around it; restoring is exact, so masking too much is harmless."""

    def __init__(self, text: str) -> None:
        stem = "Qzq"
        while stem in text:
            stem += "q"
        self.stem = stem
        self.originals: list[str] = []

    def token(self, original: str) -> str:
        index = len(self.originals)
        self.originals.append(original)
        letters = ""
        while True:
            index, digit = divmod(index, 25)
            letters += chr(ord("a") + digit)
            if index == 0:
                break
        return f"{self.stem}{letters}z{self.stem[::-1]}"

    def restore(self, text: str) -> str:
        if not self.originals:
            return text
        pattern = re.compile(re.escape(self.stem) + r"([a-y]+)z" + re.escape(self.stem[::-1]))

        def back(match: re.Match[str]) -> str:
            index = 0
            for letter in reversed(match.group(1)):
                index = index * 25 + ord(letter) - ord("a")
            return self.originals[index]

        return pattern.sub(back, text)


def _span_locale(tag: str, locale: Locale) -> LocaleLike | None:
    """Our locale (or a polytypo tag) for a ``lang`` attribute; None if we cannot typeset it.

    The document's own language keeps the document's variant (fr inside fr_CA is fr_CA);
    another tuned language takes its tuned style for the region, else its own (en-AU: en)."""
    parts = re.split(r"[-_]", tag)
    lang = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    own = locale_for(locale)
    if lang == own.language and (not region or f"{lang}_{region}" == own.cldr):
        return locale
    tuned = tuned_tag_for(lang, region)
    if tuned is not None:
        return tuned
    from polytypo._engine.locale import resolve as polytypo_resolve
    from polytypo.errors import PolytypoError

    try:
        return "polytypo:" + polytypo_resolve(tag)
    except PolytypoError:
        return None


def _mask(text: str, locale: Locale, mode: Mode, masks: _Masks) -> str:
    """Take out lang spans (typeset by their own language) and URLs, e-mails, handles, tags."""

    def span(match: re.Match[str]) -> str:
        opening, tag, content, closing = match.groups()
        inner = _span_locale(tag, locale)
        if inner is None:
            typeset = content
        elif isinstance(inner, str) and inner.startswith("polytypo:"):
            typeset = _typeset(content, inner.removeprefix("polytypo:"), mode, raw_tag=True)
        else:
            typeset = _typeset(content, inner, mode)
        return masks.token(opening + typeset + closing)

    code = _not_prose(text, mode) if mode == "markdown" and "<span" in text else []
    if code:
        # Lang spans inside code stay as written: only spans that start in prose are taken.
        def outside_code(match: re.Match[str]) -> str:
            start = match.start()
            if any(a <= start < b for a, b in code if not text[a:b].startswith("<")):
                return match.group(0)
            return span(match)

        text = _LANG_SPAN.sub(outside_code, text)
    else:
        text = _LANG_SPAN.sub(span, text)
    if not any(mark in text for mark in _PROTECTED_MARKS):
        return text  # nothing to protect
    return sub_around_marks(_PROTECTED_MARK, _PROTECTED_WORDS, _PROTECTED_AT_WORD_STARTS,
                            lambda m: masks.token(m.group(0)), text)


# --- pressgen's own rules, applied to prose after polytypo ---------------------------------

_GUILLEMET_OPEN = re.compile("«[ \t\u00a0\u202f]*(?=[^\\s])")
_GUILLEMET_CLOSE = re.compile("(?<=[^\\s])[ \t\u00a0\u202f]*»")
_FR_UNIT = re.compile("(?<=\\d)[ \t\u00a0\u202f]?([%‰€])")
_EN_PERCENT = re.compile("(?<=\\d)[ \t\u00a0\u202f]+%")
_FR_TIME = re.compile("(?<![\\d,.])(\\d{1,2})[ \u00a0\u202f]h(?:[ \u00a0\u202f](\\d{2}))?(?![\\w])")
# A double hyphen polytypo left alone because markup touches it (``2009 --**``, ``-- <a>``).
_LEFT_DOUBLE_HYPHEN = re.compile("([ \t]*)(?<![-!<\\w])--(?![-\\w>])([ \t]*)")
_DIGIT_GROUPS = re.compile("(?<![\\d,.])\\d{1,3}(?:[ \u00a0\u202f]\\d{3})+(?![\\d])")
# What every match of _DIGIT_GROUPS holds; opening with a character class, it is searched fast.
_DIGIT_SPACE_DIGIT = re.compile("\\d[ \u00a0\u202f]\\d")


def _digit_groups(group: str) -> Callable[[re.Match[str]], str]:
    return lambda match: re.sub("[ \u00a0\u202f]", group, match.group(0))


@functools.lru_cache(maxsize=None)
def _magnitude(words: tuple[str, ...]) -> re.Pattern[str]:
    """A figure and a magnitude word after it (« 2 millions »), for a no-break space."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?<=\\d)[ \u202f]({alternatives})(?![\\w])")


def _french_time(match: re.Match[str]) -> str:
    hours, minutes = match.groups()
    return f"{hours}{NBSP}h{NBSP}{minutes}" if minutes else f"{hours}{NBSP}h"


def _dash(style: Typography) -> Callable[[re.Match[str]], str]:
    """The style's parenthetical dash: fr « a — b », en_US "a—b", en_GB "a – b"."""

    def replace(match: re.Match[str]) -> str:
        before, after = match.groups()
        if not style.spaced_dash:
            return style.dash
        return f"{before}{style.dash}{after}"

    return replace


# A straight double quote after a figure, in a paragraph whose double quotes do not pair: an
# inch mark (``a 12" screen``), written as the double prime so no quote pairs with it.
_INCH = re.compile('(?<=\\d)"')
# A paragraph that opens a quotation it does not close: the opening mark of a quotation that
# runs over several paragraphs (each opens with it; only the last one closes).
_PARAGRAPH_OPENING = re.compile('^((?:[ \t]*(?:[>*+-]|\\d+[.)])[ \t]+)*[ \t]*)"')
# A straight single quote that may open or close a quotation (not one inside a word: it's).
_SINGLE_QUOTE = re.compile("(?<![A-Za-z0-9])'|'(?![A-Za-z0-9])")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str, fix: Callable[[str], str]) -> str:
    """``fix`` applied to each paragraph (text between blank lines), the breaks kept."""
    pieces = _PARAGRAPHS.split(text)
    if len(pieces) == 1:
        return fix(text)
    breaks = _PARAGRAPHS.findall(text)
    out = [fix(pieces[0])]
    for brk, piece in zip(breaks, pieces[1:]):
        out += [brk, fix(piece)]
    return "".join(out)


def _in_prose(pattern: re.Pattern[str], text: str, mode: Mode) -> re.Match[str] | None:
    """The first match of ``pattern`` that touches no code, tag or link target."""
    protected = _not_prose(text, mode)
    for match in pattern.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in protected):
            return match
    return None


def _quotes_in_prose(paragraph: str, mode: Mode) -> int:
    protected = _not_prose(paragraph, mode)
    return sum(1 for i, c in enumerate(paragraph) if c == '"' and not any(a <= i < b for a, b in protected))


def _inch_marks(mode: Mode) -> Callable[[str], str]:
    """``"A 12" screen," he said.``: three straight quotes cannot pair; the one after a figure
    is an inch mark (″). polytypo pairs it with the opening quote instead."""

    def fix(paragraph: str) -> str:
        if not _INCH.search(paragraph) or _quotes_in_prose(paragraph, mode) % 2 == 0:
            return paragraph
        match = _in_prose(_INCH, paragraph, mode)
        if match is None:
            return paragraph
        return paragraph[:match.start()] + "\u2033" + paragraph[match.end():]

    return fix


def _continued_quotation(opening: str, mode: Mode) -> Callable[[str], str]:
    """A paragraph that starts with a straight double quote it never closes opens a quotation
    that goes on in the next paragraph: it gets the opening mark (polytypo, which pairs marks
    within a paragraph, leaves it straight)."""

    def fix(paragraph: str) -> str:
        match = _PARAGRAPH_OPENING.match(paragraph)
        if match is None or _quotes_in_prose(paragraph, mode) % 2 == 0:
            return paragraph
        quote = match.end() - 1
        if any(a <= quote < b for a, b in _not_prose(paragraph, mode)):
            return paragraph  # an indented code block, say
        return paragraph[:quote] + opening + paragraph[quote + 1:]

    return fix


def _single_quotes(paragraph: str, tag: str, mode: Mode) -> str:
    """English: a quotation the author put in single quotes stays in single quotes (‘…’);
    polytypo's en-US and en-GB pair them into double ones. polytypo decides which straight
    marks pair (its analysis); we only choose the single curly marks for those pairs. Curly
    single quotes already there are kept the same way (polytypo would pair them into double
    ones too, so typesetting twice would not give the same text as once)."""
    if "‘" not in paragraph and ("'" not in paragraph or not _SINGLE_QUOTE.search(paragraph)):
        return paragraph
    import polytypo

    fast_rules.install(mode)
    options = {"dialect": "commonmark"} if mode == "markdown" else {}
    changes = polytypo.analyze(paragraph, locale=tag, mode=mode, rules=_QUOTES_ONLY, **options)
    chars = list(paragraph)
    for change in changes:
        if change.rule_id == "quotes" and change.before in "'‘’" and change.after in "“”":
            chars[change.start] = _SINGLE_OPEN if change.after == "“" else _SINGLE_CLOSE
    return "".join(chars)


# Stand-ins for the single marks of an author's single quotes while polytypo runs (it would
# pair curly ones into double ones too); put back by _own_rules. Private-use characters, which
# no text of a release holds.
_SINGLE_OPEN, _SINGLE_CLOSE = "\ue000", "\ue001"


def _before_polytypo(text: str, style: Typography, mode: Mode) -> str:
    """pressgen's fixes that must see the marks as the author typed them (inch marks, a
    quotation over several paragraphs, single quotes), before polytypo pairs them."""
    from polytypo._engine.locale import get_locale_data

    if '"' in text:
        text = _paragraphs(text, _inch_marks(mode))
        quotes = get_locale_data(style.quotes_from or style.polytypo_tag)["quotes"]["primary"]
        text = _paragraphs(text, _continued_quotation(quotes["open"], mode))
    if style.single_quotes and ("'" in text or "‘" in text):
        text = _paragraphs(text, lambda p: _single_quotes(p, style.quotes_from or style.polytypo_tag, mode))
    return text


# (R) glued to a mark, as typed after a brand name: polytypo turns only a spaced one into ®.
_REGISTERED = re.compile(r"(?<=[^\W_])\((?:R|r)\)")
# A registered or trade mark sign after a space (``Brand (R)`` as polytypo writes it): glued.
_SPACED_MARK = re.compile("(?<=[^\\W_])[ \u00a0\u202f]+([®™])")
# A no-break space pasted before a full stop, a comma or an ellipsis, after a word.
_SPACE_BEFORE_STOP = re.compile("(?<=[^\\s«“‘(\\[])[\u00a0\u202f]+(?=[.,…])")
_SPACE_THEN_STOP = re.compile("[\u00a0\u202f][.,…]")  # what every match of it ends with
# A dash between words: an em dash, closed or spaced, or a spaced en dash (a closed en dash is
# a range: 1964–2009); polytypo's word joiners around a range are not spaces.
_WORD_DASH = re.compile("(?<=[^\\s\\d])([ \u00a0]?)—([ \u00a0]?)(?=\\S)"
                        "|(?<=\\S)([ \u00a0])–([ \u00a0])(?=\\S)"
                        "|(?<=\\d)([ \u00a0])—([ \u00a0])(?=\\S)")


def _one_dash(style: Typography) -> Callable[[re.Match[str]], str]:
    """Every dash between words as the style's: fr « a — b », en "a — b" (AP), en_GB "a – b";
    the spaces typed are kept (a no-break one before the dash stays), missing ones added."""

    def replace(match: re.Match[str]) -> str:
        groups = [g for g in match.groups()]
        before = next((g for g in groups[0::2] if g is not None), "")
        after = next((g for g in groups[1::2] if g is not None), "")
        if not style.spaced_dash:
            return style.dash
        return f"{before or ' '}{style.dash}{after or ' '}"

    return replace


@functools.lru_cache(maxsize=None)
def _units(units: tuple[str, ...]) -> re.Pattern[str]:
    """A figure, a space and a unit or currency symbol (« 5 M€ »): the space becomes U+00A0."""
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(f"(?<=\\d)[ \u202f]?({alternatives})(?![\\w’'])")


# Words French writes with the œ ligature (oeuvre, coeur…), for the ``ligatures`` setting;
# never « coexister », « coefficient », « moelle », « Noël ».
_OE_WORDS = re.compile(
    r"\b(?:(c|C|s|S|ch|Ch|ranc|Ranc|éc|Éc|m|M|b|B|n|N|v|V|man|Man)?([oO])e"
    r"(?=u(?:vr|r|f|d|x)|urs\b|il|uf|u\b|ux\b|cum|soph|dèm|dip|nolog|strog|st\b))"
)


def _ligature(match: re.Match[str]) -> str:
    lead, o = match.group(1) or "", match.group(2)
    return lead + ("Œ" if o == "O" else "œ")

def _own_rules(text: str, style: Typography, mode: Mode) -> str:
    """pressgen's fixes on top of polytypo (see the module docstring), prose only: those the
    locale's rules switch on."""
    # Each ``in`` test is a string every match of its pattern holds: most blocks hold none, and
    # a pattern that opens with a lookbehind or an optional run is tried at every position.
    if "--" in text:
        text = _sub_in_prose(_LEFT_DOUBLE_HYPHEN, _dash(style), text, mode)
    if style.magnitude_words and any(word in text for word in style.magnitude_words):
        text = _sub_in_prose(_magnitude(style.magnitude_words), NBSP + r"\1", text, mode)
    if style.glued_percent and "%" in text:
        text = _sub_in_prose(_EN_PERCENT, "%", text, mode)
    if style.spaced_hours and (" h" in text or "\u00a0h" in text or "\u202fh" in text):
        text = _sub_in_prose(_FR_TIME, _french_time, text, mode)
    if style.spaced_guillemets:
        if "«" in text:
            text = _sub_in_prose(_GUILLEMET_OPEN, "«" + NBSP, text, mode)
        if "»" in text:
            text = _sub_in_prose(_GUILLEMET_CLOSE, NBSP + "»", text, mode)
    if style.spaced_units and ("%" in text or "‰" in text or "€" in text):
        text = _sub_in_prose(_FR_UNIT, NBSP + r"\1", text, mode)
    if style.digit_group is not None and _DIGIT_SPACE_DIGIT.search(text):
        text = _sub_in_prose(_DIGIT_GROUPS, _digit_groups(style.digit_group), text, mode)
    if style.tied_units:
        text = _sub_in_prose(_units(style.tied_units), NBSP + r"\1", text, mode)
    if style.unify_dashes and ("—" in text or "–" in text):
        text = _sub_in_prose(_WORD_DASH, _one_dash(style), text, mode)
    if "(" in text:
        text = _sub_in_prose(_REGISTERED, "®", text, mode)
    if "®" in text or "™" in text:
        text = _sub_in_prose(_SPACED_MARK, r"\1", text, mode)
    if _SPACE_THEN_STOP.search(text):
        text = _sub_in_prose(_SPACE_BEFORE_STOP, "", text, mode)
    if style.ligatures and ("oe" in text or "Oe" in text):
        text = _sub_in_prose(_OE_WORDS, _ligature, text, mode)
    if _SINGLE_OPEN in text or _SINGLE_CLOSE in text:
        text = text.replace(_SINGLE_OPEN, "‘").replace(_SINGLE_CLOSE, "’")
    return text


# --- the pipeline -------------------------------------------------------------------------

_QUOTES_ONLY = {
    "spaces": False, "ellipsis": False, "dashes": False, "hyphen": False,
    "symbols": False, "nbsp": False, "quotes": True, "apostrophe": True,
}
_ALL_BUT_QUOTES = {"quotes": False, "apostrophe": False}


# polytypo's rules that are off by default and that a style turns on (Typography.ranges).
_RANGES = {"ranges": True}


def _polytypo(text: str, tag: str, mode: Mode, rules: dict[str, bool] | None = None) -> str:
    fast_rules.install(mode)
    if mode == "markdown":
        from polytypo.markdown import transform as markdown

        return markdown(text, locale=tag, dialect="commonmark", rules=rules)
    from polytypo.text import transform as plain

    return plain(text, locale=tag, rules=rules)


def _polytypo_quotes_from(text: str, quotes: str, tag: str, mode: Mode,
                          rules: dict[str, bool] | None = None) -> str:
    """Quotes and apostrophes by polytypo's ``quotes`` rules, everything else by ``tag``'s
    (en-GB with double quotes: its quotes as en-US)."""
    fast_rules.install(mode)
    rest = {**_ALL_BUT_QUOTES, **(rules or {})}
    if mode == "markdown":
        from polytypo.markdown import transform as markdown

        quoted = markdown(text, locale=quotes, dialect="commonmark", rules=_QUOTES_ONLY)
        return markdown(quoted, locale=tag, dialect="commonmark", rules=rest)
    from polytypo.text import transform as plain

    quoted = plain(text, locale=quotes, rules=_QUOTES_ONLY)
    return plain(quoted, locale=tag, rules=rest)


def _typeset(text: str, locale: LocaleLike, mode: Mode, raw_tag: bool = False) -> str:
    if not text:
        return text
    masks = _Masks(text)
    if raw_tag:  # a language we do not support ourselves: polytypo alone, URLs protected
        assert isinstance(locale, str)
        masked = _mask(text, locale_for("en"), mode, masks)
        return masks.restore(_polytypo(masked, locale, mode))
    own = locale_for(locale)
    masked = _mask(text, own, mode, masks)
    style = own.rules.typesetting
    if style is None:
        # Generic locales: polytypo's own rules for the language, none of our French or
        # English fixes; a language polytypo does not know is left as typed.
        tag = own.polytypo_tag
        return masks.restore(masked if tag is None else _polytypo(masked, tag, mode))
    masked = _before_polytypo(masked, style, mode)
    rules = _RANGES if style.ranges else None
    if style.quotes_from is not None:
        done = _polytypo_quotes_from(masked, style.quotes_from, style.polytypo_tag, mode, rules)
    else:
        done = _polytypo(masked, style.polytypo_tag, mode, rules)
    return masks.restore(_own_rules(done, style, mode))


_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)
_INDENTED_CODE = re.compile(r"(?:\A|\n\n)(?: {4}|\t)")


def typeset_markdown(text: str, locale: LocaleLike) -> str:
    """Typography for a whole rendered Markdown document (see the module docstring).

    Blocks (the text between blank lines) are typeset one by one and remembered: releases share
    paragraphs (the "About" text, contacts), and a rebuild in the preview re-typesets only the
    paragraphs that changed. polytypo's cost grows with the length of what it is given, so
    this is several times faster on a full build too. A document with code blocks, whose blank
    lines may sit inside the code, is typeset whole.

    A block's final line break is kept as it is, out of what is typeset: typography never
    changes it (tests/language/test_typography_differential.py), and a release's lead, which
    its template names with one, is then the paragraph the document holds, typeset once.
    """
    own = locale_for(locale)
    if _FENCE.search(text) or _INDENTED_CODE.search(text):
        return _typeset(text, own, "markdown")
    return "\n\n".join(_typeset_block(block[:-1], own) + "\n" if block[-1:] == "\n" else _typeset_block(block, own)
                       for block in text.split("\n\n"))


@functools.lru_cache(maxsize=8192)
def _typeset_block(block: str, locale: Locale) -> str:
    return _typeset(block, locale, "markdown")


def typeset_text(text: str, locale: LocaleLike) -> str:
    """Typography for one plain string: a title, a meta description, a YAML value."""
    return _typeset(text, locale_for(locale), "text")
