"""Same-output replacements for polytypo's slowest internal functions, installed at run time.

Why. polytypo (pinned in constraints.txt) runs each of its nine rules as a Python loop over a
list of code points, and most of them do nothing at almost every position: the no-break-space
rule's pattern sub-rules try every pattern of the locale at every code point (69.5 million
slice comparisons for a build of 1,000 milestones, the largest single cost of a build), the
span machinery rescans the whole array after every rule, and rules such as ``ellipsis`` or
``symbols`` walk the whole text to find nothing. Typography was 79 % of a build.

How. Nothing of polytypo is edited on disk and its rule order, data and results stay its own.
Three kinds of replacement, each exact by construction and each checked by
tests/language/test_typography_differential.py against polytypo's own functions:

* Gates (``_GATES``): a rule is skipped, and returns no edits, when one regular-expression
  search proves it would find none; otherwise polytypo's own rule runs. Each gate is a
  condition polytypo's code requires before any edit, quoted next to it.
* Candidate loops: the sub-rules whose loop does nothing at most positions keep polytypo's loop
  body, copied unchanged, but visit only the positions where something can happen, found by a
  compiled regular expression (for the pattern sub-rules, an alternation of the locale's
  patterns, longest first, as polytypo picks them). ``a += 1`` in polytypo's loop (try the next
  position) becomes ``continue``, ``a += k`` (skip past a match) becomes ``resume = a + k``.
* Bookkeeping at C speed: code-point/str conversions with ``map``, span markers found with
  ``list.index``, span extents computed only when a rule returned edits, the byte-offset table
  of the Markdown mode from ``bytes.translate``, the first-line scan with ``str.find``.

What is replaced (module attributes, which polytypo looks up at call time): see
``_engine_replacements`` and ``_markdown_replacements``; the gates wrap entries of polytypo's
rule registry.

Proven against polytypo ``PROVEN_VERSION`` only. With any other version ``install`` changes
nothing and polytypo's own code runs, slower but right. To move to a new polytypo: diff the
functions named here against the new release, update the copies below, bump
``PROVEN_VERSION``, run the differential test.

Imported by the typography module only when it calls polytypo, never by
``pressgen.language``; the Markdown-mode part is installed on the first Markdown call, so
typesetting plain text does not import tree-sitter.
"""

from __future__ import annotations

import importlib
import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from itertools import compress
from typing import Any

PROVEN_VERSION = "1.16.0"

_lock = threading.Lock()
_proven: bool | None = None
_installed: set[str] = set()  # "engine", "markdown"
# (module, attribute) -> polytypo's own object, for ``uninstall`` and the differential test.
ORIGINALS: dict[tuple[str, str], Any] = {}


def install(mode: str = "text") -> bool:
    """Put the fast functions in place for ``mode`` ("text" or "markdown"), once. False, and
    nothing changed, when the installed polytypo is not the version they were proven against."""
    group = "markdown" if mode == "markdown" else "engine"
    if group in _installed:
        return True
    with _lock:
        global _proven
        if _proven is None:
            import polytypo

            _proven = polytypo.__version__ == PROVEN_VERSION
        if not _proven:
            return False
        if "engine" not in _installed:
            _swap(_engine_replacements())
            _gate_rules()
            _installed.add("engine")
        if group == "markdown" and "markdown" not in _installed:
            _swap(_markdown_replacements())
            _installed.add("markdown")
    return True


def uninstall() -> None:
    """Put every one of polytypo's own functions back (the differential test's reference);
    the next ``install`` checks the version again."""
    global _proven
    with _lock:
        _proven = None
        for (module_name, name), original in ORIGINALS.items():
            target = importlib.import_module(module_name)
            if name.startswith("_RULES:"):
                target._RULES[name.removeprefix("_RULES:")] = original
            else:
                setattr(target, name, original)
        ORIGINALS.clear()
        _installed.clear()


def _swap(functions: dict[tuple[str, str], Any]) -> None:
    for (module_name, name), function in functions.items():
        module = importlib.import_module(module_name)
        ORIGINALS.setdefault((module_name, name), getattr(module, name))
        setattr(module, name, function)


