"""``build --jobs``: several processes render, and the result is exactly one process's.

The example has three milestones, fewer than a process is worth
(:data:`pressgen.render.parallel.MILESTONES_PER_PROCESS`); the tests lower that threshold so
that two real worker processes render them.
"""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from helpers import JPEG, compiled_entries, compiled_parts, copy_example, copy_example_as_folder, png, tree
from pressgen.cli import main
from pressgen.project import ahead
from pressgen.render import parallel

pytestmark = pytest.mark.subprocess  # worker processes


@pytest.fixture(autouse=True)
def every_milestone_is_worth_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MILESTONES_PER_PROCESS", 1)
    monkeypatch.setattr(parallel, "BATCH", 1)
    monkeypatch.setattr(ahead, "FILES_PER_PROCESS", 1)  # release files decoded by two processes too
    monkeypatch.setattr(ahead, "BATCH", 1)


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--project", str(project), "build", "--no-cache", *args])
    captured = capsys.readouterr()
    # The progress line (shown once a build has taken a second: starting processes may) aside.
    return status, captured.out, re.sub(r"\r(  rendering [^\r]*)?(\x1b\[K)?", "", captured.err)


def test_two_processes_write_the_same_tree_with_the_same_messages(tmp_path: Path, capsys) -> None:
    one, two = copy_example(tmp_path / "one"), copy_example(tmp_path / "two")
    first, second = run(one, capsys, "--jobs", "1"), run(two, capsys, "--jobs", "2")
    assert first == second and first[0] == 0
    assert tree(one / "out") == tree(two / "out")


def test_two_processes_take_a_project_that_publishes_photographs(tmp_path: Path, capsys) -> None:
    """The project goes to the processes as a pickle, with the kind of every file it publishes:
    a JPEG or a PNG (which SVG's checks do not concern) as well as the example's drawings."""
    one, two = copy_example(tmp_path / "one"), copy_example(tmp_path / "two")
    for project in (one, two):
        (project / "images" / "photo.jpg").write_bytes(JPEG)
        (project / "images" / "chart.png").write_bytes(png(2, 3))
        source = project / "milestones.yaml"
        text = source.read_text(encoding="utf-8").replace("file: images/bravo-paris.svg", "file: images/photo.jpg")
        source.write_text(text.replace("logo: images/logo.svg", "logo: images/chart.png"), encoding="utf-8")
    first, second = run(one, capsys, "--jobs", "1"), run(two, capsys, "--jobs", "2")
    assert first == second and first[0] == 0, first
    built = tree(two / "out")
    assert built == tree(one / "out")
    assert built["paris-2-millions/photo.jpg"] == JPEG
    assert any(name.endswith("chart.png") for name in built)


def test_the_processes_keep_and_take_the_compiled_templates(tmp_path: Path) -> None:
    from pressgen.pipeline import build
    from pressgen.project.layout import Layout

    one, two, compiled = copy_example(tmp_path / "one"), copy_example(tmp_path / "two"), tmp_path / "cache" / "templates"
    build(Layout(one), use_cache=False, jobs=1)
    build(Layout(two), use_cache=False, jobs=2, user_cache=compiled.parent)
    kept = compiled_entries(compiled)
    names = [marshal.loads(compiled_parts(data)[1]).co_filename for _, data in kept.values()]
    assert any(name.endswith("release.md") for name in names)  # compiled in the workers
    build(Layout(two), use_cache=False, jobs=2, user_cache=compiled.parent)
    assert compiled_entries(compiled) == kept  # taken, not compiled again
    assert tree(one / "out") == tree(two / "out")


def test_errors_in_two_milestones_come_in_the_same_order(tmp_path: Path, capsys) -> None:
    projects = []
    for name in ("one", "two"):
        project = copy_example(tmp_path / name)
        template = project / "templates/en/release.md"
        text = template.read_text(encoding="utf-8")
        template.write_text(text.replace("{% set a = m.account %}", "{% set a = m.account %}"
                                         '{% if m.id != "paris-2-millions" %}{{ m.nowhere }}{% endif %}', 1),
                            encoding="utf-8")
        projects.append(project)
    first, second = run(projects[0], capsys, "--jobs", "1"), run(projects[1], capsys, "--jobs", "2")
    assert first[0] == 1 and first == second
    assert first[2].count("error:") == 1  # one template line, reported once
    assert not (projects[1] / "out").exists() or tree(projects[1] / "out") == {}


