"""Same-output replacements for polytypo's slowest internal functions, installed at run time.

Why. polytypo (pinned in constraints.txt and pyproject.toml) runs each of its nine rules as a
Python loop over a list of code points, and most of them do nothing at almost every position:
the no-break-space rule's pattern sub-rules try every pattern of the locale at every code point
(69.5 million slice comparisons for a build of 1,000 milestones), the span machinery rescans
the whole array after every rule, and each paragraph is parsed twice with tree-sitter (block
and inline grammars, about 0.4 µs a byte) to find spans that, for a plain paragraph, are the
whole text. Typography was 79 % of a build.

How. Nothing of polytypo is edited on disk, and its rule order, locale data and results stay
its own. Four kinds of replacement, each checked by tests/language/test_typography_differential.py
against polytypo's own functions:

* Candidate loops. Where polytypo's loop does nothing at most positions, its loop body is
  copied unchanged but run only at the positions where something can happen, found by a
  regular expression or ``str.find`` (for the pattern sub-rules, an alternation of the
  locale's patterns, longest first, as polytypo picks them). ``a += 1`` in polytypo's loop
  (try the next position) becomes ``continue``; ``a += k`` (skip past a match) becomes
  ``resume = a + k``. The condition that selects the positions is quoted next to each.
* Gates: a rule is skipped, returning no edits, when a search proves it would find none;
  otherwise polytypo's own rule runs (``ellipsis``, ``symbols``, ``quotes``).
* Bookkeeping at C speed: the code points are also kept as a str (markers as two
  noncharacters) for the searches, spliced after each edit instead of converted again; markers
  found with ``str.find``; span extents computed only when a rule returned edits; the Markdown
  byte-offset table built with ``bytes.translate``; the first-line scan with ``str.find``;
  edits validated without formatting an error message for each; pure per-locale setup
  (``prepare``, the no-break-space rule's character classes) computed once; the one-span
  case of ``run_over_units`` without the general splice.
* Three block shapes are not parsed: a plain paragraph (no character that can start a Markdown
  construct, no line that can open another block; deliberately stricter than CommonMark), an
  ATX heading of such text, and a "-" list of such items or of single masked links. Their
  spans are known from the text. This is the one shortcut that is not a copy of polytypo's
  code: the differential test checks it against tree-sitter's answer for thousands of random
  texts, and it is used only with the tree-sitter versions it was checked with
  (``PROVEN_PARSERS``).

What is replaced: module attributes, which polytypo looks up at call time (see
``_engine_replacements`` and ``_markdown_replacements``), and entries of its rule registry
(``_replace_rules``).

Proven against polytypo ``PROVEN_VERSION`` only. With any other installed version ``install``
changes nothing and polytypo's own code runs, slower but right. To move to a new polytypo: diff
the functions named in the tables below against the new release, update the copies, bump
``PROVEN_VERSION``, run the differential test (and the golden-file build test).

Imported by the typography module only when it calls polytypo, never by ``pressgen.language``
(whose import must stay cheap); the Markdown-mode part is installed on the first Markdown call,
so typesetting plain text does not import tree-sitter.
"""

from __future__ import annotations

import importlib
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from itertools import compress
from typing import Any

PROVEN_VERSION = "1.16.0"

_lock = threading.Lock()
_proven: bool | None = None
_installed: set[str] = set()  # "engine", "markdown"
# (module, attribute) -> polytypo's own object, for ``uninstall`` and the differential test;
# ("polytypo._engine.registry", "_RULES:<id>") for a registry entry.
ORIGINALS: dict[tuple[str, str], Any] = {}

# polytypo's modules, bound by ``install`` (importing this module imports nothing of polytypo).
nbsp: Any = None
ranges: Any = None
quotes: Any = None
qa: Any = None  # polytypo._engine.rules._quote_ambiguity
spaces: Any = None
dashes: Any = None
apostrophe: Any = None
spans: Any = None
span_runner: Any = None
MARKER: int = -1
LINE_MARKER: int = -2


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
            _bind()
            _swap(_engine_replacements())
            _replace_rules()
            _installed.add("engine")
        if group == "markdown" and "markdown" not in _installed:
            _swap(_markdown_replacements())
            _installed.add("markdown")
    return True


def uninstall() -> None:
    """Put every one of polytypo's own functions back (the differential test's reference);
    the next ``install`` checks the version again."""
    global _proven, _last_candidates
    with _lock:
        _proven = None
        _last_candidates = (None, None, [])
        _prepared.clear()
        _nbsp_setups.clear()
        _parsers_checked_again()
        for (module_name, name), original in ORIGINALS.items():
            target = importlib.import_module(module_name)
            if name.startswith("_RULES:"):
                target._RULES[name.removeprefix("_RULES:")] = original
            else:
                setattr(target, name, original)
        ORIGINALS.clear()
        _installed.clear()
        _views.clear()


def _bind() -> None:
    global nbsp, ranges, quotes, qa, spaces, dashes, apostrophe, spans, span_runner, MARKER, LINE_MARKER
    from polytypo._engine import sentinels
    from polytypo._engine import span_runner as runner
    from polytypo._engine.rules import _quote_ambiguity
    from polytypo._engine.rules import apostrophe as apostrophe_rule
    from polytypo._engine.rules import dashes as dashes_rule
    from polytypo._engine.rules import nbsp as nbsp_rule
    from polytypo._engine.rules import quotes as quotes_rule
    from polytypo._engine.rules import ranges as ranges_rule
    from polytypo._engine.rules import spaces as spaces_rule
    from polytypo._modes import spans as spans_module

    nbsp, ranges, quotes, qa, spaces = nbsp_rule, ranges_rule, quotes_rule, _quote_ambiguity, spaces_rule
    dashes, apostrophe, spans, span_runner = dashes_rule, apostrophe_rule, spans_module, runner
    MARKER, LINE_MARKER = sentinels.MARKER, sentinels.LINE_MARKER


def _swap(functions: dict[tuple[str, str], Any]) -> None:
    for (module_name, name), function in functions.items():
        module = importlib.import_module(module_name)
        ORIGINALS.setdefault((module_name, name), getattr(module, name))
        setattr(module, name, function)


def _original(module_name: str, name: str) -> Any:
    return ORIGINALS.get((module_name, name)) or getattr(importlib.import_module(module_name), name)


# --- the code points as a str, for the searches -----------------------------------------------
#
# A view is (code-point list, the same as a str, exact). In the str a span marker is one of two
# noncharacters, which no pattern, character class or gate below matches (a pattern holding one
# is refused). ``exact`` says the str holds no such noncharacter of its own, so the markers can
# be found in it. polytypo never mutates a code-point list (apply_edits builds a new one) and
# hands the same list to every rule until one edits it; the views of the last few lists are kept.

