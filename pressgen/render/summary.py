"""What the site-wide pages (the index) need of a release and of a milestone: small, and kept.

The build cache (:mod:`pressgen.output.cache`) stores each milestone's summaries, so the index
of an archive is rebuilt from them without rendering, typesetting or even importing what
renders a release. A site-wide page sees only these fields: one it needs besides must be added
here, where the cache's digest of the site's entries (:func:`site_digest`) covers it too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from pressgen import model
from pressgen.render.formats import INDEX

# The pages made from every milestone's summaries, by path under out/, each with the method of
# pressgen.render.renderer.Renderer that renders it from the list of SiteEntry.
SITE_PAGES: dict[str, str] = {INDEX: "render_index"}


@dataclass(frozen=True)
class Summary:
    """One release as the index lists it."""

    milestone_id: str
    locale: str
    title: str  # the headline, as plain text
    status: str  # its status line, in its language
    description: str  # its lead, as plain text

    @classmethod
    def of(cls, release) -> "Summary":
        """The summary of a :class:`pressgen.render.release.Release`."""
        return cls(release.milestone_id, release.locale, release.title, release.status, release.description)

    def as_json(self) -> list[str]:
        return [self.milestone_id, self.locale, self.title, self.status, self.description]

    @classmethod
    def from_json(cls, value: list[str]) -> "Summary":
        if len(value) != 5:
            raise ValueError("a summary has five fields")
        return cls(*value)


@dataclass(frozen=True)
class SiteEntry:
    """One milestone as a site-wide page sees it: a few fields and its releases' summaries."""

    id: str
    status: str
    date: dt.date
    embargo_until: dt.datetime | None
    releases: list[Summary]

    @classmethod
    def of(cls, milestone: model.Milestone, releases: list[Summary]) -> "SiteEntry":
        return cls(milestone.id, milestone.status, milestone.date, milestone.embargo_until, releases)


def site_digest(locales: list[str], entries: list[SiteEntry]) -> str:
    """Everything a site-wide page is made from, besides its templates and pressgen itself."""
    data = [locales, [[e.id, e.status, e.date.isoformat(), e.embargo_until.isoformat() if e.embargo_until else None,
                       [s.as_json() for s in e.releases]] for e in entries]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()