def test_release_files_decoded_by_two_processes_give_the_same_tree_and_the_next_build_reads_none(
        tmp_path: Path, capsys) -> None:
    one, two = copy_example_as_folder(tmp_path / "one"), copy_example_as_folder(tmp_path / "two")
    first, second = run(one, capsys, "--jobs", "1"), run(two, capsys, "--jobs", "2")
    assert first == second and first[0] == 0
    assert tree(one / "out") == tree(two / "out")
    assert (one / "translations.lock").read_bytes() == (two / "translations.lock").read_bytes()
    # What the processes decoded is kept for the next build, as what the build decodes itself is.
    from pressgen.pipeline import build
    from pressgen.project.layout import Layout

    cache = tmp_path / "cache"
    for number, release in enumerate(("paris-1-million", "paris-2-millions")):
        path = two / "releases" / f"{release}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"# edited {number}\n", encoding="utf-8")
        report = build(Layout(two), jobs=2, user_cache=cache)
        decoded = len(list((two / "releases").glob("*.yaml"))) if number == 0 else 1
        assert len(report.decoded) == decoded and report.rendered == []  # a comment changes no output
    assert report.decoded == ["releases/paris-2-millions.yaml"]


def test_the_processes_decode_each_release_file_as_the_build_does(tmp_path: Path) -> None:
    """decode_ahead's memo entries are byte for byte those the build's own decoding keeps."""
    from pressgen.project.folder import read_release
    from pressgen.project.layout import Layout
    from pressgen.project.memo import ReleaseMemo, settings_digest
    from pressgen.project.sources import SourceMap

    layout = Layout(copy_example_as_folder(tmp_path / "project"))
    files = list(enumerate(layout.release_files()))
    settings = settings_digest(layout.settings.read_bytes())
    locales, zone = ["fr", "en"], "Europe/Paris"
    entries = ahead.decode_ahead(layout, files, locales, zone, settings, jobs=2)
    here = ReleaseMemo()
    for index, path in files:
        read_release(layout, path, index, locales, SourceMap(), zone, here, settings)
    assert len(files) == 6 and entries == here.decoded_entries()


def test_a_release_file_with_mistakes_is_reported_as_by_one_process(tmp_path: Path, capsys) -> None:
    projects = []
    for name in ("one", "two"):
        project = copy_example_as_folder(tmp_path / name)
        for release, mistake in (("paris-1-million", "status: publish"), ("paris-2-millions", "statut: published")):
            path = project / "releases" / f"{release}.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("status: published", mistake, 1), encoding="utf-8")
        projects.append(project)
    first, second = run(projects[0], capsys, "--jobs", "1"), run(projects[1], capsys, "--jobs", "2")
    assert first[0] == 1 and first == second
    assert first[2].count("error:") == 2
    assert first[2].index("releases/paris-1-million.yaml:") < first[2].index("releases/paris-2-millions.yaml:")


# The build, with every file and milestone worth a process, killed outright (SIGKILL: it cannot
# tell anyone) as soon as its first pool of workers has sent back its first result.
KILLED_AMID_ITS_WORKERS = """
import os, signal, sys
from contextlib import contextmanager
from pressgen import workers
from pressgen.project import ahead
from pressgen.render import parallel

ahead.FILES_PER_PROCESS = parallel.MILESTONES_PER_PROCESS = 1
ahead.BATCH = parallel.BATCH = 1
real_pool = workers.worker_pool

@contextmanager
def pool_then_death(*args, **kwargs):
    with real_pool(*args, **kwargs) as pool:
        real_map = pool.map
        def first_result_then_death(*a, **k):
            results = real_map(*a, **k)
            yield next(results)
            os.kill(os.getpid(), signal.SIGKILL)
        pool.map = first_result_then_death
        yield pool

workers.worker_pool = pool_then_death
from pressgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


# The same build, with every file and milestone worth a process, left to finish.
EVERY_MILESTONE_WORTH_A_PROCESS = """
import sys
from pressgen.project import ahead
from pressgen.render import parallel

