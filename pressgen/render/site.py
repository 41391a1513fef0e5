"""The site-wide files, each from the milestones' summaries (:mod:`pressgen.render.summary`):
the newsroom front pages always, the feeds and the sitemap when ``site.base_url`` is set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressgen.render import feed, newsroom, sitemap
from pressgen.render.summary import Summary

if TYPE_CHECKING:
    from pressgen.render.formats import OutputContext


def render_site_pages(summaries: list[Summary], context: "OutputContext") -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for pages in (newsroom, feed, sitemap):
        files.update(pages.render(summaries, context))
    return files
