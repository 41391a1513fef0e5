"""How much of a build typography costs, on a project of N distinct milestones.

    python benchmarks/typography.py [N] [--mix stress|release] [--profile] [--keep DIR]
    python benchmarks/typography.py --project DIR [--json]

``--project`` builds a copy of an existing project instead (``make bench`` gives it the
project it generated, and reads the ``--json`` line: the share is one of its figures).

Makes a project from the example ``milestones.yaml`` with N milestones, each with its own id,
figures, dates and wording (so the paragraph cache answers only for what releases really share:
the "About" text, the contacts), then builds it once in this process and prints the wall time
and CPU time of the build and of typesetting.
With ``--profile`` the build runs under cProfile and the script prints the share of the build
spent in the typesetting entry points (``typeset_markdown``, ``typeset_text``: cumulative time)
and the top functions. Deterministic: the same N gives the same project.

To compare two checkouts, run it alternately with each on PYTHONPATH (the machine is noisy:
interleave the runs and compare medians).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_WORDS = ["Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Rennes", "Nice", "Dijon"]


_FOLDED = re.compile(r"^( +)(fr|en): >-\n((?:\1  \S.*\n)+)", re.M)


def _add_sentences(block: str, i: int, rng: random.Random) -> str:
    """Append a sentence with figures, units, a time, a percentage and a quote to each folded
    text (records, highlights, quotes), different for every milestone."""

    def add(match: re.Match[str]) -> str:
        indent, lang, lines = match.groups()
        n, pct, km, h = rng.randrange(2, 90), rng.randrange(1, 99), rng.randrange(3, 400), rng.randrange(8, 20)
        if lang == "fr":
            extra = (f"Depuis {2000 + i % 20}, {n} 000 personnes à {_WORDS[i % 8]} ont parcouru "
                     f"{km} km, soit {pct} % de plus, dès {h} h 30 : \"merci\" !")
        else:
            extra = (f"Since {2000 + i % 20}, {n},000 people in {_WORDS[i % 8]} have covered "
                     f"{km} km, {pct}% more, from {h}:30 -- \"thank you\"!")
        return f"{indent}{lang}: >-\n{lines}{indent}  {extra}\n"

    return _FOLDED.sub(add, block)


_QUOTE_TEXT = re.compile(r"^( +)text:\n((?:\1  (?:fr|en): >-\n(?:\1    \S.*\n)+)+)", re.M)


def _vary_quotes(block: str, i: int, rng: random.Random) -> str:
    """The "release" mix: only the quote texts get a clause of their own (a figure and a
    city), as a real milestone's quotes differ; no added typographic difficulty."""

    def add(match: re.Match[str]) -> str:
        def one(text: re.Match[str]) -> str:
            indent, lang, lines = text.groups()
            n = rng.randrange(2, 90)
            extra = (f"Depuis {2000 + i % 20}, {n} 000 habitants de {_WORDS[i % 8]} nous suivent."
                     if lang == "fr" else
                     f"Since {2000 + i % 20}, {n},000 people in {_WORDS[i % 8]} have followed us.")
            return f"{indent}{lang}: >-\n{lines}{indent}  {extra}\n"

        return _FOLDED.sub(one, match.group(0))

    return _QUOTE_TEXT.sub(add, block)


def make_project(target: Path, milestones: int, mix: str = "stress") -> None:
    for name in ("templates", "images"):
        shutil.copytree(REPO / name, target / name)
    text = (REPO / "milestones.yaml").read_text(encoding="utf-8")
    head, body = text.split("\nmilestones:\n", 1)
    examples = re.split(r"\n(?=  - id: )", "\n" + body)
    examples = [e for e in examples if e.strip().startswith("- id:")]
    rng = random.Random(milestones)
    vary = _add_sentences if mix == "stress" else _vary_quotes
    blocks = [vary(_vary_simple(examples[i % len(examples)], i, rng), i, rng)
              for i in range(milestones)]
    (target / "milestones.yaml").write_text(
        head + "\nmilestones:\n" + "\n".join(b.rstrip("\n") + "\n" for b in blocks), encoding="utf-8")


def _vary_simple(block: str, i: int, rng: random.Random) -> str:
    block = re.sub(r"(  - id: )([a-z0-9-]+)", rf"\g<1>\g<2>-{i}", block)
    block = re.sub(r"(?<=[ @#«“])Paris\b", f"Paris{i}", block)
    block = re.sub(
        r"count: ([\d_]+)",
        lambda m: f"count: {int(m.group(1).replace('_', '')) + rng.randrange(1, 997) * 7}",
        block,
    )
    year = 2010 + i % 15
    block = re.sub(r"date: \d{4}", f"date: {year}", block)
    return re.sub(r"embargo_until: \d{4}", f"embargo_until: {year}", block)


def _time_typography() -> list[float]:
    """Wrap the two typesetting entry points with wall-clock and CPU-time accumulators."""
    from pressgen.language import typography

    spent = [0.0, 0.0]  # wall clock, CPU

    def timed(function):
        def run(text: str, locale: str) -> str:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return function(text, locale)
            finally:
                spent[0] += time.perf_counter() - start
                spent[1] += time.process_time() - cpu
        return run

    typography.typeset_markdown = timed(typography.typeset_markdown)
    typography.typeset_text = timed(typography.typeset_text)
    return spent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("milestones", nargs="?", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--mix", choices=("stress", "release"), default="stress",
                        help="stress (default): every folded text gets a sentence with figures, "
                        "units, a time, a percentage and a quote; release: only the quote texts "
                        "get a clause of their own (ids, figures and dates differ in both)")
    parser.add_argument("--keep", type=Path, help="write the project here and keep it")
    parser.add_argument("--stats", type=Path, help="with --profile: save the pstats file here")
    parser.add_argument("--project", type=Path, help="build a copy of this project (its out/ left out)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()

    from pressgen.pipeline import build
    from pressgen.project.layout import Layout

    if args.project:
        folder = Path(tempfile.mkdtemp(prefix="pressgen-typo-")) / "project"
        shutil.copytree(args.project, folder, ignore=shutil.ignore_patterns("out"))
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="pressgen-typo-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not args.project and not (folder / "milestones.yaml").exists():
        make_project(folder, args.milestones, args.mix)
    layout = Layout(folder)
    spent = _time_typography()
    profiler = cProfile.Profile() if args.profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    report = build(layout, use_cache=False, jobs=1)  # one process: the timers see every block
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if args.json:
        print(json.dumps({"milestones": len(report.milestones), "build_s": round(seconds, 3),
                          "build_cpu_s": round(cpu, 3), "typography_s": round(spent[0], 3),
                          "typography_cpu_s": round(spent[1], 3)}))
    else:
        print(f"build: {len(report.milestones)} milestones, {len(report.written)} files, "
              f"{seconds:.3f} s ({cpu:.3f} s CPU); typography {spent[0]:.3f} s ({spent[1]:.3f} s CPU) "
              f"= {100 * spent[0] / seconds:.1f} % of wall clock, {100 * spent[1] / cpu:.1f} % of CPU")
    if profiler:
        stats = pstats.Stats(profiler)
        if args.stats:
            stats.dump_stats(args.stats)
        total = max(v[3] for v in stats.stats.values())  # the outermost call's cumulative time
        typeset = 0.0
        for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():
            if filename.endswith("pressgen/language/__init__.py") and name in ("typeset_markdown", "typeset_text"):
                typeset += cumulative
        print(f"typography: {typeset:.3f} s of {total:.3f} s profiled = {100 * typeset / total:.1f} %")
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(15)
    if args.project:
        shutil.rmtree(folder.parent)
    elif not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