ahead.FILES_PER_PROCESS = parallel.MILESTONES_PER_PROCESS = 1
from pressgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def processes_marked(mark: str) -> list[int]:
    """The live processes whose environment holds ``mark`` (a build and the workers it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue  # gone meanwhile, or not ours
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
@pytest.mark.parametrize("work", ["decoding release files", "rendering"])
def test_the_workers_of_a_killed_build_end_with_it(tmp_path: Path, work: str) -> None:
    import os
    import subprocess
    import sys
    import time
    import uuid

    from helpers import REPO

    # The folder layout decodes its release files in workers first; one milestones.yaml goes
    # straight to rendering.
    project = (copy_example_as_folder if work.startswith("decoding") else copy_example)(tmp_path / "project")
    mark = f"PRESSGEN_TEST_RUN={uuid.uuid4().hex}"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, PRESSGEN_TEST_RUN=mark.split("=")[1], TMPDIR=str(temporary),
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    log = tmp_path / "build.log"  # a file, not a pipe: left workers would hold a pipe open
    with open(log, "wb") as output:
        build = subprocess.Popen([sys.executable, "-c", KILLED_AMID_ITS_WORKERS, "--project", str(project),
                                  "build", "--jobs", "2"], env=env, stdout=output, stderr=output)
        build_pid = build.pid
        build.wait(timeout=120)
    assert build.returncode == -9, log.read_text()  # killed amid its workers, not finished
    deadline = time.monotonic() + 20  # a worker looks for its parent five times a second
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = processes_marked(mark)
    for pid in left:  # not to leave them behind even when the test fails
        os.kill(pid, 9)
    assert left == []
    # The killed build could not delete what its workers started from; the next build does.
    assert [path.name.split("-")[2] for path in temporary.iterdir()] == [str(build_pid)]
    again = subprocess.run([sys.executable, "-c", EVERY_MILESTONE_WORTH_A_PROCESS, "--project", str(project),
                            "build", "--jobs", "2"], env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert list(temporary.iterdir()) == []


# The build, with every milestone worth a process, each rendering worker killed the moment it is
# started (as the memory killer may), before it has read what it starts from.
WORKERS_KILLED_AS_THEY_START = """
import os, signal, sys
from multiprocessing import util
from pressgen.render import parallel

parallel.MILESTONES_PER_PROCESS = 1
real_spawn = util.spawnv_passfds

def spawn_then_kill(path, args, passfds):
    pid = real_spawn(path, args, passfds)
    if not any("resource_tracker" in str(arg) for arg in args):
        os.kill(pid, signal.SIGKILL)
    return pid

util.spawnv_passfds = spawn_then_kill
from pressgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_worker_killed_as_it_starts_ends_the_build_with_a_message(tmp_path: Path) -> None:
    """What a rendering worker starts from (the project: over 64 KB from a few dozen releases)
    does not go through the pipe it is started with, which Python writes while holding its other
    end open: a worker killed as it started left the build waiting forever."""
    import os
    import subprocess
    import sys

    from helpers import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    project = tmp_path / "generated"  # 40 milestones in one milestones.yaml: no decoding ahead
    generate.write_project(project, generate.project(40), "file")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, TMPDIR=str(temporary),
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    build = subprocess.run([sys.executable, "-c", WORKERS_KILLED_AS_THEY_START, "--project", str(project),
                            "build", "--jobs", "2"], env=env, capture_output=True, text=True, timeout=60)
    assert build.returncode == 2, build.stderr
    assert "a rendering process stopped before its work was done" in build.stderr
    assert "out/ was not touched by this build" in build.stderr and "Traceback" not in build.stderr
    assert not (project / "out").exists() and list(temporary.iterdir()) == []