def _original(module_name: str, name: str) -> Any:
    return ORIGINALS.get((module_name, name)) or getattr(importlib.import_module(module_name), name)


# --- the code points as a str, for regular expressions ---------------------------------------

# polytypo's span markers are negative integers (sentinels.py); in the str they become this
# noncharacter, which no pattern, character class or gate below matches.
_MARKER_CHAR = "\uffff"
_last_text: tuple[list[int], str] = ([], "")


def _text_of(cp: list[int]) -> str:
    """``cp`` as a str of the same length, markers as ``_MARKER_CHAR``. polytypo never mutates
    a code-point list (apply_edits builds a new one) and hands the same list to every gate and
    sub-rule until a rule edits it, so the last conversion is remembered."""
    global _last_text
    last = _last_text
    if last[0] is cp and len(last[1]) == len(cp):
        return last[1]
    try:
        text = "".join(map(chr, cp))
    except ValueError:  # a marker
        text = "".join([chr(c) if c >= 0 else _MARKER_CHAR for c in cp])
    _last_text = (cp, text)
    return text


def _char_class(code_points: frozenset[int] | set[int]) -> str:
    return "[" + "".join(re.escape(chr(c)) for c in sorted(code_points) if c >= 0) + "]"


# --- gates: skip a rule when one search proves it finds nothing --------------------------------


def _quotes_may_edit(cp: list[int], text: str) -> bool:
    """quotes.py: an edit needs a pair, a pair needs two candidates, and ``_compute_candidates``
    drops every mark that is NARROW with ALNUM on both sides (``d’abonnés``, ``City's``)
    before any other test. So: is there a QUOTEMARK that is not such a mark?"""
    from polytypo._engine.rules import quotes

    is_alnum, narrow = quotes._is_alnum, quotes.NARROW
    n = len(cp)
    for match in _QUOTEMARK.finditer(text):
        i = match.start()
        if not (cp[i] in narrow and i > 0 and i + 1 < n
                and is_alnum(cp[i - 1]) and is_alnum(cp[i + 1])):
            return True
    return False


_QUOTEMARK: re.Pattern[str]


def _gate_rules() -> None:
    """Wrap the gated rules in polytypo's registry; the registry is read at every call."""
    global _QUOTEMARK
    from polytypo._engine import registry
    from polytypo._engine.rules import quotes

    _QUOTEMARK = re.compile(_char_class(quotes.QUOTEMARK))
    gates: dict[str, Callable[[list[int], str], bool]] = {
        # ellipsis.py: a DOTLIKE run of one full stop is left alone; anything else it edits
        # is a run of two or more dots or one holding U+2026.
        "ellipsis": re.compile(r"\.\.|\u2026").search,
        # symbols.py: the trademark rows "(tm)" "(c)" "(r)" in their listed cases, a
        # multiplication link (digit, optional space, x/X/х/Х, optional space, digit), "+/-".
        "symbols": re.compile(
            r"\((?:[tT][mM]|[cCrR])\)|[0-9][ \u00a0\u202f]?[xX\u0445\u0425][ \u00a0\u202f]?[0-9]"
            r"|\+/-"
        ).search,
        # dashes.py: every edit comes from _try_parenthetical, whose P1 declines a single
        # hyphen-shaped stroke (-, U+2010, U+2212) with no space before it: so a run of two
        # or more, an en or em dash, or a hyphen-shaped stroke after a space.
        "dashes": re.compile("[-\u2010\u2013\u2014\u2212]{2}|[\u2013\u2014]| [-\u2010\u2212]").search,
        # apostrophe.py: edits only U+0027.
        "apostrophe": re.compile("'").search,
        # spaces.py: edits a run of k spaces only when its replacement length (0 or 1) is not
        # k: two or more spaces, or one space after an opening bracket or before a closing
        # bracket or one of , . ; : ! ?
        "spaces": re.compile(r"  |[(\[{] | [)\]},.;:!?]").search,
        "quotes": None,  # _quotes_may_edit, which needs the code points
    }
    for rule_id, search in gates.items():
        rule = registry._RULES[rule_id]
        ORIGINALS.setdefault(("polytypo._engine.registry", f"_RULES:{rule_id}"), rule)
        registry._RULES[rule_id] = _gated(rule, search)


