"""Run pressgen on a generated project and check what every outcome must satisfy.

Each example gets a fresh copy of the example project (sources and a built ``out/``) in a
temporary folder, is built in-process through :func:`pressgen.pipeline.build`, and must end in
one of two ways: files, or :class:`~pressgen.errors.PressgenError` whose every problem is
located inside the file it names. Never another exception, never a hang (``signal.alarm``
beside Hypothesis's deadline), never a file written outside ``out/`` (and the translation
lock), and a failed build leaves ``out/`` byte for byte as it was.

Profiles: ``pressgen`` (the default, part of ``make test``: few examples, fixed seed) and
``long`` (``make fuzz``, ``HYPOTHESIS_PROFILE=long``: thousands, random, with the example
database, so a failure found once is tried first next time).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from hypothesis import HealthCheck, settings

from helpers import PageAudit
from pressgen import pipeline
from pressgen.errors import PressgenError, Problem
from pressgen.project.layout import Layout

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_TEXT = (REPO / "milestones.yaml").read_text(encoding="utf-8")
RELEASE_TEMPLATE = "templates/fr/release.md"
RELEASE_TEXT = (REPO / RELEASE_TEMPLATE).read_text(encoding="utf-8")
HANG_SECONDS = 30  # far above the slowest example; a hang fails the example instead of the run

settings.register_profile(
    "pressgen", derandomize=True, database=None, deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=2000, deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "pressgen"))


def examples(default: int) -> int:
    """``default`` examples in the normal run; the profile's own number under ``long``."""
    return settings().max_examples if os.environ.get("HYPOTHESIS_PROFILE") == "long" else default


class Hang(Exception):
    """An example ran for more than :data:`HANG_SECONDS`."""


@contextmanager
def time_limit(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def stop(signum, frame):
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


_BUILT: Path | None = None


def built_example() -> Path:
    """The example project with a good build in its out/ (built once per test run)."""
    global _BUILT
    if _BUILT is None:
        folder = Path(tempfile.mkdtemp(prefix="pressgen-fuzz-example-")) / "project"
        folder.mkdir()
        for name in ("milestones.yaml", "templates", "images"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
        pipeline.build(Layout(folder))
        (folder / "translations.lock").unlink()
        _BUILT = folder
    return _BUILT


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Outcome:
    project: Path
    problems: list[Problem] | None  # None: the build succeeded
    written: dict[str, bytes]  # out/ after the build


def build(files: dict[str, str | bytes]) -> Outcome:
    """Build the example project with ``files`` (relative path → content) replaced, checking
    the properties every outcome must have; return what happened for further checks."""
    with tempfile.TemporaryDirectory(prefix="pressgen-fuzz-") as parent_name:
        parent = Path(parent_name)
        project = parent / "project"
        shutil.copytree(built_example(), project)
        for name, content in files.items():
            target = project / name
            if isinstance(content, str):
                content = content.encode("utf-8")
            target.write_bytes(content)
        before = snapshot(parent)
        problems = None
        with time_limit():
            try:
                pipeline.build(Layout(project))
            except PressgenError as error:
                problems = error.problems
        after = snapshot(parent)
        outside = {path for path in set(before) | set(after)
                   if before.get(path) != after.get(path)
                   and not path.startswith("project/out/") and path != "project/translations.lock"}
        assert not outside, f"written outside out/: {sorted(outside)}"
        out_before = {p: v for p, v in before.items() if p.startswith("project/out/")}
        out_after = {p: v for p, v in after.items() if p.startswith("project/out/")}
        if problems is not None:
            assert problems, "a PressgenError with no problem"
            for problem in problems:
                assert_located(project, problem)
            assert out_after == out_before, "a failed build changed out/"
        return Outcome(project, problems, {p.removeprefix("project/out/"): v for p, v in out_after.items()})


def assert_located(project: Path, problem: Problem) -> None:
    """The problem names a file of the project and a line inside it."""
    path = project / problem.file
    assert path.is_file(), f"the problem names no file of the project: {problem.format()}"
    lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    assert 1 <= problem.line <= max(1, len(lines)) + 1, f"line {problem.line} of {len(lines)}: {problem.format()}"
    assert problem.column >= 0, problem.format()
    assert problem.message, problem.format()


# -- what a page may hold ------------------------------------------------------------------
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


class _PageAudit(PageAudit):
    """Finds what would run or load something in a page: scripts, event handlers, links with
    another scheme, images or frames from elsewhere."""

    def audit_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A language link, the feed's or the canonical address: a browser fetches none of them.
        never_fetched = tag == "link" and dict(attrs).get("rel") in ("alternate", "canonical")
        if tag in ("script", "iframe", "object", "embed", "base", "frame"):
            self.findings.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"):
                parts = urlsplit(value)
                scheme = parts.scheme.lower()
                if scheme and scheme not in SAFE_SCHEMES:
                    self.findings.append(f"<{tag} {name}={value[:60]!r}> (scheme {scheme})")
                if (name != "href" or tag == "link" and not never_fetched) and (scheme or value.startswith("//")):
                    self.findings.append(f"<{tag} {name}={value[:60]!r}> (loads from another host)")
            if name == "style" and "url(" in (value or "").lower():
                self.findings.append(f"<{tag} style=…url(…)>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh>")


def page_findings(html: str) -> list[str]:
    audit = _PageAudit()
    audit.feed(html)
    audit.close()
    return audit.findings


def assert_pages_safe(outcome: Outcome) -> None:
    for path, content in outcome.written.items():
        if path.endswith(".html"):
            findings = page_findings(content.decode("utf-8"))
            assert not findings, f"out/{path}: {findings}"
