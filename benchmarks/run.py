"""`make bench`: how long pressgen takes, measured on real files in subprocesses.

Prints the median of several runs for each case, next to its target. The targets are what this
project holds itself to on a 2-core machine; a miss is printed, never turned into a failing test.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 5
SCALED_MILESTONES = 200


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def median(args: list[str], cwd: Path, before=None) -> float:
    samples = []
    for _ in range(RUNS):
        if before is not None:
            before()
        samples.append(timed(args, cwd))
    return statistics.median(samples)


def copy_project(target: Path, copies: int = 1) -> None:
    for name in ("templates", "images"):
        shutil.copytree(REPO / name, target / name)
    text = (REPO / "milestones.yaml").read_text(encoding="utf-8")
    if copies > 1:
        head, body = text.split("\nmilestones:\n", 1)
        blocks = []
        for i in range(copies // 3 + 1):
            # Each copy gets its own id and its own wording ("Paris" becomes "Paris7"), so no
            # paragraph is a repeat that a cache could answer for free.
            copy = re.sub(r"(  - id: )([a-z0-9-]+)", rf"\g<1>\g<2>-{i}", body)
            blocks.append(re.sub(r"(?<=[ @#«“])Paris\b", f"Paris{i}", copy))
        text = head + "\nmilestones:\n" + "".join(blocks)
    (target / "milestones.yaml").write_text(text, encoding="utf-8")


def main() -> int:
    pressgen = [sys.executable, "-m", "pressgen"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small"
        small.mkdir()
        copy_project(small)
        results.append(("pressgen --help", median(pressgen + ["--help"], small), 0.15))
        results.append(("python -c pass (interpreter floor)", median([sys.executable, "-c", "pass"], small), None))
        results.append(("build, example, empty out/", median(pressgen + ["build"], small,
                        before=lambda: shutil.rmtree(small / "out", ignore_errors=True)), 1.0))
        results.append(("build, example, nothing changed", median(pressgen + ["build"], small), 0.8))
        results.append(("check, example", median(pressgen + ["check"], small), 0.8))
        large = Path(folder) / "large"
        large.mkdir()
        copy_project(large, SCALED_MILESTONES)
        subprocess.run(pressgen + ["build"], cwd=large, check=True, capture_output=True)
        count = len([p for p in (large / "out").iterdir() if p.is_dir()])
        results.append((f"build, {count} milestones, empty out/", median(pressgen + ["build"], large,
                        before=lambda: shutil.rmtree(large / "out", ignore_errors=True)), 6.0))
        results.append((f"build, {count} milestones, nothing changed", median(pressgen + ["build"], large), 4.0))
    width = max(len(name) for name, _, _ in results)
    print(f"{'case':<{width}}  median    target")
    for name, seconds, target in results:
        verdict = "" if target is None else ("  ok" if seconds <= target else "  SLOWER THAN TARGET")
        shown = "" if target is None else f"{target:6.2f} s"
        print(f"{name:<{width}}  {seconds:6.3f} s  {shown}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
