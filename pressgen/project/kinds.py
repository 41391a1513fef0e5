"""The kinds of file a release may publish, recognised by their content, not by their name.

A file's first bytes say what it is (PNG, JPEG…); its name must agree, so that a browser, a
web server and the reviewer all see the same kind of file. Every kind is described here once:
its name, its file name endings, and how its content is recognised and, for SVG, checked
(:mod:`pressgen.project.svg`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Callable

from pressgen.project import svg


def picture_size(data: bytes) -> tuple[int, int] | None:
    """The size in pixels of a PNG, JPEG, WebP, GIF or AVIF, as its header says it; None when it
    cannot be read (the sharing cards state it, :mod:`pressgen.render.images`)."""
    from PIL import Image  # Pillow: there for the PDF, imported only for a project with pictures

    try:
        with Image.open(io.BytesIO(data)) as picture:
            width, height = picture.size
    except Exception:  # noqa: BLE001 - Pillow's readers raise many kinds of error on a damaged file
        return None
    return (width, height) if width > 0 and height > 0 else None


def _unreadable_picture(data: bytes) -> tuple[str, str] | None:
    """A picture whose first bytes are right and whose rest is damaged or cut short: refused
    here, where the message can say which file and line, not at its render."""
    if picture_size(data) is not None:
        return None
    return ("cannot be read: its first bytes say what it is, but the rest is damaged or cut short",
            "export it again from the original picture")


@dataclass(frozen=True)
class FileKind:
    """One kind of file pressgen publishes."""

    name: str  # as messages say it: "PNG"
    article: str  # "a PNG", "an SVG"
    extensions: tuple[str, ...]  # lower-case, with the dot; the first is the usual one
    media_type: str  # as an e-mail part or a PDF's resource declares it: "image/png"
    recognise: Callable[[bytes], bool]  # from the whole content
    # Why not, and what to do. A function of a module, never a lambda: a project goes to the
    # processes of `build --jobs` as a pickle, with the kind of every file it publishes.
    refusal: Callable[[bytes], tuple[str, str] | None]

    @property
    def extension(self) -> str:
        return self.extensions[0]


def _png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"


def _jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8\xff")


def _gif(data: bytes) -> bool:
    return data[:6] in (b"GIF87a", b"GIF89a")


def _webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP" and data[12:16] in (b"VP8 ", b"VP8L", b"VP8X")


def _avif(data: bytes) -> bool:
    """An ISO media file (``ftyp`` box first) whose major or a compatible brand is AVIF."""
    if data[4:8] != b"ftyp":
        return False
    size = int.from_bytes(data[:4], "big")
    brands = [data[8:12]] + [data[i:i + 4] for i in range(16, min(size, len(data), 4096), 4)]
    return any(brand in (b"avif", b"avis") for brand in brands)


# An XML prologue (byte order mark, declaration, processing instructions, comments), then an
# <svg> root or its DOCTYPE (which svg.refusal then refuses, with its reason).
_SVG_START = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->)*+<(?:svg[\s>/]|!DOCTYPE\s+svg[\s>\[])", re.S)


def _svg(data: bytes) -> bool:
    return _SVG_START.match(data) is not None


IMAGES: tuple[FileKind, ...] = (
    FileKind("PNG", "a", (".png",), "image/png", _png, _unreadable_picture),
    FileKind("JPEG", "a", (".jpg", ".jpeg"), "image/jpeg", _jpeg, _unreadable_picture),
    FileKind("WebP", "a", (".webp",), "image/webp", _webp, _unreadable_picture),
    FileKind("GIF", "a", (".gif",), "image/gif", _gif, _unreadable_picture),
    FileKind("AVIF", "an", (".avif",), "image/avif", _avif, _unreadable_picture),
    FileKind("SVG", "an", (".svg",), "image/svg+xml", _svg, svg.refusal),
)


def recognise(data: bytes, kinds: tuple[FileKind, ...]) -> FileKind | None:
    """The kind among ``kinds`` that ``data`` is, by its content; None for none of them."""
    return next((kind for kind in kinds if kind.recognise(data)), None)


def for_extension(extension: str, kinds: tuple[FileKind, ...]) -> FileKind | None:
    """The kind among ``kinds`` whose files end in ``extension`` (``.jpg``)."""
    return next((kind for kind in kinds if extension in kind.extensions), None)


def described(kinds: tuple[FileKind, ...]) -> str:
    """``PNG, JPEG, WebP, GIF, AVIF or SVG``, for messages."""
    names = [kind.name for kind in kinds]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
