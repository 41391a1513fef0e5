r"""Python-Markdown's inline patterns that open with a look-behind, written to open with their character.

``re`` searches a pattern that starts with a character (or a set of them) by a quick scan for
it, and one that starts with a look-behind by trying the whole pattern at every position.
Python-Markdown (3.11) opens four of its inline patterns with a look-behind: the code span
(``(?<!\\)`…``) and the three that find a link's ``[`` (``(?<!\!)\[``). Each runs over every
piece of text of every paragraph, so the code span's alone was a fifth of the time of a
release's conversion to HTML. Here the same patterns look behind the character they have
read (``\[(?<!\!\[)``: a ``[`` with no ``!`` before it): the same matches at the same places,
so the output bytes do not change; ``tests/fuzz/test_fuzz_equivalence.py`` compares the two on
generated text. A pattern that is not the one this module knows (another Python-Markdown)
is left as it is.

Enabled by name in :data:`pressgen.render.release.MARKDOWN_EXTENSIONS`, after the linear link
processors (:mod:`pressgen.render.brackets`), whose classes it keeps.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import BACKTICK_RE, LINK_RE, BacktickInlineProcessor

# Python-Markdown's (?<!\!)\[, a "[" that no "!" stands before.
QUICK_LINK = r"\[(?<!\!\[)"
# Python-Markdown's (?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`): an even run of backslashes that no
# backslash stands before, followed by a backtick (Markdown writes them as escaped backslashes),
# or a backtick that no backslash stands before. The run's first backslash is read before the
# look behind it, outside the group: the group holds the rest of the run.
QUICK_BACKTICK = r"\\(?<!\\\\)(\\(?:\\\\)*)(?=`)|`(?<!\\`)"
_LINK_PATTERNS = ("reference", "link", "short_reference")


class _QuickBacktick(BacktickInlineProcessor):
    """Python-Markdown's code span processor, given :data:`QUICK_BACKTICK`."""

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 (Markdown's name)
        if m.group(1) is not None:  # the run of backslashes, all of it (Markdown's group 1)
            return m.group(0).replace("\\\\", self.ESCAPED_BSLASH), m.start(0), m.end(0)
        return super().handleMatch(m, data)


class QuickPatternsExtension(Extension):
    """Swaps the four patterns for their quick forms, same processors, same priorities."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        patterns = md.inlinePatterns
        priorities = {item.name: item.priority for item in patterns._priority}
        for name in _LINK_PATTERNS:
            if name in patterns and patterns[name].pattern == LINK_RE:
                patterns.register(type(patterns[name])(QUICK_LINK, md), name, priorities[name])
        if "backtick" in patterns and type(patterns["backtick"]) is BacktickInlineProcessor \
                and patterns["backtick"].pattern == BACKTICK_RE:
            patterns.register(_QuickBacktick(QUICK_BACKTICK), "backtick", priorities["backtick"])


def makeExtension(**kwargs) -> QuickPatternsExtension:  # noqa: N802 (Markdown's entry point)
    return QuickPatternsExtension(**kwargs)
