"""Nothing lost: however a build stops, ``out/`` is as it was or as the new build writes it.

Real processes, real signals, real file systems: ``python -m pressgen build`` is killed
(SIGKILL), interrupted (SIGINT) or terminated (SIGTERM) at many points of its writing phase;
the disk fills up (a small tmpfs, or ``RLIMIT_FSIZE``); ``out/`` is read-only (a read-only bind
mount, or ``chmod``). After each, once the next command has run, ``out/`` must be exactly the
old tree or exactly the new one, with no staged or temporary file left, and ``build --check``
must name whatever does not belong in ``out/``.
"""

from __future__ import annotations

import copy
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from helpers import REPO, copy_example, ctrl_c_reaches_children, run_pressgen, tree
from pressgen.output.journal import FILES_NAME, JOURNAL_NAME, STAGING_NAME

# The generated project: 15 copies of the 3 example milestones (45), ~500 files in out/. Its texts
# are short (no quotes, no highlights) and it makes every format but the PDF (a third of a second
# each): rendering is not what is tested here, writing is. A Ctrl-C inside the PDF's renderer
# has its own test (test_outputs.py).
COPIES = 15
FOREIGN = "paris-1-million-0/notes.txt"  # not pressgen's: must survive every kill
UNCHANGED = "paris-2-millions-5/bravo-paris.svg"  # the same bytes in both versions: never touched
BROKEN_YAML = "locales: [fr, en]\nmilestones: [\n"


def sources(version: str) -> str:
    """``milestones.yaml`` in version "a" (copies 0…19) or "b" (copies 1…20, every text changed):
    from a to b, every release is rewritten, 3 milestones go (one folder keeps a foreign file)
    and 3 new folders come."""
    data = yaml.safe_load((REPO / "milestones.yaml").read_text(encoding="utf-8"))
    data["outputs"] = ["md", "html", "txt", "eml", "posts"]
    data["defaults"]["about"] = {"fr": "Paris Numérique rassemble les comptes de la Ville.",
                                 "en": "Paris Numérique brings together the City’s accounts."}
    first = 0 if version == "a" else 1
    milestones = []
    for i in range(first, first + COPIES):
        for base in data["milestones"][:3]:  # the social account's three
            m = copy.deepcopy(base)
            m["id"] = f"{m['id']}-{i}"
            m["headline"] = {"fr": f"Étape {i} de @Paris, version {version}",
                             "en": f"@Paris milestone {i}, version {version}"}
            m["record"] = {lang: f"{text} ({version}{i})" for lang, text in m["record"].items()}
            m.pop("quotes", None)
            m.pop("highlights", None)
            milestones.append(m)
    data["milestones"] = milestones
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def other(version: str) -> str:
    return "b" if version == "a" else "a"


def start_build(project: Path, log: Path, *args: str) -> subprocess.Popen:
    with open(log, "wb") as handle:
        return subprocess.Popen([sys.executable, "-m", "pressgen", "build", *args], cwd=project,
                                stdout=handle, stderr=subprocess.STDOUT)


def state(out: Path) -> str:
    """What a stopped build left: "committed" (a journal), "staged" (staged files, no journal),
    "emptied" (an empty staging folder: killed while deleting it) or "clean"."""
    staging = out / STAGING_NAME
    if (staging / JOURNAL_NAME).exists():
        return "committed"
    if (staging / FILES_NAME).exists():
        return "staged"
    return "emptied" if staging.exists() else "clean"


def outside_staging(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.startswith(f"{STAGING_NAME}/")}


def differences(found: dict[str, bytes], wanted: dict[str, bytes]) -> str:
    names = sorted(n for n in set(found) | set(wanted) if found.get(n) != wanted.get(n))
    return f"{len(names)} files differ, e.g. {names[:5]}"


def wait_for(proc: subprocess.Popen, path: Path) -> bool:
    """Poll until ``path`` exists (True) or the process ended (False)."""
    while proc.poll() is None:
        if path.exists():
            return True
        time.sleep(0.0002)
    return False


