"""The typography pass: quotes, apostrophes, dashes, ellipses and no-break spaces.

Built on polytypo (a spec-driven, locale-aware typographer that parses Markdown with
tree-sitter, so code, URLs, links and HTML tags are left alone), with pressgen's own fixes
where polytypo's choices are wrong for press releases. polytypo is imported inside the functions
so that importing pressgen.language stays cheap.
"""

from __future__ import annotations

from pressgen.language.locales import polytypo_tag


def typeset_text(text: str, locale: str) -> str:
    """Typography for one plain string (a title, a meta description, a YAML value)."""
    from polytypo.text import transform

    return transform(text, locale=polytypo_tag(locale))


def typeset_markdown(text: str, locale: str) -> str:
    """Typography for a whole rendered Markdown document."""
    from polytypo.markdown import transform

    return transform(text, locale=polytypo_tag(locale), dialect="commonmark")
