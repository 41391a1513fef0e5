"""What a release's page tells search engines and networks about itself, in its ``<head>``.

Links to the page in every language (``hreflang``, with ``x-default`` and a canonical link),
the Open Graph and ``twitter:card`` tags a network reads to draw a card when the link is
shared, and schema.org ``NewsArticle`` structured data. Search engines and networks ignore
relative addresses there, so all but the language links need ``site.base_url``: without it
they are left out rather than written wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import markupsafe

from pressgen.language.locale import locale_for
from pressgen.render.formats import output_path, relative_url
from pressgen.render.images import image_size
from pressgen.render.sanitize import json_ld_text

if TYPE_CHECKING:
    from pressgen import model
    from pressgen.render.formats import OutputContext
    from pressgen.render.release import Release


@dataclass(frozen=True)
class CardImage:
    """The picture a card shows: the release's image, or else the organisation's logo."""

    path: str  # from output_path("asset", …)
    alt: str
    media_type: str
    size: tuple[int, int] | None


def card_image(milestone: "model.Milestone", m: Any, context: "OutputContext") -> CardImage | None:
    """The release's image (``m`` is the milestone in the page's language), else its logo."""
    if milestone.image is not None:
        relative, alt = milestone.image.file, m.image.alt
    elif milestone.organisation is not None and milestone.organisation.logo:
        relative, alt = milestone.organisation.logo, m.organisation.name
    else:
        return None
    file = context.project_file(milestone, relative)
    return CardImage(output_path("asset", milestone.id, name=file.name), str(alt), file.kind.media_type,
                     image_size(file))


def og_locale(tag: str) -> str:
    """Open Graph's form of a language: ``fr_FR``, ``en_US``, ``fr_CA`` (language_TERRITORY)."""
    return locale_for(tag).cldr


def page_head(release: "Release", context: "OutputContext") -> SimpleNamespace:
    """What ``templates/base.html`` writes in the head of ``release``'s page."""
    site = context.site
    milestone, m = release.milestone, release.m
    here = output_path("html", milestone.id, release.locale)

    def address(tag: str) -> str:
        path = output_path("html", milestone.id, tag)
        return site.base_url.absolute(path) if site else relative_url(path, here)

    languages = [SimpleNamespace(hreflang=locale_for(tag).html_lang, href=address(tag)) for tag in context.locales]
    head = SimpleNamespace(canonical=None, languages=languages, x_default=None, open_graph=[], twitter=[],
                           json_ld=None, feed=None)
    head.open_graph = [("og:type", "article"), ("og:title", release.title), ("og:description", release.description),
                       ("og:locale", og_locale(release.locale))]
    head.open_graph += [("og:locale:alternate", og_locale(tag)) for tag in context.locales if tag != release.locale]
    if site is None:
        return head
    url = address(release.locale)
    head.canonical = url
    head.x_default = address(context.locales[0])
    head.feed = site.base_url.absolute(output_path("feed", locale=release.locale))
    head.open_graph += [("og:url", url), ("og:site_name", str(m.organisation.name))]
    image = card_image(milestone, m, context)
    if image is not None:
        head.open_graph += [("og:image", site.base_url.absolute(image.path)), ("og:image:type", image.media_type)]
        if image.size:
            head.open_graph += [("og:image:width", str(image.size[0])), ("og:image:height", str(image.size[1]))]
        head.open_graph.append(("og:image:alt", image.alt))
    head.twitter = [("twitter:card", "summary_large_image" if image is not None else "summary")]
    head.json_ld = markupsafe.Markup(json_ld_text(news_article(release, context, image)))
    return head


def news_article(release: "Release", context: "OutputContext", image: CardImage | None) -> dict[str, Any]:
    """schema.org ``NewsArticle`` for the page: the properties Google's Article documentation
    recommends (headline, image, datePublished, dateModified, author with name and url), the
    publisher with its logo, and the page's other languages."""
    site = context.site
    assert site is not None
    milestone, m = release.milestone, release.m
    home = site.base_url.root

    def page(tag: str) -> str:
        return site.base_url.absolute(output_path("html", milestone.id, tag))

    organisation: dict[str, Any] = {"@type": "Organization", "name": str(m.organisation.name), "url": home}
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": page(release.locale),
        "url": page(release.locale),
        "mainEntityOfPage": page(release.locale),
        "headline": release.title,
        "description": release.description,
        "inLanguage": locale_for(release.locale).html_lang,
        "datePublished": milestone.date.isoformat(),
        "dateModified": milestone.date.isoformat(),
        "author": [organisation],
    }
    if image is not None:
        article["image"] = [_image_object(site.base_url.absolute(image.path), image)]
    publisher = dict(organisation)
    if milestone.organisation is not None and milestone.organisation.logo:
        logo = context.project_file(milestone, milestone.organisation.logo)
        logo_image = CardImage(output_path("asset", milestone.id, name=logo.name), str(m.organisation.name),
                               logo.kind.media_type, image_size(logo))
        publisher["logo"] = _image_object(site.base_url.absolute(logo_image.path), logo_image)
    article["publisher"] = publisher
    original = context.locales[0]
    if release.locale == original:
        others = [tag for tag in context.locales if tag != original]
        if others:
            article["workTranslation"] = [{"@type": "NewsArticle", "@id": page(tag),
                                           "inLanguage": locale_for(tag).html_lang} for tag in others]
    else:
        article["translationOfWork"] = {"@type": "NewsArticle", "@id": page(original),
                                        "inLanguage": locale_for(original).html_lang}
    return article


def _image_object(url: str, image: CardImage) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "ImageObject", "url": url, "contentUrl": url}
    if image.size:
        found["width"], found["height"] = image.size
    if image.alt:
        found["caption"] = image.alt
    return found
