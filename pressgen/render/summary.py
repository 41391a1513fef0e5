"""A milestone as the site-wide pages see it: a few values per language, nothing rendered.

The newsroom front pages, the feeds and the sitemap are made from these summaries alone (see
:mod:`pressgen.render.newsroom`, :mod:`pressgen.render.feed`, :mod:`pressgen.render.sitemap`),
never from the releases themselves: a summary is small and plain (text, numbers, a date), so a
build can keep the summaries of the milestones that did not change and make the site-wide
pages again without rendering those releases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pressgen.render.formats import output_path
from pressgen.render.images import image_size

if TYPE_CHECKING:
    from pressgen import model
    from pressgen.render.formats import OutputContext
    from pressgen.render.release import Release


@dataclass(frozen=True)
class LanguageSummary:
    """The release in one language."""

    locale: str
    title: str  # the headline, plain text
    lead: str  # the lead, plain text
    status: str  # the release's own status line ("Sous embargo jusqu’au …")
    path: str  # its page, from output_path("html", …)
    organisation: str  # who announces, in this language
    image_alt: str = ""


@dataclass(frozen=True)
class ImageSummary:
    path: str  # from output_path("asset", …)
    media_type: str
    length: int  # in bytes, as a feed's enclosure states it
    size: tuple[int, int] | None


@dataclass(frozen=True)
class Summary:
    """One milestone for the site-wide pages."""

    id: str
    status: str  # draft, embargoed or published (as the rendered project says)
    date: dt.date
    languages: dict[str, LanguageSummary]  # in the project's order of languages
    image: ImageSummary | None = None

    @property
    def public(self) -> bool:
        """Whether feeds and the sitemap may list it: publish renders a lifted embargo as published."""
        return self.status == "published"


def summarize(milestone: "model.Milestone", releases: list["Release"], context: "OutputContext") -> Summary:
    """The summary of ``milestone`` from its releases (one per language)."""
    image = None
    if milestone.image is not None:
        file = context.project_file(milestone, milestone.image.file)
        image = ImageSummary(output_path("asset", milestone.id, name=file.name), file.kind.media_type,
                             len(file.data), image_size(file))
    languages = {}
    for release in releases:
        m = release.m
        languages[release.locale] = LanguageSummary(
            release.locale, release.title, release.description, release.status,
            output_path("html", milestone.id, release.locale), str(m.organisation.name),
            str(m.image.alt) if getattr(m, "image", None) is not None else "")
    return Summary(milestone.id, milestone.status, milestone.date, languages, image)


def newest_first(summaries: list[Summary]) -> list[Summary]:
    """Most recent first; on the same day, by id (the same order on every build)."""
    return sorted(sorted(summaries, key=lambda s: s.id), key=lambda s: s.date, reverse=True)


def moment(day: dt.date) -> str:
    """A milestone's day as the date-time a feed needs (RFC 3339), from the sources alone."""
    return f"{day.isoformat()}T00:00:00Z"


# -- kept in the build cache (pressgen.output.cache) ------------------------------------------
def summary_json(summary: Summary) -> dict[str, Any]:
    """``summary`` as plain JSON, for the build cache."""
    return {
        "id": summary.id, "status": summary.status, "date": summary.date.isoformat(),
        "languages": [[s.locale, s.title, s.lead, s.status, s.path, s.organisation, s.image_alt]
                      for s in summary.languages.values()],
        "image": None if summary.image is None else [
            summary.image.path, summary.image.media_type, summary.image.length,
            list(summary.image.size) if summary.image.size else None],
    }


def summary_from_json(value: dict[str, Any]) -> Summary:
    """The summary :func:`summary_json` wrote; ``ValueError``/``TypeError`` for anything else
    (the cache is then not used)."""
    languages = {}
    for item in value["languages"]:
        if len(item) != 7 or not all(isinstance(text, str) for text in item):
            raise ValueError("a language summary is seven texts")
        languages[item[0]] = LanguageSummary(*item)
    image = None
    if value["image"] is not None:
        path, media_type, length, size = value["image"]
        if not (isinstance(path, str) and isinstance(media_type, str) and isinstance(length, int)):
            raise TypeError("an image summary")
        if size is not None and not (len(size) == 2 and all(isinstance(n, int) for n in size)):
            raise TypeError("an image size")
        image = ImageSummary(path, media_type, length, tuple(size) if size else None)
    if not (isinstance(value["id"], str) and isinstance(value["status"], str)):
        raise TypeError("a summary")
    return Summary(value["id"], value["status"], dt.date.fromisoformat(value["date"]), languages, image)


def summary_digest(value: dict[str, Any]) -> str:
    """The SHA-256 of a summary as :func:`summary_json` gives it, kept in the build cache beside
    it: the site-wide pages' key is made of these, not of every summary made into JSON again."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def site_digest(locales: list[str], summaries: list[str]) -> str:
    """Everything the site-wide pages are made from besides their templates, the project's
    settings and pressgen itself (``summaries``: each milestone's :func:`summary_digest`, in
    the project's order): when it did not change, neither did they."""
    return hashlib.sha256(json.dumps([locales, summaries]).encode("utf-8")).hexdigest()