@dataclass
class Big:
    """The generated project, built in version "a", with both trees and the build's timings."""

    project: Path
    trees: dict[str, dict[str, bytes]]
    render: float  # seconds from the start to the first staged file
    stage: float  # from the first staged file to the journal
    commit: float  # from the journal to the end


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Big:
    root = tmp_path_factory.mktemp("big")
    project = root / "a"
    project.mkdir()
    for name in ("templates", "images"):
        shutil.copytree(REPO / name, project / name)
    (project / "milestones.yaml").write_text(sources("a"), encoding="utf-8")
    assert run_pressgen("build", cwd=project).returncode == 0
    (project / "out" / FOREIGN).write_text("a note of mine\n", encoding="utf-8")
    trees = {"a": tree(project / "out")}
    # Build "b" over "a" once, uninterrupted: the new tree, and how long each part takes.
    timed = root / "b"
    shutil.copytree(project, timed, symlinks=True)
    (timed / "milestones.yaml").write_text(sources("b"), encoding="utf-8")
    out = timed / "out"
    started = time.monotonic()
    proc = start_build(timed, root / "b.log")
    staged = time.monotonic() if wait_for(proc, out / STAGING_NAME) else started
    journaled = time.monotonic() if wait_for(proc, out / STAGING_NAME / JOURNAL_NAME) else staged
    assert proc.wait(120) == 0, (root / "b.log").read_text(encoding="utf-8")
    ended = time.monotonic()
    trees["b"] = tree(out)
    assert trees["a"][FOREIGN] == trees["b"][FOREIGN] and trees["a"][UNCHANGED] == trees["b"][UNCHANGED]
    assert sum(trees["a"].get(n) != data for n, data in trees["b"].items()) > 150
    return Big(project, trees, render=staged - started, stage=max(journaled - staged, 0.02),
               commit=max(ended - journaled, 0.005))


@dataclass
class Trial:
    signal: str
    anchor: str  # what the kill waited for: "start", "staging" or "journal"
    delay: float  # seconds after it
    left: str  # state() right after the process ended
    status: int
    result: str  # "old" or "new", once the next command ran


def kill_points(seed: int, staging: int, journal: int, big: Big) -> list[tuple[str, float]]:
    """Kill times spread over the build, seeded: one while rendering, ``staging`` spread over the
    staging of the files (and a little past it), ``journal`` over the commit (the first at once)."""
    rng = random.Random(seed)
    points = [("start", big.render * rng.uniform(0.2, 0.8))]
    points += [("staging", (i + rng.random()) / staging * big.stage * 1.15) for i in range(staging)]
    points += [("journal", (i + rng.random()) / journal * big.commit if i else 0.0) for i in range(journal)]
    rng.shuffle(points)
    return points


def run_chain(big: Big, folder: Path, sig: signal.Signals, points: list[tuple[str, float]]) -> list[Trial]:
    """Build the other version and stop it at each point in turn; check what the next command leaves."""
    project = folder / "project"
    shutil.copytree(big.project, project, symlinks=True)
    out = project / "out"
    source = project / "milestones.yaml"
    unchanged_stamp = (out / UNCHANGED).stat().st_mtime_ns
    on = "a"
    trials = []
    for number, (anchor, delay) in enumerate(points):
        new = other(on)
        old_tree, new_tree = big.trees[on], big.trees[new]
        source.write_text(sources(new), encoding="utf-8")
        log = folder / f"{number}.log"
        proc = start_build(project, log)
        if anchor == "start" or wait_for(proc, out / (STAGING_NAME if anchor == "staging"
                                                      else f"{STAGING_NAME}/{JOURNAL_NAME}")):
            time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(sig)
        status = proc.wait(120)
        left = state(out)
        raw = outside_staging(tree(out))
        what = f"{sig.name} {anchor}+{delay * 1000:.1f} ms (trial {number}, left {left}): {log.read_text(encoding='utf-8')[-600:]}"
        if left != "committed":  # no journal: out/ itself is already exactly one or the other
            assert raw in (old_tree, new_tree), f"{differences(raw, new_tree)}; {what}"
        if left == "staged":  # staged files and no journal: the build never committed
            assert raw == old_tree, f"{differences(raw, old_tree)}; {what}"
        if sig != signal.SIGKILL:
            assert left != "committed", f"the commit did not hold {sig.name} back: {what}"
        if sig == signal.SIGINT:
            assert left == "clean", f"Ctrl-C left a staging folder: {what}"
            # Done before the signal came (0), or stopped by it (after its report, when it lands as
            # the process ends): a Ctrl-C ends pressgen by SIGINT, as shells expect, wherever it lands.
            assert status in (0, -signal.SIGINT), what
            if "Interrupted; out/ is as it was" in log.read_text(encoding="utf-8"):
                assert status == -signal.SIGINT, what
        # The next command: usually a build with a typo in the YAML (it fails, after recovering);
        # after a kill past the commit point, `build --check`, which must say what it found.
        if left == "committed":
            after = run_pressgen("build", "--check", cwd=project)
            assert "unfinished journal of a build interrupted after its commit point" in after.stderr, after.stderr
        else:
            source.write_text(BROKEN_YAML, encoding="utf-8")
            after = run_pressgen("build", cwd=project)
            assert after.returncode == 1, after.stderr
            if left == "staged":
                assert "staging folder of a build interrupted before its commit point" in after.stderr, after.stderr
        assert "Traceback" not in after.stderr
        found = tree(out)
        expected = new_tree if left == "committed" else raw
        assert found == expected, f"{differences(found, expected)} after {what}"
        assert found in (old_tree, new_tree), f"a mixed or littered out/: {differences(found, new_tree)}; {what}"
        assert (out / UNCHANGED).stat().st_mtime_ns == unchanged_stamp, f"an unchanged file was rewritten: {what}"
        on = on if found == old_tree else new
        trials.append(Trial(sig.name, anchor, delay, left, status, "old" if found == old_tree else "new"))
    # And a last, uninterrupted build from there gives the new tree.
    source.write_text(sources(other(on)), encoding="utf-8")
    assert run_pressgen("build", cwd=project).returncode == 0
    assert tree(out) == big.trees[other(on)]
    return trials


