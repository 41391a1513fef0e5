"""An Atom feed per language (RFC 4287), for journalists' feed readers.

Made from summaries (:mod:`pressgen.render.summary`) with ``templates/<locale>/feed.xml``.
Only releases that are published appear (``pressgen publish`` renders only what is public at
its moment, a lifted embargo as published); every date comes from the sources (the
milestone's day), never from the clock, so the feed changes only when a release does. Written
only with ``site.base_url``: a feed's identifiers and links must be absolute.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from pressgen.language.locale import locale_for
from pressgen.render.formats import newsroom_path, output_path
from pressgen.render.site_xml import checked_xml
from pressgen.render.summary import Summary, moment, newest_first

if TYPE_CHECKING:
    from pressgen.render.formats import OutputContext

FEED_TEMPLATE = "feed.xml"
# A feed with no entry still needs an <updated>: a fixed moment, never the build's.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


def render(summaries: list[Summary], context: "OutputContext") -> dict[str, bytes]:
    if context.site is None:
        return {}
    site = context.site.base_url
    files = {}
    public = newest_first([s for s in summaries if s.public])
    for tag in context.locales:
        path = output_path("feed", locale=tag)
        entries = [_entry(summary, tag, context) for summary in public]
        organisations = [e.organisation for e in entries]
        text = context.template(
            tag, FEED_TEMPLATE, entries=entries, locale=tag, lang=locale_for(tag).html_lang,
            feed_url=site.absolute(path), home=site.absolute(newsroom_path(tag, context.locales)),
            updated=max((e.updated for e in entries), default=EMPTY_FEED_UPDATED),
            author=organisations[0] if organisations else site.root, here=path)
        files[path] = checked_xml(text, path, f"{tag}/{FEED_TEMPLATE}")
    return files


def _entry(summary: Summary, tag: str, context: "OutputContext") -> SimpleNamespace:
    site = context.site.base_url
    language = summary.languages[tag]
    image = None
    if summary.image is not None:
        image = SimpleNamespace(url=site.absolute(summary.image.path), media_type=summary.image.media_type,
                                length=summary.image.length, alt=language.image_alt)
    return SimpleNamespace(
        id=summary.id, url=site.absolute(language.path), title=language.title, summary=language.lead,
        updated=moment(summary.date), published=moment(summary.date), organisation=language.organisation,
        others=[SimpleNamespace(hreflang=locale_for(other).html_lang, url=site.absolute(summary.languages[other].path))
                for other in context.locales if other != tag],
        image=image)
