"""One sandboxed Jinja2 environment per language, built once and reused for every milestone.

Templates are looked up along the language's fallback chain: ``templates/fr_CA/`` holds only
what differs from ``templates/fr/``, then come the shared ``templates/``. Templates run in
Jinja2's sandbox, so a template in a pull request cannot reach Python (``os.popen``, ``__class__``);
texts from the sources are values, never templates: ``{{ 7*7 }}`` in a quote is printed as typed.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType, SimpleNamespace, TracebackType

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from pressgen.language import filters_for
from pressgen.language.locale import Locale
from pressgen.language.zones import utc_offset
from pressgen.render.folders import template_folders
from pressgen.render.formats import output_path, relative_url


# What one ** or * in a template may make: more would compute for minutes ({{ 10 ** 10 ** 10 }})
# or take every byte of memory ({{ "a" * 10 ** 12 }}) before failing.
MAX_POWER_BITS = 10_000
MAX_REPEATED_ITEMS = 1_000_000
# How deep a template may render inside itself (through {% include %} or {% extends %}).
MAX_TEMPLATE_NESTING = 20


class TemplateRecursionError(jinja2.TemplateSyntaxError):
    """A template that includes or extends itself, or a macro that calls itself, without end;
    at the template line that recurs. (A syntax error's fields: its place and its message.)"""


class BoundedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with ``**`` and ``*`` refused past a size no release needs, and endless
    recursion reported at once."""

    intercepted_binops = frozenset({"**", "*"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every template name asked for (found or not) since the renderer last emptied it: what
        # a milestone's files were made from, for the build cache (pressgen.render.inputs).
        self.asked: set[str] = set()

    def _load_template(self, name, globals):  # noqa: A002 (Jinja2's name)
        """Every {% include %} and {% extends %} loads its template as it runs: one already
        rendering :data:`MAX_TEMPLATE_NESTING` times inside itself is refused there. Left to
        Python's recursion limit, each of the thousand levels would pass the output of the ones
        below it up (a minute for one release) before the error."""
        lines = [template.get_corresponding_lineno(frame.f_lineno)
                 for frame in _callers(sys._getframe(1))
                 if frame.f_code.co_name == "root"
                 and getattr(template := frame.f_globals.get("__jinja_template__"), "name", None) == name]
        if len(lines) >= MAX_TEMPLATE_NESTING:
            raise TemplateRecursionError(
                f"'{name}' includes or extends itself, directly or through another template: this never ends",
                lines[0], name, self._filename_of(name))
        self.asked.add(name)
        return super()._load_template(name, globals)

    def _filename_of(self, name: str) -> str | None:
        try:
            return self.loader.get_source(self, name)[1] if self.loader else None
        except jinja2.TemplateNotFound:
            return None

    def handle_exception(self, source: str | None = None):
        error, tb = sys.exc_info()[1:]
        if isinstance(error, RecursionError):
            # Jinja2 would rewrite the thousand frames of the traceback, a compile() each
            # (seconds per release); the template line that recurs is all a message needs.
            lines = Counter(
                (template.filename, template.get_corresponding_lineno(frame.tb_lineno))
                for frame in _frames(tb) if (template := frame.tb_frame.f_globals.get("__jinja_template__"))
            )
            filename, lineno = lines.most_common(1)[0][0] if lines else (None, 1)
            raise TemplateRecursionError(
                "a template that includes or extends itself, or a macro that calls itself, without end",
                lineno, filename=filename) from None
        return super().handle_exception(source)

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        """Jinja2's rule, answered at once for the model as a template sees it (the namespaces
        of :mod:`pressgen.render.localize`, read about 140 times a page): their attributes not
        starting with "_" are the fields localize set, which Jinja2's rule lets through too
        after asking whether the object is a function, a method, a class, a frame…"""
        if type(obj) is SimpleNamespace and not attr.startswith("_"):
            return True
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left, right):
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 \
                and right * abs(left).bit_length() > MAX_POWER_BITS:
            raise OverflowError(f"{left} ** {right} is too large a number")
        if operator == "*":
            sized, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sized, (str, list, tuple)) and isinstance(times, int) and len(sized) * times > MAX_REPEATED_ITEMS:
                raise OverflowError(f"repeating a value {times} times makes it too long")
        return super().call_binop(context, operator, left, right)


def _callers(frame: FrameType | None) -> Iterator[FrameType]:
    while frame is not None:
        yield frame
        frame = frame.f_back


def _frames(tb: TracebackType | None) -> Iterator[TracebackType]:
    while tb is not None:
        yield tb
        tb = tb.tb_next


def make_environment(templates: Path, locale: Locale, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """``compiled``: where compiled templates are kept between builds (pressgen.render.compiled)."""
    environment = BoundedSandbox(
        loader=jinja2.FileSystemLoader(template_folders(templates, locale)),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=False, default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        # Jinja2's constant folding is a third of compiling a template (7 of 25 ms for a
        # release.md, the largest part of a one-release build's own work), and what it folds
        # (a literal -1) is evaluated the same when the template runs.
        optimized=False,
        bytecode_cache=compiled,
    )
    environment.filters.update(filters_for(locale))
    environment.globals["utc_offset"] = utc_offset
    environment.globals["years_between"] = years_between
    environment.globals["url_for"] = url_for
    return environment


@jinja2.pass_context
def url_for(context: jinja2.runtime.Context, kind: str, milestone: str | None = None,
            locale: str | None = None, name: str | None = None) -> str:
    """A link from the page being rendered (``here`` in its context) to another output."""
    return relative_url(output_path(kind, milestone, locale, name), context["here"])


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end``: what « depuis 7 ans » means on the day."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))
