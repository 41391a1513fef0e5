"""The linear rewrites give exactly what the code they replace gave, on generated text.

Python-Markdown's own link parsing against pressgen.render.brackets, the code-span regex
against its linear finder, re.sub against sub_at_word_starts: same results, byte for byte.
"""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor

from harness import examples
from pressgen.checks import audit
from pressgen.language import typography
from pressgen.language.wordscan import sub_around_marks, sub_at_word_starts
from pressgen.model import urls
from pressgen.render import linebreaks
from pressgen.render.brackets import _Link
from pressgen.render.release import MARKDOWN_EXTENSIONS

pytestmark = pytest.mark.fuzz

def pieces(*choices: str, max_size: int = 30) -> st.SearchStrategy[str]:
    """Strings made of ``choices`` (characters or longer pieces)."""
    return st.lists(st.sampled_from(choices), max_size=max_size).map("".join)


link_text = pieces(*"()[]'\" a\\!<>*_`\n:", "](", "[a](", "![x](", " \"t\")", "https://x.fr", "\n\n", "[r]: /u\n")


def _processors() -> tuple[LinkInlineProcessor, _Link]:
    md = markdown.Markdown()
    md.treeprocessors["inline"].stashed_nodes = {}
    return LinkInlineProcessor(LINK_RE, md), _Link(LINK_RE, md)


@settings(max_examples=examples(400))
@given(st.text(alphabet=st.sampled_from(list("()[]'\" a\\")), max_size=30))
def test_link_parts_are_markdowns(text: str) -> None:
    theirs, ours = _processors()
    for i, c in enumerate(text):
        if c == "(":
            assert ours.getLink(text, i) == theirs.getLink(text, i)
        if c == "[":
            found = theirs.getText(text, i + 1)
            mine = ours.getText(text, i + 1)
            assert mine[1:] == found[1:] and (not found[2] or mine == found)  # unclosed: text unused


def _markdowns() -> tuple[markdown.Markdown, markdown.Markdown]:
    """Python-Markdown with its own inline processors and patterns, and as pressgen sets it up."""
    plain = markdown.Markdown(extensions=[e for e in MARKDOWN_EXTENSIONS if not e.startswith("pressgen.")])
    return plain, markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


@settings(max_examples=examples(300))
@given(link_text)
def test_markdown_output_is_unchanged(text: str) -> None:
    plain, ours = _markdowns()
    assert ours.convert(text) == plain.convert(text)


# Code spans, escaped backslashes before backticks, links and images after "!" or "\".
code_text = pieces("`", "``", "\\", "\\\\", "a", " ", "!", "[", "]", "(x)", "![", "[a](b)", "\n", "\n\n", "*",
                   "<b>", "&amp;")


@settings(max_examples=examples(400))
@given(code_text)
def test_quick_inline_patterns_give_markdowns_output(text: str) -> None:
    plain, ours = _markdowns()
    assert ours.convert(text) == plain.convert(text)


def test_the_quick_inline_patterns_are_in_use() -> None:
    """Each of the four patterns swapped, so that the comparisons above compare something."""
    from pressgen.render import quick_patterns

    plain, ours = _markdowns()
    patterns = ours.inlinePatterns
    assert patterns["backtick"].pattern == quick_patterns.QUICK_BACKTICK
    assert [patterns[name].pattern for name in ("reference", "link", "short_reference")] == [quick_patterns.QUICK_LINK] * 3
    assert all(type(patterns[name]).__module__ == "pressgen.render.brackets" for name in ("reference", "link"))
    odd = ["\\`a`", "\\\\`a`", "\\\\\\`a`", "x\\\\`a` b", "``a`` `b`", "![i](j) [l](m) \\![n](o)",
           "[![i](j)](k)", "!![a](b)", "[a][r] ![b][r] [r]\n\n[r]: /u", "`a\\`b`", "\\\\"]
    for text in odd:
        assert ours.convert(text) == plain.convert(text), text


