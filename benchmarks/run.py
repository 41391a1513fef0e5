"""`make bench`: how fast pressgen is, as ratios measured side by side, against its targets.

For each size (100 and 1,000 milestones; 10,000 with --large) it generates a project whose
milestones are all distinct (benchmarks/generate.py), then times, in interleaved rounds and as
real subprocesses in temporary folders: a full build, the floor (benchmarks/floor.py, with and
without typography), Pelican and MkDocs on the same pages (benchmarks/peers.py), a no-op
build, a build after one edited quote, `pressgen check` and `pressgen build --check`. It
prints medians of per-round ratios and the absolute figures, each next to its target
(benchmarks/report.py), and writes every figure to benchmarks/results.json. A missed target
is reported, never turned into a failure: the exit status is 0 unless the benchmark broke.

    python benchmarks/run.py                       # 100 and 1,000 milestones
    python benchmarks/run.py --large               # and 10,000
    python benchmarks/run.py --sizes 100 --runs 3
    python benchmarks/run.py --build-args="--jobs 2"
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
import peers
import report
from report import Row, Section
from timing import BenchError, Case, one_round, paired, run

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_SIZES = [100, 1_000]
LARGE = 10_000


@dataclass
class Settings:
    sizes: list[int]
    runs: int | None  # None: by size (see default_runs), within the budget
    budget_s: float
    peers: bool
    peers_max: int | None  # None: each peer's own limit (peers.PEERS)
    seed: int
    build_args: list[str]
    check_args: list[str]
    json_path: Path
    keep: bool
    layout: str = "auto"  # "file", "folder", or "auto" (see project_layout)
    started: float = field(default_factory=time.perf_counter)


def default_runs(milestones: int) -> int:
    """Three rounds (a median of three paired ratios), one at 10,000 milestones."""
    return 3 if milestones <= 3_000 else 1


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def child_env(cache: Path) -> dict[str, str]:
    """The children import this checkout's pressgen, and any cache a tool keeps in the user's
    cache folder lives in ``cache`` (fresh for cold builds, kept for warm ones)."""
    env = dict(os.environ)
    # As installed, pressgen and its libraries are imported from bytecode: a child told not to
    # write it would compile every module on every run, and measure that.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["XDG_CACHE_HOME"] = str(cache)
    return env


def pressgen(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pressgen", "--project", str(project), *args]


def written(sample_stdout: str) -> int:
    """How many files a build says it wrote ("Built 3 milestones into out/: 15 written, …")."""
    found = re.search(r"(\d+) written", sample_stdout)
    return int(found.group(1)) if found else -1


def fresh(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def copy_sources(source: Path, target: Path) -> None:
    """A project as a fresh clone has it: sources and translations.lock, no out/."""
    fresh(target)
    target.mkdir(parents=True)
    for name in ("milestones.yaml", "pressgen.yaml", "translations.lock"):
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    for name in ("templates", "images", "releases"):
        if (source / name).exists():
            shutil.copytree(source / name, target / name)


# -- start-up and the example project ---------------------------------------------------------
def startup(work: Path, settings: Settings, raw: dict[str, Any]) -> Section:
    example = work / "example"
    copy_sources(REPO, example)
    env = child_env(work / "example-cache")
    run(pressgen(example, "build"), example, env)  # out/ as the repository has it
    cases = {
        "python": Case("python -c pass", [sys.executable, "-c", "pass"], example, env),
        "help": Case("pressgen --help", [sys.executable, "-m", "pressgen", "--help"], example, env),
        "example-noop": Case("example build, nothing changed", pressgen(example, "build", *settings.build_args), example, env),
    }
    rounds = max(10, 3 * (settings.runs or 3))
    rng = random.Random(settings.seed)
    log(f"start-up: {rounds} rounds")
    for _ in range(rounds):
        one_round(list(cases.values()), rng)
    noop = cases["example-noop"]
    if written(noop.samples[-1].stdout) != 0:
        raise BenchError("the example's build with nothing changed wrote files:\n" + noop.samples[-1].stdout[:500])
    help_ratio = paired(cases["help"], cases["python"])
    help_cpu = paired(cases["help"], cases["python"], cpu=True).median
    raw["startup"] = {"rounds": rounds, **{k: {"seconds": c.seconds(), "cpu_seconds": [s.cpu_seconds for s in c.samples]}
                                           for k, c in cases.items()}}
    return Section(f"start-up and the example project ({rounds} rounds)", [
        Row("pressgen --help / python -c pass", help_ratio.median, "x", report.RATIO_TARGETS["help/python"],
            (help_ratio.low, help_ratio.high), help_cpu),
        Row("example build, nothing changed", noop.median() * 1000, "ms",
            report.SECONDS_TARGETS[("example-noop", 0)] * 1000, cpu=noop.median_cpu() * 1000),
        Row("python -c pass", cases["python"].median() * 1000, "ms", cpu=cases["python"].median_cpu() * 1000),
        Row("pressgen --help", cases["help"].median() * 1000, "ms", cpu=cases["help"].median_cpu() * 1000),
    ])


# -- one project size -------------------------------------------------------------------------
@dataclass
class Bench:
    """The folders and cases of one size; the rounds fill the cases' samples."""

    milestones: int
    pages: int
    cases: dict[str, Case]
    peer_pages: dict[str, int]
    paragraphs: tuple[int, int, list[str]]
    skipped: list[str] = field(default_factory=list)
    layout: str = "file"  # "file": milestones.yaml; "folder": pressgen.yaml and releases/
    typography: list[dict[str, Any]] = field(default_factory=list)  # typography_share's figures, a run each


