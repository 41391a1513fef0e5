"""Turn the checked project into output files, in memory: nothing here touches ``out/``.

Per language: one Jinja2 environment (strict undefined, HTML autoescaping) and one Markdown
converter, built once and reused for every milestone. A release is rendered from
``templates/<locale>/release.md``, typeset, converted to HTML and wrapped in
``templates/<locale>/page.html``. ``templates/index.html`` lists every release.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace, TracebackType
from typing import Any, Callable

import jinja2
import markdown
import markupsafe

from pressgen import model
from pressgen.errors import PressgenError, Problem, source_line
from pressgen.language import NounForms, filters_for, locale_for, typeset_markdown, typeset_text
from pressgen.project.layout import Layout
from pressgen.render.linebreaks import break_sentences

RELEASE_TEMPLATE = "release.md"
PAGE_TEMPLATE = "page.html"
INDEX_TEMPLATE = "index.html"
MARKDOWN_EXTENSIONS = ["attr_list", "sane_lists"]


@dataclass(frozen=True)
class Release:
    """One milestone in one language, rendered."""

    milestone_id: str
    locale: str
    title: str
    markdown: str
    html: str
    status: str = ""  # the release's own status line, in its language ("Sous embargo jusqu’au …")


MilestoneRenderer = Callable[[model.Milestone], tuple[dict[str, bytes], list[Release]]]


@dataclass
class Rendered:
    """Every output file, by path relative to ``out/``, plus what the index and reports need."""

    files: dict[str, bytes]
    releases: list[Release]


class Renderer:
    """Renders milestones; keeps one Jinja2 environment and Markdown converter per language."""

    def __init__(self, layout: Layout, project: model.Project):
        self.layout = layout
        self.project = project
        self._environments: dict[str, jinja2.Environment] = {}
        self._converters: dict[str, markdown.Markdown] = {}

    # -- public ------------------------------------------------------------------------------
    def render_all(self, progress: Callable[[int, int, str], None] | None = None,
                   render_milestone: MilestoneRenderer | None = None) -> Rendered:
        """Every file of ``out/``; raises :class:`PressgenError` with every template problem.

        ``render_milestone`` replaces :meth:`render_milestone` (the preview passes one that
        reuses what did not change).
        """
        render_one = render_milestone or self.render_milestone
        files: dict[str, bytes] = {}
        releases: list[Release] = []
        problems: list[Problem] = []
        total = len(self.project.milestones)
        for number, milestone in enumerate(self.project.milestones, 1):
            if progress is not None:
                progress(number, total, milestone.id)
            try:
                milestone_files, milestone_releases = render_one(milestone)
            except PressgenError as error:
                problems.extend(error.problems)
                continue
            files.update(milestone_files)
            releases.extend(milestone_releases)
        if problems:
            raise PressgenError(list(dict.fromkeys(problems)))
        files["index.html"] = self.render_index(releases)
        return Rendered(dict(sorted(files.items())), releases)

    def render_milestone(self, milestone: model.Milestone) -> tuple[dict[str, bytes], list[Release]]:
        """The files of one milestone: ``<id>/<locale>.md``, ``<id>/<locale>.html`` and its image."""
        files: dict[str, bytes] = {}
        releases = []
        for locale in self.project.locales:
            release = self._render_release(milestone, locale)
            releases.append(release)
            files[f"{milestone.id}/{locale}.md"] = release.markdown.encode("utf-8")
            files[f"{milestone.id}/{locale}.html"] = release.html.encode("utf-8")
        if milestone.image is not None:
            image = self.layout.root / milestone.image.file
            files[f"{milestone.id}/{Path(milestone.image.file).name}"] = image.read_bytes()
        return files, releases

    def render_index(self, releases: list[Release]) -> bytes:
        by_id: dict[str, dict[str, Release]] = {}
        for release in releases:
            by_id.setdefault(release.milestone_id, {})[release.locale] = release
        entries = []
        for milestone in self.project.milestones:
            entries.append(SimpleNamespace(
                id=milestone.id,
                status=milestone.status,
                date=milestone.date,
                embargo_until=milestone.embargo_until,
                releases=[by_id[milestone.id][locale] for locale in self.project.locales],
            ))
        first = self.project.locales[0]
        text = self._call(first, INDEX_TEMPLATE, milestones=entries, locales=self.project.locales,
                          language_names=self.language_names)
        return text.encode("utf-8")

    # -- one release ---------------------------------------------------------------------------
    def _render_release(self, milestone: model.Milestone, locale: str) -> Release:
        m = localize(milestone, locale, self.project.nouns)
        source = self._call(locale, RELEASE_TEMPLATE, m=m, locale=locale)
        text = _tidy_markdown(typeset_markdown(source, locale))
        converter = self._converter(locale)
        body = converter.reset().convert(text)
        title = _first_text(body, "h1") or milestone.id
        description = _first_text(body.split("</h1>", 1)[-1], "p")
        alternates = [
            SimpleNamespace(locale=other, name=self.language_names[other], href=f"{other}.html")
            for other in self.project.locales if other != locale
        ]
        page = self._call(
            locale, PAGE_TEMPLATE, m=m, locale=locale, body=markupsafe.Markup(body), title=title,
            description=description, alternates=alternates, language_names=self.language_names,
        )
        # One sentence per line in the Markdown (readable diffs); the HTML above was converted
        # from the text before the breaks, so it is unchanged by them.
        status = _first_text(body.split("<h1", 1)[0], "p")
        return Release(milestone.id, locale, title, break_sentences(text, locale), page, status)

    def _call(self, language: str, name: str, **context: Any) -> str:
        """Render template ``name``; any template error becomes a located problem."""
        environment = self._environment(language)
        try:
            return environment.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as error:
            raise PressgenError([self._template_problem(error.filename, error.lineno, error.message or str(error))]) from None
        except jinja2.TemplateNotFound as error:
            wanted = error.name or name
            raise PressgenError([Problem(
                self.layout.display(self.layout.templates / language), 0, 0, f"template '{wanted}' not found",
                hint=f"every language folder needs {RELEASE_TEMPLATE} and {PAGE_TEMPLATE}; templates/ needs {INDEX_TEMPLATE}",
            )]) from None
        except (jinja2.UndefinedError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as error:
            filename, lineno = _template_frame(sys.exc_info()[2], self.layout.templates)
            message = str(error)
            if isinstance(error, jinja2.UndefinedError):
                message += " (a misspelt name in the template, or a field this milestone does not have)"
            raise PressgenError([self._template_problem(filename, lineno, message)]) from None

    def _template_problem(self, filename: str | None, lineno: int | None, message: str) -> Problem:
        path = Path(filename) if filename else None
        name = self.layout.display(path) if path else "templates"
        line = lineno or 0
        return Problem(name, line, 0, f"template: {message}", source_line=source_line(path, None, line))

    # -- per-language machinery, built once ------------------------------------------------------
    def _environment(self, locale: str) -> jinja2.Environment:
        if locale not in self._environments:
            environment = jinja2.Environment(
                loader=jinja2.FileSystemLoader([self.layout.templates / locale, self.layout.templates]),
                undefined=jinja2.StrictUndefined,
                autoescape=jinja2.select_autoescape(["html"], default_for_string=False, default=False),
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
                auto_reload=False,
            )
            environment.filters.update(filters_for(locale))
            environment.filters["typeset"] = lambda text: typeset_text(str(text), locale)
            environment.globals["utc_offset"] = utc_offset
            environment.globals["years_between"] = years_between
            self._environments[locale] = environment
        return self._environments[locale]

    def _converter(self, locale: str) -> markdown.Markdown:
        if locale not in self._converters:
            self._converters[locale] = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
        return self._converters[locale]

    @functools.cached_property
    def language_names(self) -> dict[str, str]:
        """Each language's name in itself ("Français", "English"), for the language links."""
        return {locale: locale_for(locale).native_name for locale in self.project.locales}