def _gated(rule: Callable[..., list], search: Callable[[str], Any] | None) -> Callable[..., list]:
    def gated(cp: list[int], locale_data: dict[str, Any], ctx: Any) -> list:
        text = _text_of(cp)
        if search is None:
            if not _quotes_may_edit(cp, text):
                return []
        elif search(text) is None:
            return []
        return rule(cp, locale_data, ctx)

    gated.__wrapped__ = rule  # type: ignore[attr-defined]
    return gated


# --- the longest pattern at each position, as nbsp.py's "best" loops find it -------------------


class _Alternation:
    """Every position where one of ``patterns`` starts, with the longest one: a zero-width
    search at each position, alternatives longest first. Among patterns of the same length the
    first in list order wins, as with polytypo's strict ``len(pat) > len(best)``; every piece
    matches a fixed number of code points, so the first alternative that matches is the
    longest."""

    def __init__(self, strings: list[str], piece: Callable[[str], str], before: str) -> None:
        order = sorted(range(len(strings)), key=lambda i: -len(strings[i]))
        self.patterns = [[ord(c) for c in strings[i]] for i in order]
        alternatives = "|".join(f"({piece(strings[i])})" for i in order)
        self.regex = re.compile(f"{before}(?=(?:{alternatives}))")

    def find(self, cp: list[int]):
        patterns = self.patterns
        for match in self.regex.finditer(_text_of(cp)):
            yield match.start(), patterns[match.lastindex - 1]


_alternations: dict[tuple[str, tuple[str, ...], str], _Alternation | None] = {}


def _alternation(kind: str, strings: list[str], before: str = "") -> _Alternation | None:
    """None where the fast path cannot be proven equal: an empty pattern (polytypo's loop
    would match it everywhere and never step past it) or one holding the marker stand-in."""
    key = (kind, tuple(strings), before)
    if key not in _alternations:
        if any(not s or _MARKER_CHAR in s for s in strings):
            _alternations[key] = None
        else:
            _alternations[key] = _Alternation(list(strings), _PIECES[kind], before)
    return _alternations[key]


def _exact(s: str) -> str:
    return re.escape(s)


def _first_char_lenient(s: str) -> str:
    """nbsp.py _matches_first_char_lenient: the first code point also matches its simple
    uppercase."""
    from polytypo._engine.unicode import simple_uppercase

    upper = chr(simple_uppercase(ord(s[0])))
    head = re.escape(s[0]) if upper == s[0] else f"[{re.escape(s[0])}{re.escape(upper)}]"
    return head + re.escape(s[1:])


def _space_lenient(s: str) -> str:
    """nbsp.py _matches_space_lenient: a space in the pattern matches U+0020 or a NOBREAK."""
    return "".join("[ \u00a0\u202f]" if c == " " else re.escape(c) for c in s)


_PIECES = {"exact": _exact, "first": _first_char_lenient, "space": _space_lenient}

_NBSP = "polytypo._engine.rules.nbsp"


def _nbsp():
    from polytypo._engine.rules import nbsp

    return nbsp


# --- nbsp.py (polytypo 1.16.0) sub-rules, candidate loops --------------------------------------


def _before_punctuation_common(cp, target_set, other_set, openish, closeish, already_correct,
                               convert_from, insert_target):
    """N1/N2 (nbsp.md 3.3, 3.4): polytypo's loop skips every position not in ``target_set``."""
    nbsp = _nbsp()
    _at, SPACELIKE, OTHER_SPACE, BREAK, NONE, SP = (
        nbsp._at, nbsp.SPACELIKE, nbsp.OTHER_SPACE, nbsp.BREAK, nbsp.NONE, nbsp.SP)
    edits = []
    if not target_set:
        return edits
    if 0xFFFF in target_set:  # the marker stand-in: not provable here
        return _original(_NBSP, "_before_punctuation_common")(
            cp, target_set, other_set, openish, closeish, already_correct, convert_from,
            insert_target)
    for match in _class_regex(frozenset(target_set)).finditer(_text_of(cp)):
        i = match.start()
        # Run guard.
        prev = _at(cp, i - 1)
        if prev in target_set or prev in other_set:
            continue
        # Right-context guard.
        after = _at(cp, i + 1)
        if (
            after != NONE
            and after not in SPACELIKE
            and after not in closeish
            and after != 0x2026
            and after not in target_set
            and after not in other_set
        ):
            continue
        # Quote-glyph guard.
        if (prev in SPACELIKE and _at(cp, i - 2) in openish) or prev in openish:
            continue
        # Character-reference guard.
        if cp[i] == nbsp.SEMICOLON and nbsp._ends_character_reference(cp, i):
            continue
        left = prev
        if left == already_correct:
            continue  # already correct
        if left == SP or left in convert_from:
            edits.append(nbsp.Edit(i - 1, i, [insert_target], nbsp.RULE_ID))
        elif left in OTHER_SPACE or left == NONE or left in BREAK or left == 0x09:
            continue
        else:
            edits.append(nbsp.Edit(i, i, [insert_target], nbsp.RULE_ID))
    return edits


