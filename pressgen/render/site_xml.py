"""What the feeds and the sitemap share: XML from a template, checked before it is written."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from pressgen.errors import PressgenError, Problem


def checked_xml(text: str, path: str, template: str) -> bytes:
    """``text`` as bytes, or a located problem when it is not well-formed XML (a template's
    stray ``&`` or unclosed element): a reader would reject the whole file."""
    try:
        ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        line = error.position[0] if error.position else 0
        raise PressgenError([Problem(f"templates ({template})", 0, 0,
                                     f"{path} is not well-formed XML at its line {line}: {error}",
                                     hint="check the template's markup; values are escaped for you")]) from None
    return text.encode("utf-8")
