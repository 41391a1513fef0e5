"""The output formats, and the one function that knows where every output goes.

A format turns a rendered release (:class:`pressgen.render.release.Release`) into the bytes of
one file per milestone and language; each has its own module under :mod:`pressgen.outputs`,
imported only when a build writes it (the PDF's WeasyPrint costs time to import). The renderer
writes every format the project keeps (``outputs:`` in milestones.yaml); the templates (through
``url_for``), the index, the preview, publishing and the stale check ask :func:`output_path`
instead of spelling paths. A new format is one entry here, one module and its templates.
"""

from __future__ import annotations

import importlib
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:
    from pressgen import model
    from pressgen.project.files import VerifiedFile
    from pressgen.render.release import Release


class OutputContext(Protocol):
    """What a format may ask of the renderer besides the release itself."""

    locales: list[str]
    language_names: dict[str, str]
    site: "model.Site | None"  # where the published site is served from, when the project says

    def template(self, language: str, name: str, /, **values: Any) -> str:
        """Template ``name`` of ``language`` (along its fallback chain), rendered; errors located."""

    def template_lines(self, language: str, name: str, /, **values: Any) -> Any:
        """The same, as (template line, output) pieces with the template's file
        (:class:`pressgen.render.renderer.TemplateLines`): a check can point at a line."""

    def project_file(self, milestone: "model.Milestone", relative: str) -> "VerifiedFile":
        """A file the milestone names (its image, the organisation's logo): the very bytes the
        project's checks verified, with their kind."""

    def render_format(self, name: str, release: "Release") -> bytes:
        """Another format of the same release (the e-mail carries the text version)."""


@dataclass(frozen=True)
class Format:
    """One kind of output file of a release."""

    name: str  # as `outputs:` and url_for() name it
    suffix: str  # the file name's ending
    media_type: str
    module: str  # the module under pressgen.outputs with its render(release, context)
    description: str
    # Whether ``pressgen publish`` deploys it. False by default: a new format stays in the
    # review copy (out/) until someone decides the public may read it.
    published: bool = False
    # What the file name starts with before the language ("posts." for posts.fr.txt).
    prefix: str = ""

    @property
    def render(self) -> Callable[["Release", OutputContext], bytes]:
        return importlib.import_module(f"pressgen.outputs.{self.module}").render


FORMATS: dict[str, Format] = {
    format.name: format
    for format in (
        Format("md", ".md", "text/markdown; charset=utf-8", "markdown",
               "the release in Markdown, one sentence per line, for review"),
        Format("html", ".html", "text/html; charset=utf-8", "html",
               "a standalone web page, with its styles inlined", published=True),
        Format("txt", ".txt", "text/plain; charset=utf-8", "text",
               "the wire text: plain UTF-8, wrapped at 72 columns"),
        Format("eml", ".eml", "message/rfc822", "eml",
               "an e-mail to open in a mail client and send to the press list"),
        Format("pdf", ".pdf", "application/pdf", "pdf",
               "the release on letterhead, to attach and to print", published=True),
        Format("posts", ".txt", "text/plain; charset=utf-8", "posts",
               "the posts for each social network, each with its count and the network's limit", prefix="posts."),
    )
}

INDEX = "index.html"
SITEMAP = "sitemap.xml"
# The site-wide files: paths of their own, outside every milestone's folder.
SITE_KINDS = ("index", "feed", "sitemap")


def output_path(kind: str, milestone: str | None = None, locale: str | None = None, name: str | None = None) -> str:
    """Where an output goes, relative to the output folder.

    ``output_path("html", "paris-2-millions", "fr")`` → ``paris-2-millions/fr.html``;
    ``output_path("asset", "paris-2-millions", name="photo.jpg")`` → ``paris-2-millions/photo.jpg``
    (a file a release shows); ``output_path("index")`` → ``index.html`` (the newsroom in the
    first language), ``output_path("index", locale="en")`` → ``index.en.html`` (see
    :func:`newsroom_path`); ``output_path("feed", locale="fr")`` → ``feed.fr.xml``;
    ``output_path("sitemap")`` → ``sitemap.xml``.
    """
    if kind in SITE_KINDS:
        if kind == "sitemap":
            return SITEMAP
        if kind == "feed" and locale is None:
            raise ValueError("a feed needs its locale")
        if locale is None:
            return INDEX
        return f"{kind}.{locale}" + (".xml" if kind == "feed" else ".html")
    if milestone is None:
        raise ValueError(f"output_path({kind!r}) needs a milestone")
    if kind == "asset":
        if not name:
            raise ValueError("an asset needs its file name")
        return f"{milestone}/{name}"
    if locale is None:
        raise ValueError(f"output_path({kind!r}) needs a locale")
    return f"{milestone}/{FORMATS[kind].prefix}{locale}{FORMATS[kind].suffix}"


def newsroom_path(locale: str, locales: list[str]) -> str:
    """The newsroom front page of ``locale``: ``index.html`` for the project's first language
    (what the site's own address shows), ``index.<locale>.html`` for the others."""
    return output_path("index") if locale == locales[0] else output_path("index", locale=locale)


def written_names(milestone: str, locales: list[str]) -> dict[str, str]:
    """The file names pressgen writes in a milestone's folder, each with what that file is.

    A file the milestone publishes (its image) may take none of them: every registered format
    in every language, enabled or not (enabling one later must not overwrite the image), and
    the index's name, which a web server would show for the folder's own address.
    """
    names = {}
    for locale in locales:
        for name in FORMATS:
            path = output_path(name, milestone, locale)
            names[path.rsplit("/", 1)[-1]] = f"pressgen writes the '{locale}' release as out/{path} ({FORMATS[name].description})"
    names[output_path("index").rsplit("/", 1)[-1]] = (
        f"a web server would show out/{milestone}/{INDEX} as the folder's own page (pressgen writes out/{INDEX})")
    return names


def relative_url(target: str, here: str) -> str:
    """The link from the output at ``here`` to the output at ``target`` (both from output_path)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")