def run_chains(big: Big, tmp_path: Path, chains: list[tuple[signal.Signals, list[tuple[str, float]]]]) -> list[Trial]:
    """The chains side by side (each on its own copy of the project)."""
    with ThreadPoolExecutor(max_workers=len(chains)) as pool:
        futures = []
        for number, (sig, points) in enumerate(chains):
            folder = tmp_path / f"chain{number}"
            folder.mkdir()
            futures.append(pool.submit(run_chain, big, folder, sig, points))
        trials = [trial for future in futures for trial in future.result()]
    summary = {(t.signal, t.left, t.result): 0 for t in trials}
    for t in trials:
        summary[(t.signal, t.left, t.result)] += 1
    print(f"{len(trials)} stops; (signal, left, result): count = {summary}")
    return trials


@pytest.mark.subprocess
def test_sigkill_at_any_moment_leaves_the_old_or_the_new_tree(big: Big, tmp_path: Path) -> None:
    chains = [(signal.SIGKILL, kill_points(seed, staging=5, journal=2, big=big)) for seed in (1, 2)]
    trials = run_chains(big, tmp_path, chains)
    left = {t.left for t in trials}
    # The points are spread so as to hit both sides of the commit point, not only its edges.
    assert {"staged", "committed"} <= left, [(t.anchor, t.delay, t.left) for t in trials]


@pytest.mark.subprocess
def test_sigint_and_sigterm_at_any_moment_leave_the_old_or_the_new_tree(big: Big, tmp_path: Path) -> None:
    with ctrl_c_reaches_children():
        chains = [(signal.SIGINT, kill_points(3, staging=3, journal=1, big=big)),
                  (signal.SIGTERM, kill_points(4, staging=3, journal=1, big=big))]
        trials = run_chains(big, tmp_path, chains)
    interrupted = [t for t in trials if t.signal == "SIGINT" and t.status == -signal.SIGINT]
    assert interrupted, "no Ctrl-C arrived before its build was over"


# -- deterministic stops at exact points: the build dies from inside, after a step of its own ----

DIE_AFTER = """
import os, signal, sys
from pressgen.output import journal, transaction

where, count = sys.argv[1], int(sys.argv[2])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if where == "journal":  # right after the commit point
    real_write = transaction.write_journal
    def write_journal(staging, steps):
        real_write(staging, steps)
        die()
    transaction.write_journal = write_journal
elif where == "staged":  # every file staged, the journal not yet written
    def write_journal(staging, steps):
        die()
    transaction.write_journal = write_journal
else:  # "moves": after `count` of the journal's moves (in a build, or in the recovery of one)
    class Os:
        done = 0
        def __getattr__(self, name):
            return getattr(os, name)
        def replace(self, source, target):
            if Os.done == count:
                die()
            Os.done += 1
            os.replace(source, target)
    journal.os = Os()

from pressgen.cli import main
sys.exit(main(sys.argv[3:]))
"""


