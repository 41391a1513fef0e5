"""The newsroom: a front page per language, the most recent release first.

Made from summaries (:mod:`pressgen.render.summary`) with ``templates/<locale>/index.html``
(which extends ``templates/newsroom.html``): date, headline, lead, image and the release in
the other languages. The first language's page is ``index.html``, the site's own address
(:func:`pressgen.render.formats.newsroom_path`). In ``out/`` it lists every release with its
status, for review; ``pressgen publish`` renders only what is public.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from pressgen.language.locale import babel_locale, locale_for
from pressgen.render.formats import newsroom_path, output_path, relative_url
from pressgen.render.sanitize import sanitize_page
from pressgen.render.sharing import og_locale
from pressgen.render.summary import Summary, newest_first

if TYPE_CHECKING:
    from pressgen.render.formats import OutputContext

NEWSROOM_TEMPLATE = "index.html"


def render(summaries: list[Summary], context: "OutputContext") -> dict[str, bytes]:
    files = {}
    ordered = newest_first(summaries)
    for tag in context.locales:
        here = newsroom_path(tag, context.locales)
        # The other languages, as every entry links to them: named once per page, not per release.
        others = [(other, locale_for(other).html_lang, context.language_names[other], language_name(other, tag))
                  for other in context.locales if other != tag]
        entries = [_entry(summary, tag, here, others) for summary in ordered]
        organisation = ordered[0].languages[tag].organisation if ordered else ""
        text = context.template(tag, NEWSROOM_TEMPLATE, entries=entries, locale=tag, page=_head(tag, here, context),
                                organisation=organisation,
                                languages=_languages(tag, here, context), language_names=context.language_names,
                                here=here)
        files[here] = sanitize_page(text, here).encode("utf-8")
    return files


def _entry(summary: Summary, tag: str, here: str, others: list[tuple[str, str, str, str]]) -> SimpleNamespace:
    language = summary.languages[tag]
    image = None
    if summary.image is not None:
        image = SimpleNamespace(src=relative_url(summary.image.path, here), alt=language.image_alt)
    return SimpleNamespace(
        id=summary.id, date=summary.date, status=summary.status, status_line=language.status,
        title=language.title, lead=language.lead, href=relative_url(language.path, here), image=image,
        others=[SimpleNamespace(locale=other, lang=lang, name=name, name_here=name_here,
                                title=summary.languages[other].title, href=relative_url(summary.languages[other].path, here))
                for other, lang, name, name_here in others])


def language_name(language: str, locale: str) -> str:
    """``language``'s name in ``locale`` (« anglais » on the French page), from CLDR."""
    other = locale_for(language)
    names = babel_locale(locale_for(locale).cldr).languages
    return names.get(other.tag) or names.get(other.language) or other.native_name


def _languages(tag: str, here: str, context: "OutputContext") -> list[SimpleNamespace]:
    return [SimpleNamespace(locale=other, lang=locale_for(other).html_lang, name=context.language_names[other],
                            href=relative_url(newsroom_path(other, context.locales), here))
            for other in context.locales if other != tag]


def _head(tag: str, here: str, context: "OutputContext") -> SimpleNamespace:
    """The same head links as a release's page (see :func:`pressgen.render.sharing.page_head`)."""
    site = context.site

    def address(other: str) -> str:
        path = newsroom_path(other, context.locales)
        return site.base_url.absolute(path) if site else relative_url(path, here)

    head = SimpleNamespace(
        canonical=address(tag) if site else None, x_default=address(context.locales[0]) if site else None,
        languages=[SimpleNamespace(hreflang=locale_for(other).html_lang, href=address(other)) for other in context.locales],
        feed=site.base_url.absolute(output_path("feed", locale=tag)) if site else None,
        open_graph=[("og:type", "website"), ("og:locale", og_locale(tag))], twitter=[], json_ld=None)
    head.open_graph += [("og:locale:alternate", og_locale(other)) for other in context.locales if other != tag]
    if site:
        head.open_graph.append(("og:url", address(tag)))
    return head