def localize(value: Any, locale: str, nouns: dict[str, model.PerLocale]) -> Any:
    """The model seen from one language: every translated field becomes its text in ``locale``,
    every noun reference becomes that language's :class:`NounForms`."""
    if isinstance(value, model.PerLocale):
        return localize(value[locale], locale, nouns)
    if isinstance(value, model.NounRef):
        return nouns[value][locale]
    if dataclasses.is_dataclass(value) and not isinstance(value, (type, NounForms)):
        return SimpleNamespace(**{f.name: localize(getattr(value, f.name), locale, nouns)
                                  for f in dataclasses.fields(value)})
    if isinstance(value, list):
        return [localize(item, locale, nouns) for item in value]
    return value


def utc_offset(moment: dt.datetime) -> str:
    """``UTC+1``, ``UTC−3:30``: a time zone as a reader understands it, from an aware datetime."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end``: what « depuis 7 ans » means on the day."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _tidy_markdown(text: str) -> str:
    """One blank line between blocks and one final newline, whatever the template's spacing."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def _first_text(fragment: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", fragment, re.S)
    if not match:
        return ""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


def _template_frame(tb: TracebackType | None, templates: Path) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file: Jinja2 maps it to the template line."""
    found: tuple[str | None, int | None] = (None, None)
    root = str(templates)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(root):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