def die_after(project: Path, where: str, *args: str, count: int = 0) -> subprocess.CompletedProcess[str]:
    """A real pressgen command that SIGKILLs itself at an exact point of its writing."""
    result = subprocess.run([sys.executable, "-c", DIE_AFTER, where, str(count), *args], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    return result


def edit_every_release(project: Path) -> None:
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Paris Numérique", "Paris Numérique (2)"), encoding="utf-8")


def test_an_interrupted_roll_forward_is_finished_by_the_next_command_even_if_that_one_dies_too(project: Path) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    edit_every_release(project)
    out = project / "out"
    old = tree(out)
    new_project = copy_example(project.parent / "expected")
    edit_every_release(new_project)
    assert run_pressgen("build", cwd=new_project).returncode == 0
    new = tree(new_project / "out")
    die_after(project, "moves", "build", count=5)  # killed after 5 moves: out/ is mixed for now
    assert state(out) == "committed"
    die_after(project, "moves", "build", "--check", count=3)  # its recovery killed after 3 more
    assert state(out) == "committed"
    result = run_pressgen("build", "--check", cwd=project)
    assert "unfinished journal of a build interrupted after its commit point; finished it" in result.stderr
    assert tree(out) == new and tree(out) != old
    # out/ is the new tree; the translation lock, written after out/, is all that is left to do.
    check = run_pressgen("build", "--check", cwd=project)
    assert check.stderr.splitlines()[:-1] == ["would rewrite translations.lock"], check.stderr


# -- a full disk, a read-only out/ --------------------------------------------------------------

def _mount(*args: str) -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None and subprocess.run(
        ["mount", *args], capture_output=True).returncode == 0


@contextmanager
def small_disk(folder: Path) -> Iterator[Path]:
    """A real 2 MiB tmpfs at ``folder`` (root only), unmounted afterwards."""
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        pytest.skip("needs root and a tmpfs mount (the RLIMIT_FSIZE test covers a write that fails)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(disk: Path, free: int) -> Path:
    """Leave about ``free`` bytes on ``disk``."""
    filler = disk / "filler"
    info = os.statvfs(disk)
    size = max(info.f_bavail * info.f_frsize - free, 0)
    with open(filler, "wb") as handle:
        while size > 0:
            chunk = min(size, 1 << 20)
            handle.write(b"\0" * chunk)
            size -= chunk
    return filler


def assert_left_as_it_was(result: subprocess.CompletedProcess[str], out: Path, before: dict[str, bytes],
                          reason: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.replace("\r", "\n")
    assert "\npressgen: cannot " in "\n" + message, message  # a line of its own, after the progress
    assert reason in message, message
    assert "out/ is as it was before this build: nothing in it was changed." in message, message
    assert tree(out) == before, differences(tree(out), before)


def test_a_full_disk_leaves_out_as_it_was_and_says_so(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        project = copy_example(disk / "project")
        assert run_pressgen("build", cwd=project).returncode == 0
        edit_every_release(project)
        out = project / "out"
        before = tree(out)
        for free in (0, 4096, 16384, 40960):  # fails on the first staged file, or later ones
            filler = fill(disk, free)
            result = run_pressgen("build", cwd=project)
            filler.unlink()
            assert_left_as_it_was(result, out, before, "No space left on device [ENOSPC]")
            assert "hint: free some disk space" in result.stderr
            assert "cannot write the new out/" in result.stderr  # names the file that did not fit
        assert run_pressgen("build", cwd=project).returncode == 0
        assert run_pressgen("build", "--check", cwd=project).returncode == 0


def test_a_file_too_large_to_write_leaves_out_as_it_was(project: Path) -> None:
    """``ulimit -f``: a real write that fails half-way (the file is cut at the limit), root or not."""
    assert run_pressgen("build", cwd=project).returncode == 0
    edit_every_release(project)
    out = project / "out"
    before = tree(out)
    limit = 4096  # the HTML pages are larger
    result = subprocess.run([sys.executable, "-m", "pressgen", "build"], cwd=project, capture_output=True, text=True,
                            timeout=120, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    assert_left_as_it_was(result, out, before, "File too large [EFBIG]")
    assert run_pressgen("build", cwd=project).returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only: a read-only bind mount as root, the permissions otherwise."""
    if os.geteuid() == 0:
        if not _mount("--bind", str(folder), str(folder)):
            pytest.skip("root, but no bind mount here: cannot make a folder read-only")
        try:
            if not _mount("-o", "remount,bind,ro", str(folder)):
                pytest.skip("root, but no read-only remount here")
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
        return
    folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    for path in folders:
        path.chmod(0o555)
    try:
        yield
    finally:
        for path in folders:
            path.chmod(0o755)


def test_a_read_only_out_is_left_as_it_was_and_said_so(project: Path) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    out = project / "out"
    with read_only(out):
        unchanged = run_pressgen("build", cwd=project)  # nothing to write: nothing to refuse
        assert unchanged.returncode == 0, unchanged.stderr
        edit_every_release(project)
        before = tree(out)
        result = run_pressgen("build", cwd=project)
        reason = "Read-only file system [EROFS]" if os.geteuid() == 0 else "Permission denied [EACCES]"
        assert_left_as_it_was(result, out, before, reason)
        check = run_pressgen("build", "--check", cwd=project)
        assert check.returncode == 1 and "Traceback" not in check.stderr
    assert run_pressgen("build", cwd=project).returncode == 0


# -- build --check names what does not belong in out/ --------------------------------------------

def test_build_check_names_leftovers_and_the_next_command_removes_only_staging(project: Path) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    out = project / "out"
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "paris-1-million" / ".pressgen-tmp-fr.md").write_text("half a rel", encoding="utf-8")
    staged = out / STAGING_NAME / "files" / "paris-1-million"
    staged.mkdir(parents=True)
    (staged / "fr.md").write_text("a staged file, never committed\n", encoding="utf-8")
    result = run_pressgen("build", "--check", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert ("out/.pressgen-staging: staging folder of a build interrupted before its commit point "
            "(no journal); deleted it before comparing (out/ is as that build found it)") in lines
    assert ("out/notes.txt: not written by pressgen (not in out/.pressgen-manifest): "
            "move it out of out/ or delete it") in lines
    assert ("out/paris-1-million/.pressgen-tmp-fr.md: temporary file of an interrupted build; "
            "no build writes it: delete it") in lines
    assert lines[-1].startswith("0 files would be changed, 38 unchanged; 3 other differences (above)")
    assert not (out / STAGING_NAME).exists()
    assert (out / "notes.txt").exists() and (out / "paris-1-million" / ".pressgen-tmp-fr.md").exists()
    (out / "notes.txt").unlink()
    (out / "paris-1-million" / ".pressgen-tmp-fr.md").unlink()
    assert run_pressgen("build", "--check", cwd=project).returncode == 0


@pytest.mark.parametrize("where", ["staged", "journal"])
def test_build_check_reports_an_interrupted_build_and_settles_it(project: Path, where: str) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    out = project / "out"
    old = tree(out)
    edit_every_release(project)
    die_after(project, where, "build")
    assert state(out) == {"staged": "staged", "journal": "committed"}[where]
    result = run_pressgen("build", "--check", cwd=project)
    assert result.returncode == 1
    assert not (out / STAGING_NAME).exists()
    if where == "journal":
        assert "out/.pressgen-staging/journal: unfinished journal of a build interrupted after its commit point; " \
               "finished it (" in result.stderr
        again = run_pressgen("build", "--check", cwd=project)  # out/ is the new tree, exactly: only
        assert again.stderr.splitlines()[:-1] == ["would rewrite translations.lock"]  # the lock is left
    else:
        assert "out/.pressgen-staging: staging folder of a build interrupted before its commit point" in result.stderr
        assert tree(out) == old
        assert "would rewrite out/paris-1-million/fr.md" in result.stderr


@pytest.mark.parametrize("command", [["build"], ["check"]])
def test_every_command_settles_an_interrupted_build_first(project: Path, command: list[str]) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    edit_every_release(project)
    die_after(project, "journal", "build")
    result = run_pressgen(*command, cwd=project)
    assert "pressgen: out/ held a build that was interrupted after its commit point: finished it" in result.stderr
    assert not (project / "out" / STAGING_NAME).exists()


# -- the API a streaming build uses ------------------------------------------------------------

def test_a_transaction_takes_files_one_at_a_time_and_touches_only_what_changed(tmp_path: Path) -> None:
    from pressgen.output.write import Transaction

    out = tmp_path / "out"
    with Transaction(out) as first:
        first.add("a/one.md", b"one\n")
        first.add("a/two.md", b"two\n")
        assert not (out / "a").exists()  # staged, not yet in place
        done = first.commit()
    assert done.written == [".pressgen-manifest", "a/one.md", "a/two.md"] and not done.removed
    stamp = (out / "a" / "one.md").stat().st_mtime_ns
    with Transaction(out) as second:
        second.add("a/one.md", b"one\n")
        second.add("b/three.md", b"three\n")
        done = second.commit()
    assert done.unchanged == ["a/one.md"] and done.removed == ["a/two.md"]
    assert done.written == [".pressgen-manifest", "b/three.md"]
    assert (out / "a" / "one.md").stat().st_mtime_ns == stamp
    assert tree(out) == {".pressgen-manifest": tree(out)[".pressgen-manifest"], "a/one.md": b"one\n",
                         "b/three.md": b"three\n"}


def test_leaving_a_transaction_without_commit_leaves_out_as_it_was(tmp_path: Path) -> None:
    from pressgen.output.write import Transaction

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_bytes(b"mine\n")
    with pytest.raises(RuntimeError, match="render failed"):
        with Transaction(out) as transaction:
            transaction.add("new/page.md", b"new\n")
            raise RuntimeError("render failed")
    assert tree(out) == {"keep.md": b"mine\n"}
    for name in ("../escape.md", "/etc/passwd", ".pressgen-manifest", f"{STAGING_NAME}/x"):
        with Transaction(out) as transaction, pytest.raises(ValueError):
            transaction.add(name, b"x")
    assert tree(out) == {"keep.md": b"mine\n"}


def test_a_second_writer_is_refused_while_a_build_writes(project: Path) -> None:
    from pressgen.output.write import Transaction

    assert run_pressgen("build", cwd=project).returncode == 0
    edit_every_release(project)
    out = project / "out"
    before = tree(out)
    with Transaction(out) as running:
        running.add("index.html", b"a build in progress\n")
        result = run_pressgen("build", cwd=project)
        assert result.returncode == 2
        assert "pressgen: out/ is being written by another pressgen process" in result.stderr
        check = run_pressgen("build", "--check", cwd=project)  # does not take the running build's staging
        assert "staging folder of a build that is running or was interrupted" in check.stderr
        assert (out / STAGING_NAME).exists()
    assert tree(out) == before


def test_serve_settles_an_interrupted_build_when_it_starts(project: Path) -> None:
    from pressgen.preview.command import serve
    from pressgen.project.layout import Layout

    assert run_pressgen("build", cwd=project).returncode == 0
    edit_every_release(project)
    die_after(project, "staged", "build")
    before = tree(project / "out")
    terminal: list[str] = []

    def stop(_preview) -> None:
        raise KeyboardInterrupt

    serve(Layout(project), "127.0.0.1", 0, echo=terminal.append, on_ready=stop)
    assert terminal[0] == ("pressgen: out/ held the staging folder of a build interrupted before its commit point: "
                           "deleted it (out/ is as that build found it).")
    assert tree(project / "out") == {n: d for n, d in before.items() if not n.startswith(STAGING_NAME)}


@pytest.mark.parametrize("name", ["../escape.txt", "ABSOLUTE", "a//b.html", "a/./b.html", "a/../b.html", "", "a/",
                                  ".pressgen-manifest", ".pressgen-cache", f"{STAGING_NAME}/x.html", "/ABSOLUTE"])
def test_a_transaction_refuses_a_name_outside_its_own_files(tmp_path: Path, name: str) -> None:
    """Whatever a caller asks, a build writes and keeps only plain names inside out/, never its
    manifest, its cache or its staging folder. The names that leave out/ point into this test's
    own folder, so that a regression writes nowhere else, and nothing may appear there."""
    from pressgen.output.transaction import Transaction

    name = name.replace("ABSOLUTE", str(tmp_path / "outside.txt"))  # "/ABSOLUTE": a name starting "//"
    with Transaction(tmp_path / "out") as output:
        with pytest.raises(ValueError, match="not a file pressgen may write"):
            output.add(name, b"x")
        with pytest.raises(ValueError, match="not a file pressgen may write"):
            output.keep(name)
        output.add("paris-2-millions/fr.html", b"<p>ok</p>\n")
        output.commit(b"")
    assert (tmp_path / "out" / "paris-2-millions" / "fr.html").read_bytes() == b"<p>ok</p>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
