"""Turn the checked project into output files, in memory: nothing here touches ``out/``.

Per language: one sandboxed Jinja2 environment (:mod:`pressgen.render.environment`) and one
Markdown converter, built once and reused for every milestone. Each release goes through the
steps of :mod:`pressgen.render.release`, then into every enabled format of
:mod:`pressgen.render.formats`; the site-wide pages (newsroom, feeds,
sitemap) are made from each milestone's summary (:mod:`pressgen.render.site`).
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterator

import jinja2
from jinja2.sandbox import SecurityError

from pressgen import model
from pressgen.errors import PressgenError, Problem, source_line
from pressgen.language import typeset_markdown
from pressgen.language.locale import Locale, locale_for
from pressgen.model.walk import project_files
from pressgen.project.files import VerifiedFile
from pressgen.project.layout import Layout
from pressgen.render.compiled import CompiledTemplates
from pressgen.render.environment import make_environment, utc_offset
from pressgen.render.formats import FORMATS, output_path
from pressgen.render.linebreaks import break_sentences
from pressgen.render.localize import localize
from pressgen.render.newsroom import NEWSROOM_TEMPLATE
from pressgen.render.sanitize import safe_body
from pressgen.render.site import render_site_pages
from pressgen.render.summary import Summary, summarize
from pressgen.render.release import (
    PAGE_TEMPLATE,
    RELEASE_TEMPLATE,
    Converter,
    Release,
    release_templates,
    render_parts,
    tidy_markdown,
)

__all__ = ["Release", "Rendered", "Renderer", "utc_offset"]


MilestoneRenderer = Callable[[model.Milestone], tuple[dict[str, bytes], list[Release]]]


@dataclass
class Rendered:
    """Every output file, by path relative to ``out/``, plus what the index and reports need."""

    files: dict[str, bytes]
    releases: list[Release]


@dataclass
class TemplateLines:
    """A rendered template, piece by piece, each with the template line that wrote it."""

    file: str  # as messages show it
    path: Path
    pieces: list[tuple[int, str]]


class Renderer:
    """Renders milestones; keeps one Jinja2 environment and Markdown converter per language."""

    def __init__(self, layout: Layout, project: model.Project, compiled: Path | None = None):
        """``compiled``: the folder where compiled templates are kept between builds, outside
        the project (:mod:`pressgen.render.compiled`); None compiles every template."""
        self.layout = layout
        self.project = project
        self._compiled = CompiledTemplates(compiled) if compiled is not None else None
        self._environments: dict[str, jinja2.Environment] = {}
        self._converters: dict[str, Converter] = {}
        self._formatted: dict[tuple[str, str, str], bytes] = {}

    # -- public ------------------------------------------------------------------------------
    def render_all(self, progress: Callable[[int, int, str], None] | None = None,
                   render_milestone: MilestoneRenderer | None = None) -> Rendered:
        """Every file of ``out/`` in memory; raises :class:`PressgenError` with every template problem.

        ``render_milestone`` replaces :meth:`render_milestone` (the preview passes one that
        reuses what did not change).
        """
        releases: list[Release] = []
        files = dict(self.stream(progress, render_milestone, releases.append))
        return Rendered(dict(sorted(files.items())), releases)

    def stream(self, progress: Callable[[int, int, str], None] | None = None,
               render_milestone: MilestoneRenderer | None = None,
               keep: Callable[[Release], None] | None = None) -> Iterator[tuple[str, bytes]]:
        """Every file of ``out/``, milestone by milestone as each is rendered, then the site-wide
        pages; nothing is held but the summaries (and what ``keep`` keeps of each release).
        Every template problem is raised at the end, together, before the site-wide pages."""
        render_one = render_milestone or self.render_milestone
        summaries: dict[str, Summary] = {}
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
            summaries[milestone.id] = summarize(milestone, milestone_releases, self)
            if keep is not None:
                for release in milestone_releases:
                    keep(release)
            yield from milestone_files.items()
        if problems:
            raise PressgenError(list(dict.fromkeys(problems)))
        yield from render_site_pages([summaries[m.id] for m in self.project.milestones], self).items()

    def render_milestone(self, milestone: model.Milestone) -> tuple[dict[str, bytes], list[Release]]:
        """The files of one milestone: one per language and enabled format, and the files it
        names (its image)."""
        files: dict[str, bytes] = {}
        releases = []
        for tag in self.project.locales:
            release = self._render_release(milestone, self._locale(tag))
            releases.append(release)
            self._formatted = {}  # this release's outputs, so that one format can carry another
            for name in self.project.outputs:  # in registry order (pressgen.project.rules)
                files[output_path(name, milestone.id, tag)] = self.render_format(name, release)
        for _, relative in project_files(milestone, milestone.id):
            checked = self.project_file(milestone, relative)
            files[output_path("asset", milestone.id, name=checked.name)] = checked.data
        return files, releases

    def asked_templates(self) -> set[tuple[str, str]]:
        """The templates (language, name) asked for since the last call: what a render used."""
        asked = set()
        for tag, environment in self._environments.items():
            asked |= {(tag, name) for name in environment.asked}
            environment.asked.clear()
        return asked

    # -- one release ---------------------------------------------------------------------------
    def _render_release(self, milestone: model.Milestone, locale: Locale) -> Release:
        tag = locale.tag
        m = localize(milestone, locale, self.project.nouns)
        source, parts = self._call_parts(tag, release_templates(milestone), m=m, locale=tag,
                                         here=output_path("md", milestone.id, tag))
        text = tidy_markdown(typeset_markdown(source, locale))
        converter = self._converter(tag)
        parts = {name: typeset_markdown(value, locale) if value.strip() else "" for name, value in parts.items()}
        title, status, description = (converter.plain(parts[name]) for name in ("headline", "status", "lead"))
        # One sentence per line in the Markdown (readable diffs); every other format starts
        # from the text before the breaks.
        return Release(milestone.id, tag, title or milestone.id, break_sentences(text, tag), status, description,
                       text, safe_body(converter.html(text)), parts, m, milestone)

    # -- what formats may ask (pressgen.render.formats.OutputContext) ----------------------------
    @property
    def locales(self) -> list[str]:
        return self.project.locales

    @property
    def site(self) -> model.Site | None:
        return self.project.site

    def template(self, language: str, name: str, /, **values: Any) -> str:
        return self._call(language, name, **values)

    def template_lines(self, language: str, name: str, /, **values: Any) -> TemplateLines:
        """Template ``name`` rendered as (template line, output) pieces, for checks that point
        at the line that wrote something (a post over its network's limit)."""
        def run(template: jinja2.Template) -> TemplateLines:
            pieces = []
            try:
                output = template.root_render_func(template.new_context(values))
                for piece in output:  # suspended at the yield that gave the piece
                    pieces.append((template.get_corresponding_lineno(output.gi_frame.f_lineno), piece))
            except Exception:
                template.environment.handle_exception()  # the traceback at template lines
            path = Path(template.filename) if template.filename else self.layout.templates
            return TemplateLines(self.layout.display(path), path, pieces)

        return self._guarded(language, name, run)

    def project_file(self, milestone: model.Milestone, relative: str) -> VerifiedFile:
        # What the project rules checked, not the file as it is now: it may have been replaced
        # since (pressgen.project.files).
        return self.project.files[relative]

    def render_format(self, name: str, release: Release) -> bytes:
        """``release`` as format ``name``, rendered once (the e-mail carries the wire text)."""
        key = (release.milestone_id, release.locale, name)
        if key not in self._formatted:
            self._formatted[key] = FORMATS[name].render(release, self)
        return self._formatted[key]

    def _call(self, language: str, name: str, /, **context: Any) -> str:
        """Render template ``name``; any template error becomes a located problem."""
        return self._guarded(language, name, lambda template: template.render(**context))

    def _call_parts(self, language: str, name: str | list[str], **context: Any) -> tuple[str, dict[str, str]]:
        """Render template ``name`` and the parts it names (see :mod:`pressgen.render.release`)."""
        return self._guarded(language, name, lambda template: render_parts(template, context))

    def _guarded(self, language: str, name: str | list[str], run: Callable[[jinja2.Template], Any]) -> Any:
        environment = self._environment(language)
        try:
            return run(environment.get_or_select_template(name))
        except jinja2.TemplateSyntaxError as error:
            filename = error.filename or _template_file(environment, error.name)
            raise PressgenError([self._template_problem(filename, error.lineno, error.message or str(error))]) from None
        except jinja2.TemplateNotFound as error:
            wanted = error.name or name
            filename, lineno = _template_frame(sys.exc_info()[2], self.layout.templates)
            if filename is not None:  # an {% include %} or {% extends %} of a missing file
                raise PressgenError([self._template_problem(filename, lineno, f"template '{wanted}' not found")]) from None
            raise PressgenError([Problem(
                self.layout.display(self.layout.templates / language), 0, 0, f"template '{wanted}' not found",
                hint=f"every language folder needs {RELEASE_TEMPLATE} and {PAGE_TEMPLATE} and {NEWSROOM_TEMPLATE}",
            )]) from None
        except (jinja2.TemplateError, SecurityError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
                RecursionError, MemoryError) as error:
            filename, lineno = _template_frame(sys.exc_info()[2], self.layout.templates)
            message = str(error) or type(error).__name__
            if isinstance(error, jinja2.UndefinedError):
                message += " (a misspelt name in the template, or a field this milestone does not have)"
            elif isinstance(error, RecursionError):  # in a template, environment.py locates it first
                message = "a template that includes or extends itself, or a macro that calls itself, without end"
            elif isinstance(error, MemoryError):
                message = "the template makes a value too large for memory"
            raise PressgenError([self._template_problem(filename, lineno, message)]) from None

    def _template_problem(self, filename: str | None, lineno: int | None, message: str) -> Problem:
        path = Path(filename) if filename else None
        name = self.layout.display(path) if path else "templates"
        line = lineno or 0
        return Problem(name, line, 0, f"template: {message}", source_line=source_line(path, None, line))

    # -- per-language machinery, built once ------------------------------------------------------
    def _environment(self, locale: str) -> jinja2.Environment:
        if locale not in self._environments:
            self._environments[locale] = make_environment(self.layout.templates, self._locale(locale), self._compiled)
        return self._environments[locale]

    def _locale(self, tag: str) -> Locale:
        """The language in the project's house style (``style:`` in milestones.yaml)."""
        return locale_for(tag, self.project.style)

    def _converter(self, locale: str) -> Converter:
        if locale not in self._converters:
            self._converters[locale] = Converter()
        return self._converters[locale]

    @functools.cached_property
    def language_names(self) -> dict[str, str]:
        """Each language's name in itself ("Français", "English"), for the language links."""
        return {locale: locale_for(locale).native_name for locale in self.project.locales}


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


def _template_file(environment: jinja2.Environment, name: str | None) -> str | None:
    """The file of template ``name``, for a syntax error Jinja2 gives without it."""
    if not name or environment.loader is None:
        return None
    if Path(name).is_file():  # some lexer errors give the file's path as the name
        return name
    try:
        return environment.loader.get_source(environment, name)[1]
    except jinja2.TemplateNotFound:
        return None
