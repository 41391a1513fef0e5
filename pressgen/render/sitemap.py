"""``sitemap.xml`` (the sitemaps.org protocol, 0.9), every page with its other languages as
``xhtml:link`` alternates, as search engines read them.

Made from summaries (:mod:`pressgen.render.summary`) with ``templates/sitemap.xml``: the
newsroom front pages and every published release, ``lastmod`` from the sources. Written only
with ``site.base_url``: a sitemap lists absolute addresses.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from pressgen.language.locale import locale_for
from pressgen.render.formats import newsroom_path, output_path
from pressgen.render.site_xml import checked_xml
from pressgen.render.summary import Summary, newest_first

if TYPE_CHECKING:
    from pressgen.render.formats import OutputContext

SITEMAP_TEMPLATE = "sitemap.xml"


def render(summaries: list[Summary], context: "OutputContext") -> dict[str, bytes]:
    if context.site is None:
        return {}
    site = context.site.base_url
    public = newest_first([s for s in summaries if s.public])
    latest = public[0].date.isoformat() if public else None

    def group(paths: dict[str, str], lastmod: str | None) -> list[SimpleNamespace]:
        alternates = [SimpleNamespace(hreflang=locale_for(tag).html_lang, url=site.absolute(path))
                      for tag, path in paths.items()]
        return [SimpleNamespace(url=site.absolute(path), lastmod=lastmod, alternates=alternates)
                for path in paths.values()]

    urls = group({tag: newsroom_path(tag, context.locales) for tag in context.locales}, latest)
    for summary in public:
        urls += group({tag: summary.languages[tag].path for tag in context.locales}, summary.date.isoformat())
    path = output_path("sitemap")
    text = context.template(context.locales[0], SITEMAP_TEMPLATE, urls=urls, here=path)
    return {path: checked_xml(text, path, SITEMAP_TEMPLATE)}
