"""The web page: the release's HTML in ``templates/<locale>/page.html`` (which extends
``templates/base.html``, styles inlined: the page loads nothing from elsewhere), passed through
the allow-list sanitiser like every page pressgen writes."""

from __future__ import annotations

from types import SimpleNamespace

import markupsafe

from pressgen.render.formats import OutputContext, output_path
from pressgen.render.release import PAGE_TEMPLATE, Release
from pressgen.render.sanitize import sanitize_page
from pressgen.render.sharing import page_head


def render(release: Release, context: OutputContext) -> bytes:
    alternates = [SimpleNamespace(locale=other, name=context.language_names[other])
                  for other in context.locales if other != release.locale]
    here = output_path("html", release.milestone_id, release.locale)
    page = context.template(
        release.locale, PAGE_TEMPLATE, m=release.m, locale=release.locale, body=markupsafe.Markup(release.body),
        title=release.title, description=release.description, alternates=alternates,
        language_names=context.language_names, here=here, page=page_head(release, context),
    )
    return sanitize_page(page, here).encode("utf-8")