def set_up(n: int, root: Path, settings: Settings) -> Bench:
    """Generate the project, build it once (its lock and a warm out/), prepare the peers' sites."""
    log(f"{n} milestones: generating and building once")
    generated = generate.project(n, settings.seed)
    data = generated.data
    layout = project_layout(settings.layout, generated)
    source = root / "source"
    generate.write_project(source, generated, layout)
    if layout == "folder":  # the floor reads the one file (with YAML's own loader, no size limit)
        (source / "milestones.yaml").write_text(generated.yaml(), encoding="utf-8")
    warm = root / "warm"
    copy_sources(source, warm)
    if layout == "folder":
        (warm / "milestones.yaml").unlink()
    warm_env = child_env(root / "warm-cache")
    # The rounds' `pressgen check` shows that pressgen accepts the project: a failure stops the run.
    run(pressgen(warm, "build", *settings.build_args), warm, warm_env)
    shutil.copy2(warm / "translations.lock", source / "translations.lock")
    paragraphs = generate.repeated_paragraphs(warm)
    pages = len(list((warm / "out").glob("*/*.md")))

    full_dir = root / "full"
    cold_env = child_env(full_dir / "cache")
    serial = iter(range(10**9))

    def edit() -> None:
        if layout == "folder":
            (warm / "releases" / f"{generated.edited_id}.yaml").write_text(generated.release_yaml(next(serial)),
                                                                           encoding="utf-8")
        else:
            (warm / "milestones.yaml").write_text(generated.yaml(next(serial)), encoding="utf-8")

    def full_project() -> None:  # as on a fresh clone and a fresh machine: no compiled templates either
        copy_sources(source, full_dir / "project")
        fresh(full_dir / "cache")
        if layout == "folder":
            (full_dir / "project" / "milestones.yaml").unlink()

    cases = {
        "full": Case("full build", pressgen(full_dir / "project", "build", *settings.build_args), root, cold_env,
                     prepare=full_project),
        "floor": Case("floor", [sys.executable, str(HERE / "floor.py"), str(source), str(root / "floor-out")], root,
                      cold_env, prepare=lambda: fresh(root / "floor-out")),
        "floor-notypo": Case("floor without typography", [sys.executable, str(HERE / "floor.py"), str(source),
                             str(root / "floor-notypo-out"), "--no-typography"], root, cold_env,
                             prepare=lambda: fresh(root / "floor-notypo-out")),
        "noop": Case("no-op build", pressgen(warm, "build", *settings.build_args), warm, warm_env),
        "edit": Case("one-quote edit build", pressgen(warm, "build", *settings.build_args), warm, warm_env, prepare=edit),
        "check": Case("pressgen check", pressgen(warm, "check", *settings.check_args), warm, warm_env),
        "build-check": Case("pressgen build --check", pressgen(warm, "build", "--check", *settings.build_args), warm,
                            warm_env),
    }
    peer_pages: dict[str, int] = {}
    skipped: list[str] = []
    dates = {m["id"]: str(m["date"]) for m in data["milestones"]}
    for name, prepare_site, command in (
        ("pelican", lambda site: peers.prepare_pelican(warm / "out", site, source / "images", dates), peers.pelican_command),
        ("mkdocs", lambda site: peers.prepare_mkdocs(warm / "out", site), peers.mkdocs_command),
    ):
        label, limit = peers.PEERS[name]
        limit = settings.peers_max if settings.peers_max is not None else limit
        if not settings.peers:
            continue
        if limit is not None and n > limit:
            skipped.append(f"{label} skipped above {limit:,} milestones (--peers-max)")
            continue
        site = root / name
        peer_pages[name] = prepare_site(site)
        cases[name] = Case(label, command(site), site, child_env(site / ".cache"),
                           prepare=lambda site=site: [fresh(p) for p in peers.outputs(site)])
    return Bench(n, pages, cases, peer_pages, paragraphs, skipped, layout)