_class_regexes: dict[frozenset[int], re.Pattern[str]] = {}


def _class_regex(code_points: frozenset[int]) -> re.Pattern[str]:
    if code_points not in _class_regexes:
        _class_regexes[code_points] = re.compile(_char_class(code_points))
    return _class_regexes[code_points]


def _n3_after_short_words(cp, words, openish):
    if not words:
        return []  # no pattern: polytypo's loop finds no "best" anywhere
    finder = _alternation("first", words)
    if finder is None:
        return _original(_NBSP, "_n3_after_short_words")(cp, words, openish)
    nbsp = _nbsp()
    _at, SPACELIKE, SENTENCE_DASH, SP, NBSP, NONE = (
        nbsp._at, nbsp.SPACELIKE, nbsp.SENTENCE_DASH, nbsp.SP, nbsp.NBSP, nbsp.NONE)
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        left = _at(cp, a - 1)
        if not (left == NONE or left in SPACELIKE or left in openish or left in SENTENCE_DASH):
            continue
        right = _at(cp, a + k)
        if right == NONE or right not in (SP, NBSP):
            continue
        following = _at(cp, a + k + 1)
        if following == NONE or not (nbsp._is_alnum(following) or following in openish):
            continue
        if right == NBSP:
            pass  # already correct, claims nothing further but position is "seen"
        else:
            edits.append(nbsp.Edit(a + k, a + k + 1, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


def _n4_abbreviations(cp, abbreviations):
    if not abbreviations:
        return []
    finder = _alternation("space", abbreviations)
    if finder is None:
        return _original(_NBSP, "_n4_abbreviations")(cp, abbreviations)
    nbsp = _nbsp()
    _at, _is_alnum, SP, NBSP = nbsp._at, nbsp._is_alnum, nbsp.SP, nbsp.NBSP
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        if _is_alnum(_at(cp, a - 1)) or _is_alnum(_at(cp, a + k)):
            continue
        for j, w in enumerate(best):
            if w == SP and cp[a + j] != NBSP:
                edits.append(nbsp.Edit(a + j, a + j + 1, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


def _n5_before_units(cp, units):
    if not units:
        return []
    # The regex also requires what polytypo checks before accepting a unit: a space (U+0020
    # or U+00A0) right before it and an ASCII digit before that.
    finder = _alternation("exact", units, before="(?<=[0-9][ \u00a0])")
    if finder is None:
        return _original(_NBSP, "_n5_before_units")(cp, units)
    nbsp = _nbsp()
    _at, DIGIT, SP, NBSP, NONE = nbsp._at, nbsp.DIGIT, nbsp.SP, nbsp.NBSP, nbsp.NONE
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        right = _at(cp, a + k)
        if nbsp._is_alnum(right):
            continue
        left = _at(cp, a - 1)
        if left not in (SP, NBSP):
            continue
        if _at(cp, a - 2) not in DIGIT:
            continue
        b = a - 2
        while b > 0 and cp[b - 1] in DIGIT:
            b -= 1
        if _at(cp, b - 1) != NONE and nbsp.is_letter(_at(cp, b - 1)):
            continue
        if left != NBSP:
            edits.append(nbsp.Edit(a - 1, a, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


def _n6_after_symbols(cp, symbols):
    if not symbols:
        return []
    finder = _alternation("exact", symbols)
    if finder is None:
        return _original(_NBSP, "_n6_after_symbols")(cp, symbols)
    nbsp = _nbsp()
    _at, DIGIT, SP, NBSP = nbsp._at, nbsp.DIGIT, nbsp.SP, nbsp.NBSP
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        if nbsp._is_alnum(_at(cp, a - 1)):
            continue
        right = _at(cp, a + k)
        if right not in (SP, NBSP):
            continue
        if _at(cp, a + k + 1) not in DIGIT:
            continue
        if right != NBSP:
            edits.append(nbsp.Edit(a + k, a + k + 1, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


# N7 can only act on a space (U+0020 or U+00A0) with a full stop right before it (C1: an
# initial on the left) or two code points after it (C2: an initial on the right).
_N7_CANDIDATE = re.compile(r"(?<=\.)[ \u00a0]|[ \u00a0](?=.\.)", re.DOTALL)


def _n7_initial_binding(cp, mode, openish):
    nbsp = _nbsp()
    if mode == "none":
        return []
    _at, _is_initial, is_upper, is_letter, DOT, SP, NBSP, NONE = (
        nbsp._at, nbsp._is_initial, nbsp.is_upper, nbsp.is_letter, nbsp.DOT, nbsp.SP,
        nbsp.NBSP, nbsp.NONE)
    edits = []
    for match in _N7_CANDIDATE.finditer(_text_of(cp)):
        q = match.start()
        # C1: initial on the left.
        if cp[q] in (SP, NBSP) and _at(cp, q - 1) == DOT:
            p = q - 2
            if _is_initial(cp, p, openish):
                right = _at(cp, q + 1)
                # C1-a guard: lower-case abbreviation tail.
                if right != NONE and is_upper(right) and not nbsp._c1a_blocks(cp, p):
                    between_initials = _is_initial(cp, q + 1, openish)
                    eligible = between_initials or (
                        mode == "single"
                        or (mode == "chain" and nbsp._chain_confirmed(cp, p, openish))
                    )
                    if eligible:
                        if cp[q] != NBSP:
                            edits.append(nbsp.Edit(q, q + 1, [NBSP], nbsp.RULE_ID))
                        continue
        # C2: two initials on the right.
        left = _at(cp, q - 1)
        c2 = (
            left != NONE
            and is_letter(left)
            and _is_initial(cp, q + 1, openish)
            and _at(cp, q + 3) in (SP, NBSP)
            and _is_initial(cp, q + 4, openish)
        )
        if c2 and cp[q] != NBSP:
            edits.append(nbsp.Edit(q, q + 1, [NBSP], nbsp.RULE_ID))
    return edits


def _n8_quotes_inner_space(cp, quotes_data, narrow_target):
    nbsp = _nbsp()
    _at, NOBREAK, BREAK, SP, NBSP, NONE = (
        nbsp._at, nbsp.NOBREAK, nbsp.BREAK, nbsp.SP, nbsp.NBSP, nbsp.NONE)
    edits = []
    for pair_key in ("primary", "secondary"):
        pair = quotes_data[pair_key]
        inner = pair["innerSpace"]
        if inner == "none":
            continue
        target = NBSP if inner == "nbsp" else narrow_target
        open_glyph = ord(pair["open"])
        close_glyph = ord(pair["close"])
        if open_glyph == close_glyph:
            continue

        for o in _positions(cp, open_glyph):
            nxt = _at(cp, o + 1)
            if nxt == target:
                continue
            elif nxt == SP or nxt in NOBREAK:
                edits.append(nbsp.Edit(o + 1, o + 2, [target], nbsp.RULE_ID))
            elif nxt == NONE or nxt in BREAK:
                continue
            else:
                edits.append(nbsp.Edit(o + 1, o + 1, [target], nbsp.RULE_ID))

        for c in _positions(cp, close_glyph):
            prev = _at(cp, c - 1)
            if prev == target:
                continue
            elif prev == SP or prev in NOBREAK:
                edits.append(nbsp.Edit(c - 1, c, [target], nbsp.RULE_ID))
            elif prev == NONE or prev in BREAK:
                continue
            else:
                edits.append(nbsp.Edit(c, c, [target], nbsp.RULE_ID))
    return edits


def _n9_before_number(cp, entries, openish):
    if not entries:
        return []
    finder = _alternation("exact", entries)
    if finder is None:
        return _original(_NBSP, "_n9_before_number")(cp, entries, openish)
    nbsp = _nbsp()
    _at, SPACELIKE, SENTENCE_DASH, DIGIT, SP, NBSP, NONE = (
        nbsp._at, nbsp.SPACELIKE, nbsp.SENTENCE_DASH, nbsp.DIGIT, nbsp.SP, nbsp.NBSP, nbsp.NONE)
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        left = _at(cp, a - 1)
        if not (left == NONE or left in SPACELIKE or left in openish or left in SENTENCE_DASH):
            continue
        sep = _at(cp, a + k)
        if sep not in (SP, NBSP):
            continue
        if _at(cp, a + k + 1) in SPACELIKE:
            continue
        if _at(cp, a + k + 1) not in DIGIT:
            continue
        if sep != NBSP:
            edits.append(nbsp.Edit(a + k, a + k + 1, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


def _n10_before_word(cp, entries, openish, initial_binding):
    if not entries:
        return []
    finder = _alternation("exact", entries)
    if finder is None:
        return _original(_NBSP, "_n10_before_word")(cp, entries, openish, initial_binding)
    nbsp = _nbsp()
    _at, SPACELIKE, SENTENCE_DASH, BREAK, DOT, SP, NBSP, NONE = (
        nbsp._at, nbsp.SPACELIKE, nbsp.SENTENCE_DASH, nbsp.BREAK, nbsp.DOT, nbsp.SP, nbsp.NBSP,
        nbsp.NONE)
    edits = []
    resume = 0
    for a, best in finder.find(cp):
        if a < resume:
            continue
        k = len(best)
        left = _at(cp, a - 1)
        if not (left == NONE or left in SPACELIKE or left in openish or left in SENTENCE_DASH):
            continue
        sep = _at(cp, a + k)
        if sep not in (SP, NBSP):
            continue
        if _at(cp, a + k + 1) in SPACELIKE:
            continue
        # G-D: initial-collision guard.
        if initial_binding != "none" and k == 2 and nbsp.is_upper(best[0]) and best[1] == DOT:
            continue
        following = _at(cp, a + k + 1)
        if following == NONE or not nbsp.is_letter(following):
            continue
        # G-B: line-boundary guard.
        if sep in BREAK:
            continue
        if sep != NBSP:
            edits.append(nbsp.Edit(a + k, a + k + 1, [NBSP], nbsp.RULE_ID))
        resume = a + k
    return edits


# --- bookkeeping: codepoints.py, spans.py, span_runner.py (polytypo 1.16.0) --------------------


def _positions(cp: list[int], value: int) -> list[int]:
    """Every index of ``value`` in ``cp``, ascending (``list.index``, in C)."""
    positions = []
    index = cp.index
    start = 0
    try:
        while True:
            start = index(value, start) + 1
            positions.append(start - 1)
    except ValueError:
        return positions


def _marker_positions(cp: list[int]) -> list[int]:
    from polytypo._engine.sentinels import LINE_MARKER, MARKER

    return sorted(_positions(cp, MARKER) + _positions(cp, LINE_MARKER))


def to_codepoints(s: str) -> list[int]:
    return list(map(ord, s))


def from_codepoints(cp: list[int]) -> str:
    return "".join(map(chr, cp))


def span_ranges_of(cp: list[int]) -> list:
    from polytypo._modes.spans import SpanRange

    ranges = []
    first = 0
    for i in _marker_positions(cp):
        ranges.append(SpanRange(first, i - 1))
        first = i + 1
    ranges.append(SpanRange(first, len(cp) - 1))
    return ranges


def split_on_marker(cp: list[int], expected: int) -> list[list[int]]:
    from polytypo._modes.spans import POLYTYPO_RULE_CONTRACT, PolytypoError

    pieces = []
    first = 0
    for i in _marker_positions(cp):
        pieces.append(cp[first:i])
        first = i + 1
    pieces.append(cp[first:])
    if len(pieces) != expected:
        raise PolytypoError(
            POLYTYPO_RULE_CONTRACT,
            f"boundary markers did not survive the pipeline: expected {expected} spans, "
            f"found {len(pieces)}",
        )
    return pieces


def run_rules_over_spans(cp, plan, locale_data, ctx):
    """span_runner.run_rules_over_spans, computing the span extents only for a rule that
    returned edits (``filter_boundary_edits`` of no edits is no edits, whatever the spans)."""
    from polytypo._engine import span_runner

    current = cp
    for rule_id in plan:
        rule_fn = span_runner.get_rule(rule_id)
        edits = rule_fn(current, locale_data, ctx)
        if not edits:
            continue
        filtered = span_runner.filter_boundary_edits(
            current, edits, span_runner.span_ranges_of(current))
        if filtered:
            current = span_runner.apply_edits(current, filtered, rule_id)
    return current


def _engine_replacements() -> dict[tuple[str, str], Any]:
    nbsp = _NBSP
    return {
        (nbsp, "_before_punctuation_common"): _before_punctuation_common,
        (nbsp, "_n3_after_short_words"): _n3_after_short_words,
        (nbsp, "_n4_abbreviations"): _n4_abbreviations,
        (nbsp, "_n5_before_units"): _n5_before_units,
        (nbsp, "_n6_after_symbols"): _n6_after_symbols,
        (nbsp, "_n7_initial_binding"): _n7_initial_binding,
        (nbsp, "_n8_quotes_inner_space"): _n8_quotes_inner_space,
        (nbsp, "_n9_before_number"): _n9_before_number,
        (nbsp, "_n10_before_word"): _n10_before_word,
        # codepoints.py's two functions, where polytypo's modules imported them.
        ("polytypo._engine.mode_pipelines", "to_codepoints"): to_codepoints,
        ("polytypo._engine.mode_pipelines", "from_codepoints"): from_codepoints,
        ("polytypo._engine.span_runner", "from_codepoints"): from_codepoints,
        ("polytypo._modes.spans", "to_codepoints"): to_codepoints,
        ("polytypo._engine.span_runner", "span_ranges_of"): span_ranges_of,
        ("polytypo._engine.span_runner", "split_on_marker"): split_on_marker,
        ("polytypo._engine.span_runner", "run_rules_over_spans"): run_rules_over_spans,
    }


# --- Markdown mode: _modes/markdown.py (polytypo 1.16.0) --------------------------------------

# bytes.translate table: 0 for a UTF-8 continuation byte, 1 for a byte that starts a character.
_STARTS_CHARACTER = bytes(0 if 0x80 <= b <= 0xBF else 1 for b in range(256))


class _ByteOffsets:
    """markdown.py _ByteOffsets: the same prefix table (the byte offset where each code point
    starts, then the total length), built from the UTF-8 encoding in C instead of encoding
    one character at a time."""

    def __init__(self, source: str) -> None:
        data = source.encode("utf-8")
        if len(data) == len(source):
            starts = list(range(len(data) + 1))
        else:
            starts = list(compress(range(len(data)), data.translate(_STARTS_CHARACTER)))
            starts.append(len(data))
        self._byte_starts = starts

    def char_of(self, byte_offset: int) -> int:
        return bisect_right(self._byte_starts, byte_offset) - 1


def _line_at(source: str, start: int) -> tuple[int, int]:
    """markdown.py _line_at: a line ends at U+000A, at U+000D not followed by U+000A, or at
    the end; found with str.find instead of a loop over the characters."""
    n = len(source)
    ends = [i for i in (source.find("\n", start), source.find("\r", start)) if i >= 0]
    if not ends or start >= n:
        return n, n
    i = min(ends)
    if source[i] == "\n":
        return i, i + 1
    return i, i + (2 if i + 1 < n and source[i + 1] == "\n" else 1)


def _markdown_replacements() -> dict[tuple[str, str], Any]:
    return {
        ("polytypo._modes.markdown", "_ByteOffsets"): _ByteOffsets,
        ("polytypo._modes.markdown", "_line_at"): _line_at,
    }
