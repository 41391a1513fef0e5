"""The size in pixels of an image a release publishes, read from the file itself.

Sharing cards (``og:image:width``/``height``) and the structured data's ``ImageObject`` state
it so that a network can lay the card out before it fetches the picture; a size typed in the
sources would go wrong the day the file is replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from pressgen.project.files import VerifiedFile
from pressgen.project.kinds import picture_size

_LENGTH = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*")


def image_size(file: VerifiedFile) -> tuple[int, int] | None:
    """``(width, height)``, or None when the file does not say (an SVG sized in % or em)."""
    if file.kind.media_type == "image/svg+xml":
        return _svg_size(file.data)
    return picture_size(file.data)  # its check read it already: a published picture has a size


def _svg_size(data: bytes) -> tuple[int, int] | None:
    # The file passed pressgen.project.svg: no DOCTYPE, no entity, so nothing expands here.
    root = ElementTree.fromstring(data)
    width, height = (_pixels(root.get(name)) for name in ("width", "height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            w, h = float(box[2]), float(box[3])
        except ValueError:
            return None
        if w > 0 and h > 0:
            return round(w), round(h)
    return None


def _pixels(value: str | None) -> int | None:
    match = _LENGTH.fullmatch(value or "")
    return round(float(match.group(1))) if match and float(match.group(1)) > 0 else None