@settings(max_examples=examples(400))
@given(pieces("`", "`", "``", "```", "a", " ", "\n", "\t"))
def test_code_spans_are_the_regexs(text: str) -> None:
    assert typography._code_spans(text) == [m.span() for m in typography._CODE_SPAN.finditer(text)]


@settings(max_examples=examples(400))
@given(pieces(*"ab.+'-@#_ é/", "x.fr", "https://", "www.", "UTC+1", "](", ")", max_size=40))
def test_word_start_masking_is_re_sub(text: str) -> None:
    token = lambda m: f"<{m.group(0)}>"  # noqa: E731
    assert sub_at_word_starts(typography._PROTECTED_WORDS, typography._PROTECTED_AT_WORD_STARTS, token, text) \
        == typography._PROTECTED_WORDS.sub(token, text)
    assert sub_at_word_starts(audit._MASK, audit._MASK_AT_WORD_STARTS, token, text) == audit._MASK.sub(token, text)


@settings(max_examples=examples(500))
@given(pieces(*"ab.+'-@#_ é/<>()\"«\t\n", "\u00a0", "\u202f", "\u2028", "x.fr", "https://", "ftp://", "www.", "](",
              max_size=40))
def test_masking_around_the_marks_is_re_sub(text: str) -> None:
    token = lambda m: f"<{m.group(0)}>"  # noqa: E731
    assert sub_around_marks(typography._PROTECTED_MARK, typography._PROTECTED_WORDS,
                            typography._PROTECTED_AT_WORD_STARTS, token, text) == typography._PROTECTED_WORDS.sub(token, text)


def test_the_runs_around_the_marks_end_where_re_sees_white_space() -> None:
    """sub_around_marks finds a run's start with str.isspace and its end with re's \\s."""
    space = re.compile(r"\s")
    assert all(chr(c).isspace() == bool(space.match(chr(c))) for c in range(0x110000))


@settings(max_examples=examples(300))
@given(st.text(alphabet=st.sampled_from(list("ab1-_.é ")), max_size=40))
def test_domain_pattern_is_the_old_one(text: str) -> None:
    old = re.compile(r"[\w-]*[^\W\d_][\w-]*(?:\.[\w-]+)+")
    assert audit._DOMAIN.sub(" ", text) == old.sub(" ", text)


@settings(max_examples=examples(500))
@given(st.from_regex(urls.PLAIN_WEB_ADDRESS, fullmatch=True))
def test_a_plain_web_address_passes_the_full_reading(url: str) -> None:
    """The addresses the link checks let through at once are those that reading them as a
    browser does lets through."""
    assert urls.read_link_refusal(url) is None
    assert urls.read_link_refusal(url, relative=True) is None
    assert urls.read_address_refusal(url) is None


def _sentence_ends_at_every_space(line: str, abbreviations: frozenset[str]) -> list[int]:
    """pressgen.render.linebreaks.sentence_ends as it was, trying every run of spaces."""
    masked = linebreaks._MASKED.sub(lambda m: "\x00" * len(m.group(0)), line)
    return [m.start() for m in re.finditer(" +", masked)
            if 0 < m.start() and m.end() < len(masked) and linebreaks._starts_sentence(masked, m.end())
            and linebreaks._ends_sentence(masked, m.start(), False, abbreviations)]


@settings(max_examples=examples(500))
@given(pieces(*"aA. !?…»”’\"')]*_«“([", "\u00a0", "\u202f", "M.", "Mr.", "1.", "`a. B`", "](x. Y)", "É", "  ",
              max_size=40))
def test_sentence_ends_are_found_after_marks_only(line: str) -> None:
    """The spaces read are those after a mark, a closer or a no-break space: the same ends as
    reading every space."""
    abbreviations = linebreaks._language(None)[0]
    assert linebreaks.sentence_ends(line, False, abbreviations) == _sentence_ends_at_every_space(line, abbreviations)