MARKER_CHAR, LINE_MARKER_CHAR = "\uffff", "\ufffe"
_NONCHARACTERS = frozenset({0xFFFF, 0xFFFE})
_views: dict[int, tuple[list[int], str, bool]] = {}  # id(list) -> view, the last few


def _remember(cp: list[int], text: str, exact: bool) -> str:
    if len(_views) >= 8:
        try:
            del _views[next(iter(_views))]
        except (KeyError, RuntimeError, StopIteration):  # another thread got there first
            pass
    _views[id(cp)] = (cp, text, exact)
    return text


def _view(cp: list[int]) -> tuple[list[int], str, bool] | None:
    view = _views.get(id(cp))
    if view is not None and view[0] is cp and len(view[1]) == len(cp):
        return view
    return None


def _text_of(cp: list[int]) -> str:
    """``cp`` as a str of the same length, markers as MARKER_CHAR and LINE_MARKER_CHAR."""
    view = _views.get(id(cp))
    if view is not None and view[0] is cp and len(view[1]) == len(cp):
        return view[1]
    pieces = []
    start = 0
    for i in _marker_positions(cp):
        pieces.append("".join(map(chr, cp[start:i])))
        pieces.append(MARKER_CHAR if cp[i] == MARKER else LINE_MARKER_CHAR)
        start = i + 1
    pieces.append("".join(map(chr, cp[start:])))
    return _remember(cp, "".join(pieces), False)