def project_layout(asked: str, generated: generate.Project) -> str:
    """The layout to generate: as asked, or ("auto") one file while it stays within pressgen's
    size limit for a file, one file per release above it (10,000 milestones make 39 MB)."""
    from pressgen.project.limits import MAX_FILE_BYTES

    if asked != "auto":
        return asked
    return "file" if len(generated.yaml().encode("utf-8")) <= MAX_FILE_BYTES else "folder"


def measure(bench: Bench, settings: Settings, last: bool) -> int:
    """Run the rounds; at the last size, fewer when the rest would overrun the time budget."""
    target = settings.runs or default_runs(bench.milestones)
    rng = random.Random(settings.seed + bench.milestones)
    rounds = 0
    while rounds < target:
        log(f"{bench.milestones} milestones: round {rounds + 1}/{target}")
        seconds = one_round(list(bench.cases.values()), rng, lambda text: log(f"  {text}"))
        rounds += 1
        if rounds == 1 and settings.runs is None and last and target > 2:
            left = settings.budget_s - (time.perf_counter() - settings.started)
            target = max(2, min(target, 1 + int(left // seconds)))
        sanity(bench)
    return rounds


def typography_share(root: Path) -> dict[str, Any]:
    """Typography's share of a full build of the project the full builds used, timed inside
    one process (benchmarks/typography.py --project): the issue asks for a quarter at most."""
    command = [sys.executable, str(HERE / "typography.py"), "--project", str(root / "full" / "project"), "--json"]
    sample = run(command, root, child_env(root / "typography-cache"))
    return json.loads(sample.stdout.strip().splitlines()[-1])


def sanity(bench: Bench) -> None:
    """The edit build must write something, or the benchmark measures nothing (a no-op build
    that writes files is only noted in the table: that is pressgen's problem, not the bench's)."""
    edit = bench.cases["edit"].samples[-1].stdout
    if written(edit) <= 0:
        raise BenchError("the one-quote edit build wrote nothing: the edit did not reach pressgen\n" + edit[:500])


def size_section(bench: Bench, rounds: int, raw: dict[str, Any]) -> Section:
    c = bench.cases
    n = bench.milestones
    full = c["full"]
    rows: list[Row] = []

    def ratio(label: str, top: str, bottom: str, key: str | None, scale: float = 1.0, note: str = "") -> None:
        r = paired(c[top], c[bottom], scale)
        cpu = paired(c[top], c[bottom], scale, cpu=True).median
        rows.append(Row(label, r.median, "x", report.RATIO_TARGETS.get(key) if key else None, (r.low, r.high), cpu,
                        note))

    noop_wrote = written(c["noop"].samples[-1].stdout)
    noop_note = f"it wrote {noop_wrote} files" if noop_wrote != 0 else ""

    ratio("full build / floor", "full", "floor", "full/floor")
    ratio("full build / floor without typography", "full", "floor-notypo", None)
    for name, label in (("pelican", "Pelican"), ("mkdocs", "MkDocs")):
        if name in c:
            ratio(f"pressgen / {label}, per page", "full", name, f"full/{name}", bench.peer_pages[name] / bench.pages)
    ratio("no-op build / full build", "noop", "full", "noop/full", note=noop_note)
    ratio("one-quote edit build / full build", "edit", "full", "edit/full")
    ratio("pressgen check / full build", "check", "full", "check/full")
    ratio("pressgen build --check / full build", "build-check", "full", "build-check/full")
    shares = sorted(run["typography_s"] / run["build_s"] for run in bench.typography)
    cpu_shares = sorted(run["typography_cpu_s"] / run["build_cpu_s"] for run in bench.typography)
    rows.append(Row("typography / full build (one process, timed inside)", statistics.median(shares), "x",
                    report.RATIO_TARGETS["typography/full"], (shares[0], shares[-1]), statistics.median(cpu_shares)))
    for key, label in (("full", "full build"), ("noop", "no-op build"), ("edit", "one-quote edit build"),
                       ("check", "pressgen check"), ("build-check", "pressgen build --check")):
        times = c[key].seconds()
        rows.append(Row(label, c[key].median(), "s", report.SECONDS_TARGETS.get((key, n)), (min(times), max(times)),
                        c[key].median_cpu()))
    rows.append(Row("peak memory (max RSS), full build", full.peak_mb(), "MB", report.MEMORY_TARGETS_MB.get(n)))
    for key in ("full", "floor", "floor-notypo", "pelican", "mkdocs"):
        if key in c:
            pages = bench.peer_pages.get(key, bench.pages)
            rows.append(Row(f"ms per page: {c[key].name}", c[key].median() * 1000 / pages, "ms",
                            cpu=c[key].median_cpu() * 1000 / pages))
    total, repeats, common = bench.paragraphs
    raw[str(n)] = {
        "milestones": n, "layout": bench.layout, "pages": bench.pages, "rounds": rounds, "peer_pages": bench.peer_pages,
        "skipped": bench.skipped,
        "paragraphs": {"total": total, "repeated": repeats, "most_common_repeats": common},
        "typography": bench.typography,
        "cases": {k: {"command": case.command, "seconds": case.seconds(),
                      "cpu_seconds": [round(s.cpu_seconds, 3) for s in case.samples],
                      "max_rss_mb": [round(s.max_rss_mb, 1) for s in case.samples]} for k, case in c.items()},
    }
    where = "one file" if bench.layout == "file" else "one file per release"
    title = (f"{n:,} milestones in {where}, {bench.pages:,} pages ({rounds} round{'s' if rounds != 1 else ''}; "
             f"{repeats} of {total:,} data paragraphs repeated{''.join('; ' + s for s in bench.skipped)})")
    return Section(title, rows)


# -- the whole run ----------------------------------------------------------------------------
def meta(settings: Settings) -> dict[str, Any]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "pressgen", "templates"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit + ("+changes" if dirty else ""),
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()), "sizes": settings.sizes, "runs": settings.runs,
        "seed": settings.seed, "build_args": settings.build_args, "check_args": settings.check_args,
    }


def bench(settings: Settings) -> int:
    info = meta(settings)
    raw: dict[str, Any] = {}
    if settings.peers:
        log("peers: checking benchmarks/.venv-peers")
        peers.ensure_venv()
        info["peers"] = peers.versions()
    work = Path(tempfile.mkdtemp(prefix="pressgen-bench-"))
    try:
        sections = [startup(work, settings, raw)]
        for i, n in enumerate(settings.sizes):
            one = set_up(n, work / f"n{n}", settings)
            rounds = measure(one, settings, last=i == len(settings.sizes) - 1)
            # Its own runs, a build in one process each: three, the median shown (one was seen at
            # 0.235 and at 0.252 of a build on the same code, an hour apart).
            for run_number in range(min(rounds, 3)):
                log(f"{n} milestones: typography's share of a build in one process, run {run_number + 1}")
                one.typography.append(typography_share(work / f"n{n}"))
            sections.append(size_section(one, rounds, raw))
            if not settings.keep:
                fresh(work / f"n{n}")
    finally:
        if settings.keep:
            log(f"kept {work}")
        else:
            fresh(work)
    info["seconds"] = round(time.perf_counter() - settings.started, 1)
    info["load_average_end"] = list(os.getloadavg())
    print(f"pressgen {info['commit']}, Python {info['python']}, {info['cpus']} CPUs, "
          f"load {info['load_average'][0]:.1f} → {info['load_average_end'][0]:.1f}, {info['seconds']:.0f} s")
    print(report.format_table(sections))
    report.write_json(settings.json_path, info, sections, raw)
    print(f"\nAll figures: {settings.json_path}")
    return 0


def parse(argv: list[str] | None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="comma-separated milestone counts (default: 100,1000)")
    parser.add_argument("--large", action="store_true", help="add 10,000 milestones to the sizes")
    parser.add_argument("--runs", type=int, help="rounds at every size (default: 3, 1 at 10,000; at the "
                        "largest size 2 when 3 would overrun --budget)")
    parser.add_argument("--budget", type=float, default=15.0, help="minutes the default rounds aim to fit in (15)")
    parser.add_argument("--no-peers", action="store_true", help="skip Pelican and MkDocs")
    parser.add_argument("--peers-max", type=int, help="largest size the peers run at (default: Pelican at every "
                        "size, MkDocs up to 1,000 milestones, as its time grows with the square of the pages)")
    parser.add_argument("--seed", type=int, default=generate.SEED)
    parser.add_argument("--build-args", default="", help="extra arguments for every `pressgen build`, e.g. '--jobs 2'")
    parser.add_argument("--check-args", default="", help="extra arguments for `pressgen check`")
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write every figure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects, and say where")
    parser.add_argument("--layout", choices=("auto", "file", "folder"), default="auto",
                        help="milestones.yaml, or pressgen.yaml and one file per release (default: one file "
                        "while it stays under pressgen's 5 MB limit for a file, one per release above)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else list(DEFAULT_SIZES)
    if args.large and LARGE not in sizes:
        sizes.append(LARGE)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    return Settings(sorted(sizes), args.runs, args.budget * 60, not args.no_peers, args.peers_max, args.seed,
                    shlex.split(args.build_args), shlex.split(args.check_args), args.json, args.keep, args.layout)


def main(argv: list[str] | None = None) -> int:
    settings = parse(argv)
    # Stopped with kill or Ctrl-C: still remove the temporary projects (the finally in bench).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return bench(settings)
    except BenchError as error:
        print(f"make bench: the benchmark broke: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
