"""The output formats, and the one function that knows where every output goes.

A format turns a rendered release (:class:`pressgen.render.release.Release`) into the bytes of
one file per milestone and language. The renderer writes every enabled format of the registry;
the templates (through ``url_for``), the index, the preview and the stale check ask
:func:`output_path` instead of spelling paths. A new format is one entry here and, if it needs
one, a template; ``published`` says whether ``pressgen publish`` deploys it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from pressgen.render.release import Release


@dataclass(frozen=True)
class Format:
    """One kind of output file of a release."""

    name: str  # as the project and url_for() name it
    suffix: str  # the file name's ending
    media_type: str
    render: Callable[["Release"], bytes]
    description: str
    # Whether ``pressgen publish`` deploys it. False by default: a new format stays in the
    # review copy (out/) until someone decides the public may read it.
    published: bool = False


def _markdown(release: "Release") -> bytes:
    return release.markdown.encode("utf-8")


def _html(release: "Release") -> bytes:
    return release.html.encode("utf-8")


FORMATS: dict[str, Format] = {
    format.name: format
    for format in (
        Format("markdown", ".md", "text/markdown; charset=utf-8", _markdown,
               "the release in Markdown, one sentence per line, for review", published=False),
        Format("html", ".html", "text/html; charset=utf-8", _html,
               "a standalone web page, with its styles inlined", published=True),
    )
}

INDEX = "index.html"


def output_path(kind: str, milestone: str | None = None, locale: str | None = None, name: str | None = None) -> str:
    """Where an output goes, relative to the output folder.

    ``output_path("html", "paris-2-millions", "fr")`` → ``paris-2-millions/fr.html``;
    ``output_path("asset", "paris-2-millions", name="photo.jpg")`` → ``paris-2-millions/photo.jpg``
    (a file a release shows); ``output_path("index")`` → ``index.html``.
    """
    if kind == "index":
        return INDEX
    if milestone is None:
        raise ValueError(f"output_path({kind!r}) needs a milestone")
    if kind == "asset":
        if not name:
            raise ValueError("an asset needs its file name")
        return f"{milestone}/{name}"
    if locale is None:
        raise ValueError(f"output_path({kind!r}) needs a locale")
    return f"{milestone}/{locale}{FORMATS[kind].suffix}"


def relative_url(target: str, here: str) -> str:
    """The link from the output at ``here`` to the output at ``target`` (both from output_path)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")
