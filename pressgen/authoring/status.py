"""``pressgen status``: where every release stands, for a writer at a glance.

For each release: its status at a moment (draft, embargoed until …, published, or an embargo
that has ended while the file still says embargoed: public, as ``pressgen publish`` sees it),
the translations waiting for review, per language that has to catch up (from the drift lock),
the figures that differ between the languages (the audit), and the placeholders left. Shared
values (defaults, nouns) are reported once, apart. The preview's overview shows the same notes
(:func:`notes`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from pressgen import model
from pressgen.project.layout import Layout

_AUDIT = re.compile(r"figures differ between languages in (?P<id>[a-z0-9-]+): (?P<what>.*)", re.S)


@dataclass
class ReleaseStatus:
    id: str
    status: str  # draft, embargoed, published: as the file says
    public: bool  # readable by the public at the moment asked about
    date: str
    embargo_until: str | None
    embargo_lifted: bool  # still says embargoed, but its embargo has ended
    file: str  # where it is written
    review: dict[str, list[str]] = field(default_factory=dict)  # language to update → fields
    figures: list[str] = field(default_factory=list)  # what differs, as the audit says it
    placeholders: list[str] = field(default_factory=list)  # key paths

    @property
    def label(self) -> str:
        if self.embargo_lifted:
            return f"published: its embargo ended at {self.embargo_until} (set status: published)"
        if self.status == "embargoed":
            return f"embargoed until {self.embargo_until}"
        return self.status


@dataclass
class Status:
    at: str
    locales: list[str]
    releases: list[ReleaseStatus]
    shared_review: dict[str, list[str]] = field(default_factory=dict)
    shared_placeholders: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        out = asdict(self)
        for entry, release in zip(out["releases"], self.releases):
            entry["label"] = release.label
        return out


def status(layout: Layout, at: dt.datetime) -> Status:
    """The status of every release at ``at``; :class:`PressgenError` when the project does not read."""
    from pressgen.checks.drift import compare
    from pressgen.pipeline import load_project, render_project
    from pressgen.publish.visibility import embargo_lifted, is_public

    project = load_project(layout)
    rendered = render_project(layout, project)
    found = notes(project, rendered.releases, compare(project, layout.root))
    releases = []
    for index, milestone in enumerate(project.milestones):
        path = project.sources.item_path("milestones", index, milestone.id)
        place = project.sources.place(path)
        notes_of = found.get(milestone.id, Notes())
        releases.append(ReleaseStatus(
            id=milestone.id, status=milestone.status, public=is_public(milestone, at),
            date=milestone.date.isoformat(),
            embargo_until=milestone.embargo_until.isoformat() if milestone.embargo_until else None,
            embargo_lifted=embargo_lifted(milestone, at), file=place.file if place else "",
            review=notes_of.review, figures=notes_of.figures, placeholders=notes_of.placeholders))
    shared = found.get("", Notes())
    return Status(at.isoformat(), list(project.locales), releases, shared.review, shared.placeholders)


@dataclass
class Notes:
    """What is left to do on one release ("" for the shared values)."""

    review: dict[str, list[str]] = field(default_factory=dict)
    figures: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    def lines(self, locales: list[str] | tuple[str, ...] = ()) -> list[str]:
        """The notes in words, as the terminal and the preview show them: placeholders by field
        (``quotes[0].text``, not one per language)."""
        out = [f"translation to review in {language}: {', '.join(keys)}" for language, keys in self.review.items()]
        out += [f"figures differ: {text}" for text in self.figures]
        if self.placeholders:
            fields = list(dict.fromkeys(_field(path, locales) for path in self.placeholders))
            count = len(self.placeholders)
            out.append(f"{count} placeholder{'s' if count != 1 else ''} (TODO) left in: {', '.join(fields)}")
        return out


def _field(path: str, locales) -> str:
    """``paris-3-millions.quotes[0].text.fr`` → ``quotes[0].text``; shared ones keep their
    ``defaults.`` or ``nouns.``."""
    first, _, rest = path.partition(".")
    shown = path if first in ("defaults", "nouns") or not rest else rest
    last = shown.rsplit(".", 1)
    return last[0] if len(last) == 2 and last[1] in locales else shown


def notes(project: model.Project, releases: list, drift) -> dict[str, Notes]:
    """Each release's notes by id ("" for shared values), from a rendering and a drift comparison."""
    from pressgen.checks.audit import audit
    from pressgen.checks.placeholders import placeholders

    found: dict[str, Notes] = {}
    ids = {m.id for m in project.milestones}
    for flag in drift.flags:
        owner = flag.field.milestone if flag.field.milestone in ids else ""
        for language in flag.unchanged:  # the languages that must catch up
            found.setdefault(owner, Notes()).review.setdefault(language, []).append(flag.field.key)
    for problem in audit(project, releases):
        match = _AUDIT.match(problem.message)  # "figures differ between languages in <id>: <what>"
        milestone = match.group("id") if match and match.group("id") in ids else ""
        found.setdefault(milestone, Notes()).figures.append(match.group("what") if match else problem.message)
    for placeholder in placeholders(project):
        found.setdefault(placeholder.milestone, Notes()).placeholders.append(placeholder.key_path)
    return found


def text(report: Status) -> list[tuple[str, str]]:
    """The report as (line, style) pairs for the terminal; style is "", "ok" or "todo"."""
    lines: list[tuple[str, str]] = [(f"Releases as of {report.at}:", "")]
    for release in report.releases:
        todo = Notes(release.review, release.figures, release.placeholders).lines(report.locales)
        lines.append((f"  {release.id}  {release.date}  {release.label}  ({release.file})", "todo" if todo else "ok"))
        lines += [(f"      {line}", "todo") for line in todo]
    shared = Notes(report.shared_review, [], report.shared_placeholders).lines(report.locales)
    if shared:
        lines.append(("  shared values (defaults, nouns):", "todo"))
        lines += [(f"      {line}", "todo") for line in shared]
    return lines