def _remember_edits(old: list[int], edits: list, new: list[int]) -> None:
    """The view of ``new`` = apply_edits(old, edits), spliced from the view of ``old`` when
    there is one (replacements are valid code points, apply_edits checked)."""
    view = _view(old)
    if view is None:
        return
    _, text, exact = view
    pieces = []
    cursor = 0
    for edit in edits:
        pieces.append(text[cursor:edit.start])
        pieces.append("".join(map(chr, edit.replacement)))
        exact = exact and _NONCHARACTERS.isdisjoint(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    _remember(new, "".join(pieces), exact)


def _positions(cp: list[int], value: int) -> list[int]:
    """Every index of ``value`` in ``cp``, ascending: ``str.find`` in the view when there is
    one (exact for any value that is not a marker's noncharacter), else ``list.index``."""
    view = _view(cp)
    positions = []
    if view is not None and value >= 0 and value not in _NONCHARACTERS:
        find, char = view[1].find, chr(value)
    else:
        find, char = cp.index, value
    start = 0
    try:
        while True:
            start = find(char, start) + 1
            if start == 0:  # str.find found nothing
                return positions
            positions.append(start - 1)
    except ValueError:  # list.index found nothing
        return positions


def _marker_positions(cp: list[int]) -> list[int]:
    view = _view(cp)
    if view is not None and view[2]:
        text = view[1]
        found = []
        for char in (MARKER_CHAR, LINE_MARKER_CHAR):
            start = text.find(char)
            while start >= 0:
                found.append(start)
                start = text.find(char, start + 1)
        return sorted(found)
    positions = []
    for marker in (MARKER, LINE_MARKER):
        start = 0
        try:
            while True:
                start = cp.index(marker, start) + 1
                positions.append(start - 1)
        except ValueError:
            pass
    return sorted(positions)


def _char_class(code_points) -> str:
    return "[" + "".join(re.escape(chr(c)) for c in sorted(code_points) if c >= 0) + "]"


# --- the longest pattern at each position, as nbsp.py's "best" loops find it -------------------


class _Alternation:
    """Every position where one of ``strings`` starts, with the longest one, as polytypo's
    ``best`` loop finds it: an alternation, longest first, searched again from the next
    position after each match (so overlapping starts are all found). Among patterns of the same
    length the first in list order wins, as with polytypo's strict ``len(pat) > len(best)``;
    every piece matches a fixed number of code points, so the first alternative that matches
    is the longest. With ``lead``, only positions right after a match of ``lead`` (which
    cannot overlap itself) are tried: what polytypo requires before the pattern."""

    def __init__(self, strings: list[str], kind: str, lead: str | None) -> None:
        order = sorted(range(len(strings)), key=lambda i: -len(strings[i]))
        self.patterns = [[ord(c) for c in strings[i]] for i in order]
        pieces = [_PIECES[kind](strings[i]) for i in order]
        # Searched without groups (with them, re cannot skip ahead to a possible first
        # character: 17 µs instead of 0.2 µs on a paragraph), then matched with them where
        # found, to know which pattern won.
        self.search = re.compile("(?:" + "|".join(pieces) + ")").search
        self.regex = re.compile("(?:" + "|".join(f"({p})" for p in pieces) + ")")
        self.lead = re.compile(lead) if lead else None

    def find(self, cp: list[int]) -> Iterator[tuple[int, list[int]]]:
        text = _text_of(cp)
        patterns = self.patterns
        if self.lead is not None:
            match_at = self.regex.match
            for lead in self.lead.finditer(text):
                match = match_at(text, lead.end())
                if match is not None:
                    yield match.start(), patterns[match.lastindex - 1]
            return
        search, match_at = self.search, self.regex.match
        found = search(text)
        while found is not None:
            start = found.start()
            yield start, patterns[match_at(text, start).lastindex - 1]
            found = search(text, start + 1)


_alternations: dict[tuple[str, tuple[str, ...], str | None], _Alternation | None] = {}


def _alternation(kind: str, strings: list[str], lead: str | None = None) -> _Alternation | None:
    """None where the fast path cannot be proven equal: an empty pattern (polytypo's loop
    would match it everywhere and never step past it) or one holding a marker's noncharacter."""
    key = (kind, tuple(strings), lead)
    if key not in _alternations:
        if any(not s or MARKER_CHAR in s or LINE_MARKER_CHAR in s for s in strings):
            _alternations[key] = None
        else:
            _alternations[key] = _Alternation(list(strings), kind, lead)
    return _alternations[key]


def _upper(c: str) -> str:
    from polytypo._engine.unicode import simple_uppercase

    return chr(simple_uppercase(ord(c)))


def _first_char_lenient(s: str) -> str:
    """nbsp.py _matches_first_char_lenient: the first code point also matches its simple
    uppercase."""
    upper = _upper(s[0])
    head = re.escape(s[0]) if upper == s[0] else f"[{re.escape(s[0])}{re.escape(upper)}]"
    return head + re.escape(s[1:])


def _space_lenient(s: str) -> str:
    """nbsp.py _matches_space_lenient: a space in the pattern matches U+0020 or a NOBREAK."""
    return "".join("[ \u00a0\u202f]" if c == " " else re.escape(c) for c in s)


_PIECES = {"exact": re.escape, "first": _first_char_lenient, "space": _space_lenient}


# --- polytypo's rule registry: gates and candidate loops ---------------------------------------


def _replace_rules() -> None:
    """Put the gated and the fast rules in polytypo's registry, read at every call."""
    from polytypo._engine import registry

    global _QUOTE_CANDIDATE, _NARROW, _MEDIAL_N, _AT_MARKER, _DASH
    # A QUOTEMARK, except a NARROW one between two characters that are surely ALNUM for
    # polytypo (ASCII letters and digits, Latin-1 letters): those are never candidates, and
    # French and English prose is full of them (d’abonnés, City's). Others are checked by the
    # copied code.
    safe = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
    wide = _char_class(quotes.WIDE)
    _QUOTE_CANDIDATE = re.compile(
        f"{_char_class(quotes.QUOTEMARK)}(?:(?<={wide})|(?<![{safe}].)|(?![{safe}]))", re.DOTALL)
    _NARROW = re.compile(_char_class(qa.NARROW))
    qa_narrow = _char_class(qa.NARROW)
    _MEDIAL_N = re.compile(f"{qa_narrow}(?=[nN]{qa_narrow})")  # the medial-n veto's shape
    # NARROW next to a marker (the span-boundary veto reads only those)
    _AT_MARKER = re.compile(f"{qa_narrow}(?:(?<={MARKER_CHAR}.)|(?={MARKER_CHAR}))", re.DOTALL)
    _DASH = re.compile(_char_class(ranges.shared.DASH))
    rules = {
        "ellipsis": _gated(registry._RULES["ellipsis"], _ellipsis_may_edit),
        "symbols": _gated(registry._RULES["symbols"], _symbols_may_edit),
        "quotes": _gated(registry._RULES["quotes"], _quotes_may_edit),
        "spaces": _spaces_scan,
        "dashes": _dashes_scan,
        "ranges": _ranges_scan,
        "apostrophe": _apostrophe_scan,
        "nbsp": _nbsp_scan,
    }
    for rule_id, rule in rules.items():
        ORIGINALS.setdefault(("polytypo._engine.registry", f"_RULES:{rule_id}"),
                             registry._RULES[rule_id])
        registry._RULES[rule_id] = rule


def _gated(rule: Callable[..., list], may_edit: Callable[[list[int], str], bool]):
    def gated(cp: list[int], locale_data: dict[str, Any], ctx: Any) -> list:
        if not may_edit(cp, _text_of(cp)):
            return []
        return rule(cp, locale_data, ctx)

    gated.__wrapped__ = rule  # type: ignore[attr-defined]
    return gated


def _ellipsis_may_edit(cp: list[int], text: str) -> bool:
    """ellipsis.py: a DOTLIKE run of one full stop is left alone; anything else it may edit is
    a run of two or more dots or one holding U+2026."""
    return ".." in text or "\u2026" in text


# symbols.py: the trademark rows "(tm)" "(c)" "(r)" in their listed cases, "+/-", and the first
# link of a multiplication chain: a digit, an optional space, x X х Х, an optional space, a
# digit (searched from the letter, which is rarer than digits).
_TRADEMARK = re.compile(r"\((?:[tT][mM]|[cCrR])\)")
_MULTIPLICATION = re.compile(
    "[xX\u0445\u0425](?<=[0-9][xX\u0445\u0425])[ \u00a0\u202f]?[0-9]"
    "|[xX\u0445\u0425](?<=[0-9][ \u00a0\u202f][xX\u0445\u0425])[ \u00a0\u202f]?[0-9]")


def _symbols_may_edit(cp: list[int], text: str) -> bool:
    return ("(" in text and _TRADEMARK.search(text) is not None) or "+/-" in text or (
        _MULTIPLICATION.search(text) is not None)


_QUOTE_CANDIDATE: re.Pattern[str]
_NARROW: re.Pattern[str]
_MEDIAL_N: re.Pattern[str]
_AT_MARKER: re.Pattern[str]


def _quotes_may_edit(cp: list[int], text: str) -> bool:
    """quotes.py: an edit needs a pair, a pair needs two candidates, and ``_compute_candidates``
    drops every mark that is NARROW with ALNUM on both sides (``d’abonnés``, ``City's``)
    whatever else holds. So: is there a QUOTEMARK that is not such a mark?"""
    is_alnum, narrow = quotes._is_alnum, quotes.NARROW
    n = len(cp)
    for match in _QUOTE_CANDIDATE.finditer(text):
        i = match.start()
        if not (cp[i] in narrow and 0 < i < n - 1
                and is_alnum(cp[i - 1]) and is_alnum(cp[i + 1])):
            return True
    return False


# spaces.py: a run of k U+0020 changes only when its replacement length (0 or 1) is not k: two
# or more, or one after an opening bracket or before a closing bracket or one of , . ; : ! ?
# (a longer run is matched whole from its first space).
_SPACE_RUN = re.compile(r" (?: +|(?<=[(\[{] )|(?=[)\]},.;:!?]))")


def _spaces_scan(cp, locale_data, ctx):
    """spaces.py scan (polytypo 1.16.0), at the runs that can change."""
    _at, NONE, BREAK, is_marker = spaces._at, spaces.NONE, spaces.BREAK, spaces.is_marker
    OPEN_BRACKET, CLOSE_BRACKET, STRIP_BEFORE, EMOTICON_EYE, SPACE = (
        spaces.OPEN_BRACKET, spaces.CLOSE_BRACKET, spaces.STRIP_BEFORE, spaces.EMOTICON_EYE,
        spaces.SPACE)
    edits = []
    for match in _SPACE_RUN.finditer(_text_of(cp)):
        s, e = match.span()
        k = e - s

        left = _at(cp, s - 1)
        right = _at(cp, e)

        # Boundary guard (3.2 step 4).
        left_is_none = left == NONE or is_marker(left) or left in BREAK
        right_is_none = right == NONE or is_marker(right) or right in BREAK
        if left_is_none or right_is_none:
            continue

        # 3.2 step 5: decide the replacement length in one step.
        empty_bracket_guard = left in OPEN_BRACKET and spaces._BRACKET_PAIR[left] == right
        if empty_bracket_guard:
            replacement_len = 1
        elif (
            (left in OPEN_BRACKET and not spaces._emoticon_mouth_side_fires(cp, s))
            or right in CLOSE_BRACKET
            or (
                right in STRIP_BEFORE
                and spaces._lone_dot_condition_holds(cp, e, right)
                and not (right in EMOTICON_EYE and spaces._emoticon_eye_side_fires(cp, e))
            )
        ):
            replacement_len = 0
        else:
            replacement_len = 1

        if replacement_len != k:
            replacement = [SPACE] if replacement_len == 1 else []
            edits.append(spaces.Edit(s, e, replacement, spaces.RULE_ID))
    return edits


# dashes.py: its scan visits the start of every maximal run of DASH code points, and every edit
# comes from _try_parenthetical, whose P1 declines a run of one hyphen-shaped stroke (-, U+2010,
# U+2212) with no U+0020 before it: the compound-word hyphen, by far the most common.
_DASH_RUN = re.compile("[-\u2010\u2013\u2014\u2212]+")
_HYPHEN_SHAPED = "-\u2010\u2212"


def _dashes_scan(cp, locale_data, ctx):
    """dashes.py scan (polytypo 1.16.0), at the runs that can change."""
    shared = dashes.shared
    form = locale_data["dash"]["parenthetical"]
    edits = []
    text = _text_of(cp)
    for match in _DASH_RUN.finditer(text):
        s, e = match.span()
        if e - s == 1 and text[s] in _HYPHEN_SHAPED and (s == 0 or text[s - 1] != " "):
            continue  # P1
        token, _next = shared.find_token(cp, s)
        if token is None:
            continue
        if shared.range_flanks(cp, token.left_idx, token.right_idx) is not None:
            continue
        edit = dashes._try_parenthetical(cp, token, form)
        if edit is not None:
            edits.append(edit)
    return edits


_DASH: re.Pattern[str]  # one code point of _dash_shared.DASH, made by _replace_rules


def _ranges_scan(cp, locale_data, ctx):
    """ranges.py scan (polytypo 1.16.0), at its dashes: polytypo's loop skips every code
    point not in ``shared.DASH`` (``i += 1``) and resumes after each token."""
    shared = ranges.shared
    form = locale_data["dash"]["range"]
    edits = []
    resume = 0
    for match in _DASH.finditer(_text_of(cp)):
        if match.start() < resume:
            continue
        token, resume = shared.find_token(cp, match.start())
        if token is None:
            continue
        flanks = shared.range_flanks(cp, token.left_idx, token.right_idx)
        if flanks is None:
            continue
        edit = ranges._try_range(cp, token, flanks, form)
        if edit is not None:
            edits.append(edit)
    return edits


def _apostrophe_scan(cp, locale_data, ctx):
    """apostrophe.py scan (polytypo 1.16.0): polytypo's loop skips every code point but
    U+0027."""
    a = apostrophe
    _at, _is_alnum, is_letter, NONE, DIGIT = a._at, a._is_alnum, a.is_letter, a.NONE, a.DIGIT
    SPACELIKE, OPENISH, CLOSEISH, OPENQUOTE, CLOSEDELIM = (
        a.SPACELIKE, a.OPENISH, a.CLOSEISH, a.OPENQUOTE, a.CLOSEDELIM)
    Edit, RULE_ID = a.Edit, a.RULE_ID
    edits = []
    for i in _positions(cp, a.SQ):
        left = _at(cp, i - 1)
        right = _at(cp, i + 1)

        if left in DIGIT and (right == NONE or not is_letter(right)):
            continue  # case 1: prime guard
        if _is_alnum(left) and _is_alnum(right):
            edits.append(Edit(i, i + 1, [0x2019], RULE_ID))  # case 2: medial
            continue
        if left in CLOSEDELIM and _is_alnum(right):
            edits.append(Edit(i, i + 1, [0x2019], RULE_ID))  # case 2a
            continue
        if (
            left != NONE
            and is_letter(left)
            and (right == NONE or right in SPACELIKE or right in CLOSEISH)
        ):
            edits.append(Edit(i, i + 1, [0x2019], RULE_ID))  # case 3: trailing
            continue
        if left != NONE and is_letter(left) and right in OPENQUOTE:
            edits.append(Edit(i, i + 1, [0x2019], RULE_ID))  # case 3a: before a quotation
            continue
        if (left == NONE or left in SPACELIKE or left in OPENISH) and _is_alnum(right):
            edits.append(Edit(i, i + 1, [0x2019], RULE_ID))  # case 4: leading
            continue
        # case 5: otherwise, leave alone
    return edits


# --- nbsp.py (polytypo 1.16.0) sub-rules, candidate loops --------------------------------------

_nbsp_setups: dict[int, tuple] = {}


def _any_pattern(nbsp_data: dict[str, Any]) -> Callable[[str], Any] | None:
    """One search for every pattern of N3, N4, N6, N9 and N10, as each matches it; None
    (search everything) when a pattern cannot be searched for (see _alternation)."""
    lists = [("first", nbsp_data["afterShortWords"]), ("space", nbsp_data["abbreviations"]),
             ("exact", nbsp_data["afterSymbols"]), ("exact", nbsp_data["beforeNumber"]),
             ("exact", nbsp_data["beforeWord"])]
    pieces = []
    for kind, strings in lists:
        if any(not s or MARKER_CHAR in s or LINE_MARKER_CHAR in s for s in strings):
            return None
        pieces += [_PIECES[kind](s) for s in strings]
    if not pieces:
        return lambda text: None
    return re.compile("|".join(pieces)).search


def _nbsp_scan(cp, locale_data, ctx):
    """nbsp.py scan: the same ten sub-rules and first-claim merge; the punctuation sets and
    the OPENISH/CLOSEISH classes, a function of the locale data only, are built once per
    locale (polytypo caches the locale data, so its identity stands for it)."""
    setup = _nbsp_setups.get(id(locale_data))
    if setup is None or setup[0] is not locale_data:
        nbsp_data = locale_data["nbsp"]
        before_punct = {ord(c) for c in nbsp_data["beforePunctuation"]}
        narrow_before_punct = {ord(c) for c in nbsp_data["narrowBeforePunctuation"]}
        if before_punct & narrow_before_punct:
            return nbsp.scan(cp, locale_data, ctx)  # polytypo raises its own error
        setup = (locale_data, nbsp_data, before_punct, narrow_before_punct,
                 *nbsp._openish_closeish(locale_data), _any_pattern(nbsp_data))
        _nbsp_setups[id(locale_data)] = setup
    _, nbsp_data, before_punct, narrow_before_punct, openish, closeish, any_pattern = setup
    # N3, N4, N6, N9 and N10 act only where one of their patterns starts: one search for all
    # of them first, the sub-rules only if it finds one (their own results otherwise: none).
    patterned = any_pattern is None or any_pattern(_text_of(cp)) is not None
    none: list = []

    sub_rule_edits = [
        nbsp._n1_before_punctuation(cp, before_punct, narrow_before_punct, openish, closeish),
        nbsp._n2_narrow_before_punctuation(
            cp, before_punct, narrow_before_punct, openish, closeish, ctx["narrow_target"]
        ),
        nbsp._n3_after_short_words(cp, nbsp_data["afterShortWords"], openish)
        if patterned else none,
        nbsp._n4_abbreviations(cp, nbsp_data["abbreviations"]) if patterned else none,
        nbsp._n5_before_units(cp, nbsp_data["beforeUnits"]),
        nbsp._n6_after_symbols(cp, nbsp_data["afterSymbols"]) if patterned else none,
        nbsp._n7_initial_binding(cp, nbsp_data["initialBinding"], openish),
        nbsp._n8_quotes_inner_space(cp, locale_data["quotes"], ctx["narrow_target"]),
        nbsp._n9_before_number(cp, nbsp_data["beforeNumber"], openish) if patterned else none,
        nbsp._n10_before_word(cp, nbsp_data["beforeWord"], openish, nbsp_data["initialBinding"])
        if patterned else none,
    ]

    claimed: set[int] = set()
    result = []
    for edits in sub_rule_edits:
        for edit in edits:
            if edit.start in claimed:
                continue
            claimed.add(edit.start)
            result.append(edit)
    result.sort(key=lambda e: e.start)
    return result



_NBSP = "polytypo._engine.rules.nbsp"
_class_regexes: dict[frozenset[int], re.Pattern[str]] = {}


def _class_regex(code_points: frozenset[int]) -> re.Pattern[str]:
    if code_points not in _class_regexes:
        _class_regexes[code_points] = re.compile(_char_class(code_points))
    return _class_regexes[code_points]


def _before_punctuation_common(cp, target_set, other_set, openish, closeish, already_correct,
                               convert_from, insert_target):
    """N1/N2 (nbsp.md 3.3, 3.4): polytypo's loop skips every position not in ``target_set``."""
    _at, SPACELIKE, OTHER_SPACE, BREAK, NONE, SP = (
        nbsp._at, nbsp.SPACELIKE, nbsp.OTHER_SPACE, nbsp.BREAK, nbsp.NONE, nbsp.SP)
    edits = []
    if not target_set:
        return edits
    if not _NONCHARACTERS.isdisjoint(target_set):  # a marker's stand-in: not provable here
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


def _n3_after_short_words(cp, words, openish):
    if not words:
        return []  # no pattern: polytypo's loop finds no "best" anywhere
    finder = _alternation("first", words)
    if finder is None:
        return _original(_NBSP, "_n3_after_short_words")(cp, words, openish)
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
    # Units are tried only where polytypo can accept one: after an ASCII digit and a space
    # (U+0020 or U+00A0).
    finder = _alternation("exact", units, lead="[0-9][ \u00a0]")
    if finder is None:
        return _original(_NBSP, "_n5_before_units")(cp, units)
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
# initial on the left) or two code points after it (C2: an initial on the right); both are
# searched from the full stop, rarer than spaces.
_N7_C1 = re.compile(r"\.(?=[ \u00a0])")
_N7_C2 = re.compile(r"\.(?<=[ \u00a0].\.)", re.DOTALL)


def _n7_candidates(cp: list[int]) -> list[int]:
    text = _text_of(cp)
    found = {m.start() + 1 for m in _N7_C1.finditer(text)}
    found.update(m.start() - 2 for m in _N7_C2.finditer(text))
    return sorted(found)


def _n7_initial_binding(cp, mode, openish):
    if mode == "none":
        return []
    _at, _is_initial, is_upper, is_letter, DOT, SP, NBSP, NONE = (
        nbsp._at, nbsp._is_initial, nbsp.is_upper, nbsp.is_letter, nbsp.DOT, nbsp.SP,
        nbsp.NBSP, nbsp.NONE)
    edits = []
    for q in _n7_candidates(cp):
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


# --- quotes.py and _quote_ambiguity.py (polytypo 1.16.0), candidate loops -------------------


def _v1id(v: int) -> int:
    return 0x2019 if v == 0x27 else v


_last_candidates: tuple[Any, Any, list] = (None, None, [])


def _compute_candidates(cp, locale_data):
    """quotes.py _compute_candidates: polytypo's loop skips every code point not in
    QUOTEMARK. A pure function of its arguments, called again by _certify on the rendered
    array, which is ``cp`` itself when rendering changes nothing (see _render): the last
    result is remembered (the list is only read by _pair_candidates)."""
    global _last_candidates
    last = _last_candidates
    if last[0] is cp and last[1] is locale_data:
        return last[2]
    candidates = _candidates(cp, locale_data)
    _last_candidates = (cp, locale_data, candidates)
    return candidates


def _candidates(cp, locale_data):
    _at, _skip_left, _skip_right, NONE, MARKER = (
        quotes._at, quotes._skip_left, quotes._skip_right, quotes.NONE, quotes.MARKER)
    SPACELIKE, OPENISH, CLOSEISH, DASHISH, QUOTEMARK, NARROW, WIDE, INLINE_SPACE = (
        quotes.SPACELIKE, quotes.OPENISH, quotes.CLOSEISH, quotes.DASHISH, quotes.QUOTEMARK,
        quotes.NARROW, quotes.WIDE, quotes.INLINE_SPACE)
    _is_alnum = quotes._is_alnum
    space_right, space_left = quotes._locale_skip_sets(locale_data)
    veto_indices = quotes._quote_ambiguity.compute_ambiguous_indices(cp, locale_data)

    candidates = []
    for match in _QUOTE_CANDIDATE.finditer(_text_of(cp)):
        i = match.start()
        g = cp[i]
        llit = _at(cp, i - 1)
        rlit = _at(cp, i + 1)
        # Two vetoes below make a mark no candidate whatever else holds (nothing after them
        # sets can_open or can_close back to True): test them first.
        if (g in NARROW and _is_alnum(llit) and _is_alnum(rlit)) or i in veto_indices:
            continue
        lskip = _skip_left(cp, i)
        rskip = _skip_right(cp, i)

        open_left = lskip if g in space_left else llit
        close_right = rskip if g in space_right else rlit

        open_left_ok = (
            open_left == NONE
            or open_left in SPACELIKE
            or open_left in OPENISH
            or open_left in DASHISH
        )
        can_open = open_left_ok and (
            rskip != NONE
            and rskip not in SPACELIKE
            and (rskip not in CLOSEISH or rskip in QUOTEMARK or rskip == MARKER)
        )
        can_close = (lskip != NONE and lskip not in SPACELIKE) and (
            close_right == NONE
            or close_right in SPACELIKE
            or close_right in CLOSEISH
            or close_right in DASHISH
        )

        if g in NARROW and _is_alnum(llit) and _is_alnum(rlit):
            can_open = False
            can_close = False

        if i in veto_indices:
            can_open = False
            can_close = False

        # V1: same-V1-identity adjacency veto.
        gap_insertable = g in space_right or g in space_left
        left_vetoed = _v1id(llit) == _v1id(g) or (
            llit in INLINE_SPACE and _v1id(lskip) == _v1id(g) and gap_insertable
        )
        right_vetoed = _v1id(rlit) == _v1id(g) or (
            rlit in INLINE_SPACE and _v1id(rskip) == _v1id(g) and gap_insertable
        )
        if left_vetoed or right_vetoed:
            can_open = False
            can_close = False

        if can_open or can_close:
            width = "WIDE" if g in WIDE else "NARROW"
            candidates.append(quotes.Candidate(i, width, can_open, can_close))
    return candidates



def _narrow_positions(cp: list[int]) -> list[int]:
    return [match.start() for match in _NARROW.finditer(_text_of(cp))]


def compute_ambiguous_indices(cp, locale_data):
    """_quote_ambiguity.py compute_ambiguous_indices: polytypo's loops skip every code point
    not in NARROW; the medial-n one then every mark not followed by n or N and a NARROW mark."""
    _at, INLINE_SPACE, NARROW, LOWER_N, UPPER_N = (
        qa._at, qa.INLINE_SPACE, qa.NARROW, qa.LOWER_N, qa.UPPER_N)
    n = len(cp)
    idiom_indices: set[int] = set()
    idioms = locale_data.get("quotes", {}).get("elisionIdioms", [])

    for i in _narrow_positions(cp) if idioms else ():
        for idiom in idioms:
            left, elided, right = idiom["left"], idiom["elided"], idiom["right"]
            k = len(elided)
            span_start = i + 1
            span_end = span_start + k
            if span_end >= n:
                continue
            span = cp[span_start:span_end]
            if any(c < 0 for c in span) or [chr(c) for c in span] != list(elided):
                continue
            j = span_end
            if cp[j] not in NARROW:
                continue
            if _at(cp, i - 1) not in INLINE_SPACE:
                continue
            left_word = qa._word_ending_at(cp, i - 2)
            if left_word is None or not qa._word_matches(cp, left_word[0], left_word[1], left):
                continue
            if j + 1 >= n or cp[j + 1] not in INLINE_SPACE:
                continue
            right_word = qa._word_starting_at(cp, j + 2)
            if right_word is None or not qa._word_matches(cp, right_word[0], right_word[1], right):
                continue
            idiom_indices.add(i)
            idiom_indices.add(j)

    medial_n_indices: set[int] = set()
    for i in (match.start() for match in _MEDIAL_N.finditer(_text_of(cp))):
        if _at(cp, i + 1) not in (LOWER_N, UPPER_N):
            continue
        j = i + 2
        if _at(cp, j) not in NARROW:
            continue
        if _at(cp, i - 1) not in INLINE_SPACE:
            continue
        if _at(cp, j + 1) not in INLINE_SPACE:
            continue
        medial_n_indices.add(i)
        medial_n_indices.add(j)

    return idiom_indices | medial_n_indices | qa._compute_span_boundary_indices(cp, locale_data)


def _compute_span_boundary_indices(cp, locale_data):
    """_quote_ambiguity.py _compute_span_boundary_indices: the loop skips every code point not
    in NARROW, then every mark with no MARKER on either side."""
    clitics = locale_data.get("quotes", {}).get("elisionClitics", {})
    before = clitics.get("before", [])
    after = clitics.get("after", [])
    if not before and not after:
        return set()

    vetoed: set[int] = set()
    for i in (match.start() for match in _AT_MARKER.finditer(_text_of(cp))):
        for neighbour, direction, entries in ((i - 1, 1, after), (i + 1, -1, before)):
            if not entries or qa._at(cp, neighbour) != qa.MARKER:
                continue
            run = qa._span_boundary_run(cp, i, direction)
            if run is None:
                continue
            if any(qa._run_matches_entry(cp, run[0], run[1], entry) for entry in entries):
                vetoed.add(i)
                break
    return vetoed


class _IndexMap(Mapping):
    """The ``index_map`` of quotes.py _render: original index -> index in the rendered array,
    for every index that was not deleted, computed on demand instead of stored for all."""

    def __init__(self, deleted: list[int], length: int) -> None:
        self._deleted = deleted
        self._deleted_set = set(deleted)
        self._length = length

    def __getitem__(self, i: int) -> int:
        if not (isinstance(i, int) and 0 <= i < self._length) or i in self._deleted_set:
            raise KeyError(i)
        return i - bisect_left(self._deleted, i)

    def __iter__(self):
        return (i for i in range(self._length) if i not in self._deleted_set)

    def __len__(self) -> int:
        return self._length - len(self._deleted)


def _render(cp, pairs, locale_data):
    """quotes.py _render: the same pair glyphs and deletions, applied to a copy of the array
    instead of rebuilding it one code point at a time; ``cp`` itself when they change nothing
    (_certify only reads the array and the index map)."""
    _at, INLINE_SPACE = quotes._at, quotes.INLINE_SPACE
    depths = quotes._assign_depths(pairs)
    glyph_at: dict[int, int] = {}
    delete_spans: list[tuple[int, int]] = []

    for p in pairs:
        open_idx, close_idx = p
        spec = quotes._pair_for_depth(depths[p], locale_data)
        glyph_at[open_idx] = ord(spec["open"])
        glyph_at[close_idx] = ord(spec["close"])
        if spec["innerSpace"] == "none":
            n = len(cp)
            run_start = open_idx + 1
            run_end = run_start
            while run_end < n and cp[run_end] in INLINE_SPACE:
                run_end += 1
            open_run = (run_start, run_end) if run_end > run_start else None
            open_landing = _at(cp, run_end)

            run_end2 = close_idx
            run_start2 = run_end2
            while run_start2 > 0 and cp[run_start2 - 1] in INLINE_SPACE:
                run_start2 -= 1
            close_run = (run_start2, run_end2) if run_end2 > run_start2 else None
            close_landing = _at(cp, run_start2 - 1)

            if open_run is not None and close_run is not None and open_run == close_run:
                open_run = None
                close_run = None
            if open_run is not None and quotes._is_delete_landing(open_landing):
                delete_spans.append(open_run)
            if close_run is not None and quotes._is_delete_landing(close_landing):
                delete_spans.append(close_run)

    delete_set: set[int] = set()
    for s, e in delete_spans:
        delete_set.update(range(s, e))

    deleted = sorted(delete_set)
    if not deleted and all(cp[i] == glyph for i, glyph in glyph_at.items()):
        return cp, _IndexMap(deleted, len(cp))  # the same array, unchanged (never mutated)
    out = list(cp)
    for i, glyph in glyph_at.items():
        out[i] = glyph
    for i in reversed(deleted):
        del out[i]
    view = _view(cp)
    if view is not None:  # the same changes to the str, for _compute_candidates(rendered)
        chars = list(view[1])
        for i, glyph in glyph_at.items():
            chars[i] = chr(glyph)
        for i in reversed(deleted):
            del chars[i]
        _remember(out, "".join(chars), view[2] and _NONCHARACTERS.isdisjoint(glyph_at.values()))
    return out, _IndexMap(deleted, len(cp))


# --- bookkeeping: codepoints.py, spans.py, span_runner.py (polytypo 1.16.0) --------------------


def to_codepoints(s: str) -> list[int]:
    return list(map(ord, s))


def from_codepoints(cp: list[int]) -> str:
    return "".join(map(chr, cp))


def concatenate_spans(source: str, normalized: list) -> list[int]:
    """spans.py concatenate_spans (S1 marker S2 ... Sm), remembering the same as a str."""
    cp: list[int] = []
    pieces: list[str] = []
    exact = True
    previous = None
    for span in normalized:
        if previous is not None:
            is_line = spans._gap_is_line_boundary(source, previous.end, span.start)
            cp.append(LINE_MARKER if is_line else MARKER)
            pieces.append(LINE_MARKER_CHAR if is_line else MARKER_CHAR)
        piece = source[span.start : span.end]
        cp.extend(map(ord, piece))
        pieces.append(piece)
        exact = exact and MARKER_CHAR not in piece and LINE_MARKER_CHAR not in piece
        previous = span
    _remember(cp, "".join(pieces), exact)
    return cp


def span_ranges_of(cp: list[int]) -> list:
    SpanRange = spans.SpanRange
    ranges = []
    first = 0
    for i in _marker_positions(cp):
        ranges.append(SpanRange(first, i - 1))
        first = i + 1
    ranges.append(SpanRange(first, len(cp) - 1))
    return ranges


def split_on_marker(cp: list[int], expected: int) -> list[list[int]]:
    pieces = []
    first = 0
    for i in _marker_positions(cp):
        pieces.append(cp[first:i])
        first = i + 1
    pieces.append(cp[first:])
    if len(pieces) != expected:
        raise spans.PolytypoError(
            spans.POLYTYPO_RULE_CONTRACT,
            f"boundary markers did not survive the pipeline: expected {expected} spans, "
            f"found {len(pieces)}",
        )
    return pieces


def validate_edits(edits: list, length: int, rule_id: str | None = None) -> None:
    """edits.py validate_edits: the same checks and errors, the message built only for an
    error (polytypo formats it for every edit)."""
    is_valid = _is_valid_codepoint
    previous_end = 0
    for i, edit in enumerate(edits):
        start, end = edit.start, edit.end
        if (type(start) is int and type(end) is int and 0 <= start <= end <= length
                and start >= previous_end and (rule_id is None or edit.rule_id == rule_id)
                and all(is_valid(c) for c in edit.replacement)):
            previous_end = end
            continue
        return _original("polytypo._engine.edits", "validate_edits")(edits, length, rule_id)


def _is_valid_codepoint(value: int) -> bool:
    return type(value) is int and 0 <= value <= 0x10FFFF


def run_rules_over_spans(cp, plan, locale_data, ctx):
    """span_runner.run_rules_over_spans, computing the span extents only for a rule that
    returned edits (``filter_boundary_edits`` of no edits is no edits, whatever the spans)."""
    current = cp
    for rule_id in plan:
        rule_fn = span_runner.get_rule(rule_id)
        edits = rule_fn(current, locale_data, ctx)
        if not edits:
            continue
        filtered = span_runner.filter_boundary_edits(
            current, edits, span_runner.span_ranges_of(current))
        if filtered:
            previous = current
            current = span_runner.apply_edits(current, filtered, rule_id)
            _remember_edits(previous, filtered, current)
    return current


def run_over_units(source, units, plan, locale_data, ctx):
    """span_runner.run_over_units for one text unit (every Markdown call without
    frontmatter keys): _replacements_of_unit and _emit inlined; for one span covering the whole
    source, the emitted text is the replacement itself."""
    if len(units) != 1:
        return _original("polytypo._engine.mode_pipelines", "run_over_units")(
            source, units, plan, locale_data, ctx)
    normalized = units[0]
    if not (len(normalized) == 1 and normalized[0].start == 0
            and normalized[0].end == len(source) > 0):
        normalized = spans.normalize_spans(normalized)
        if not normalized:
            return source
    cp = span_runner.concatenate_spans(source, normalized)
    transformed = span_runner.run_rules_over_spans(cp, plan, locale_data, ctx)
    pieces = span_runner.split_on_marker(transformed, len(normalized))
    if len(pieces) == 1 and normalized[0].start == 0 and normalized[0].end == len(source):
        return span_runner.from_codepoints(pieces[0])
    out = []
    cursor = 0
    for span, piece in zip(normalized, pieces, strict=True):
        replacement = span_runner.from_codepoints(piece)
        out.append(source[cursor : span.start])
        out.append(replacement)  # equal to the original text when unchanged, so the same str
        cursor = span.end
    out.append(source[cursor:])
    return "".join(out)


_prepared: dict[tuple, tuple] = {}


def prepare(locale, rules_option):
    """pipeline.prepare, remembered for a str locale and a rules dict of str -> bool (it is a
    pure function of them; the plan list it returns is only iterated by polytypo)."""
    try:
        key = (locale, tuple(sorted(rules_option.items())) if rules_option else None)
        hash(key)
    except (AttributeError, TypeError):
        key = None
    if key is not None and type(locale) is str and (
            not rules_option or all(type(k) is str and type(v) is bool for k, v in key[1])):
        if key not in _prepared:
            _prepared[key] = _original("polytypo._engine.mode_pipelines", "prepare")(
                locale, rules_option)
        return _prepared[key]
    return _original("polytypo._engine.mode_pipelines", "prepare")(locale, rules_option)


def _engine_replacements() -> dict[tuple[str, str], Any]:
    return {
        (_NBSP, "_before_punctuation_common"): _before_punctuation_common,
        (_NBSP, "_n3_after_short_words"): _n3_after_short_words,
        (_NBSP, "_n4_abbreviations"): _n4_abbreviations,
        (_NBSP, "_n5_before_units"): _n5_before_units,
        (_NBSP, "_n6_after_symbols"): _n6_after_symbols,
        (_NBSP, "_n7_initial_binding"): _n7_initial_binding,
        (_NBSP, "_n8_quotes_inner_space"): _n8_quotes_inner_space,
        (_NBSP, "_n9_before_number"): _n9_before_number,
        (_NBSP, "_n10_before_word"): _n10_before_word,
        ("polytypo._engine.rules.quotes", "_compute_candidates"): _compute_candidates,
        ("polytypo._engine.rules.quotes", "_render"): _render,
        ("polytypo._engine.rules._quote_ambiguity", "compute_ambiguous_indices"):
            compute_ambiguous_indices,
        ("polytypo._engine.rules._quote_ambiguity", "_compute_span_boundary_indices"):
            _compute_span_boundary_indices,
        # codepoints.py's two functions, where polytypo's modules imported them.
        ("polytypo._engine.mode_pipelines", "to_codepoints"): to_codepoints,
        ("polytypo._engine.mode_pipelines", "from_codepoints"): from_codepoints,
        ("polytypo._engine.span_runner", "from_codepoints"): from_codepoints,
        ("polytypo._modes.spans", "to_codepoints"): to_codepoints,
        ("polytypo._engine.span_runner", "concatenate_spans"): concatenate_spans,
        ("polytypo._engine.span_runner", "span_ranges_of"): span_ranges_of,
        ("polytypo._engine.span_runner", "split_on_marker"): split_on_marker,
        ("polytypo._engine.span_runner", "run_rules_over_spans"): run_rules_over_spans,
        ("polytypo._engine.edits", "validate_edits"): validate_edits,
        ("polytypo._engine.mode_pipelines", "run_over_units"): run_over_units,
        ("polytypo._engine.mode_pipelines", "prepare"): prepare,
    }


# --- Markdown mode: _modes/markdown.py and mode_pipelines.py (polytypo 1.16.0) ----------------

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


# Three block shapes whose spans are known without parsing. Each is stricter than CommonMark,
# and each is checked against polytypo's own spans (tree-sitter's parse) for thousands of
# random texts by tests/language/test_typography_differential.py.
#
# A "plain" text: no character that can start a Markdown construct and no line that can open a
# block other than a paragraph; a character that might is not allowed at all. Forbidden: any of
# * _ ` \ [ ] < > & | ~ $ @ { } ^ (emphasis, code, escapes, links, HTML, entities, tables,
# strikethrough, extensions), control characters and U+FEFF, "://" and "www." (autolinks), a
# line starting with a space, # > + = - or digits and . or ) (headings, quotes, lists, setext
# underlines, thematic breaks, frontmatter), whitespace at the end of a line (hard breaks) or
# on a line of its own (a blank line ends the paragraph), and the empty text.
_NOT_PLAIN = re.compile(
    r"[*_`\\\[\]<>&|~$@{}^\x00-\x09\x0b-\x1f\x7f\ufeff]|://|www\.|^[\s#>+=-]|^[0-9]{1,9}[.)]|\s$",
    re.MULTILINE,
)
# 1. A plain paragraph: one span, the whole text.
# 2. An ATX heading "#… " + a plain line holding no "#": one span, the line after the marker.
#    Only from 16 bytes: tree-sitter-markdown 0.5.4 finds no inline content in some headings
#    of 9 bytes or less ("# zJ", "## snm"), so short headings are left to the parser.
_HEADING = re.compile(r"(#{1,6}) ([^#\n]+)")
_HEADING_MIN_BYTES = 16
# 3. A "-" list whose every line is "- " + a plain line, or "- [" + a plain label + "](" +
#    a destination of letters and digits (how pressgen's masked links look) + ")": one span per
#    item, its text or its label.
_LINK_ITEM = re.compile(r"- \[([^\n]+)\]\([A-Za-z0-9]+\)")
# In a plain paragraph or item (1 and 3), a masked token in angle brackets after a space and
# before a space, a line break or the end (« – <QzqazqzQ> – », how pressgen's masked e-mail
# autolinks look) is inline HTML to the parser: the spans are the text around it, none after
# a token that ends the text. Any shape may end with one line break, which ends no span.
_TAG_TOKEN = re.compile(r"(?<= )<Qzq+[a-y]+zq+zQ>(?=[ \n]|\Z)")
_PARSERS_PROVEN: bool | None = None  # tree-sitter and tree-sitter-markdown are the proven ones
PROVEN_PARSERS = {"tree-sitter": "0.26.1", "tree-sitter-markdown": "0.5.4"}


def _parsers_proven() -> bool:
    global _PARSERS_PROVEN
    if _PARSERS_PROVEN is None:
        from importlib import metadata  # already imported by polytypo

        import tree_sitter

        try:
            _PARSERS_PROVEN = (
                tree_sitter.__version__ == PROVEN_PARSERS["tree-sitter"]
                and metadata.version("tree-sitter-markdown") == PROVEN_PARSERS["tree-sitter-markdown"])
        except metadata.PackageNotFoundError:
            _PARSERS_PROVEN = False
    return _PARSERS_PROVEN


def _parsers_checked_again() -> None:
    global _PARSERS_PROVEN
    _PARSERS_PROVEN = None


def _is_plain(text: str) -> bool:
    return bool(text) and _NOT_PLAIN.search(text) is None


def _plain_spans(text: str, start: int) -> list | None:
    """The spans of a plain ``text`` found at ``start``, cut around its masked tokens in
    angle brackets; None if it is not plain."""
    Span = spans.Span
    if "<" not in text:
        return [Span(start, start + len(text))] if _is_plain(text) else None
    if not _is_plain(_TAG_TOKEN.sub("x", text)):
        return None
    found, at = [], 0
    for tag in _TAG_TOKEN.finditer(text):
        found.append(Span(start + at, start + tag.start()))
        at = tag.end()
    if at < len(text):
        found.append(Span(start + at, start + len(text)))
    return found


def _known_spans(text: str) -> list | None:
    """The spans of ``text`` when it has one of the three shapes above, else None."""
    Span = spans.Span
    if text.endswith("\n"):
        text = text[:-1]
    plain = _plain_spans(text, 0)
    if plain is not None:
        return plain
    if text.startswith("#"):
        heading = _HEADING.fullmatch(text)
        if heading is not None and _is_plain(heading.group(2)) and (
                len(text.encode("utf-8")) >= _HEADING_MIN_BYTES):
            return [Span(len(heading.group(1)) + 1, len(text))]
        return None
    if text.startswith("- "):
        found = []
        start = 0
        for line in text.split("\n"):
            link = _LINK_ITEM.fullmatch(line)
            item = _plain_spans(line[2:], start + 2) if line.startswith("- ") else None
            if link is not None and _is_plain(link.group(1)):
                found.append(Span(start + 3, start + 3 + len(link.group(1))))
            elif item is not None:
                found.extend(item)
            else:
                return None
            start += len(line) + 1
        return found
    return None


def _markdown_units(input_text, dialect, keys):
    """mode_pipelines._markdown_units without the parse for the three shapes above."""
    if keys is None and _parsers_proven():
        known = _known_spans(input_text)
        if known is not None:
            return [known]
    return _original("polytypo._engine.mode_pipelines", "_markdown_units")(input_text, dialect, keys)


def _markdown_replacements() -> dict[tuple[str, str], Any]:
    return {
        ("polytypo._engine.mode_pipelines", "_markdown_units"): _markdown_units,
        ("polytypo._modes.markdown", "_ByteOffsets"): _ByteOffsets,
        ("polytypo._modes.markdown", "_line_at"): _line_at,
    }
