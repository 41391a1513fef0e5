"""Run commands as real subprocesses, interleaved, and keep wall time and peak memory.

Why interleaved: the machine is shared and noisy, so a lone time says little. Every round
runs each case once, in a fresh shuffled order, so that a slow minute slows all cases of
that round alike; a ratio is then taken within each round (paired) and the median of those
per-round ratios is reported.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


class BenchError(Exception):
    """The benchmark itself broke (a command failed): the one case that exits non-zero."""


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall time
    cpu_seconds: float  # the child's user + system time: less sensitive to a busy machine
    max_rss_mb: float  # the child's peak resident memory, from os.wait4
    stdout: str


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run ``command`` to its end; raise :class:`BenchError` with its output if it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if process.returncode != 0:
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise BenchError(f"exit {process.returncode}: {' '.join(command)} (in {cwd})\n{stdout[-1000:]}{tail}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)  # maxrss: KiB


@dataclass
class Case:
    """One thing to time: a command, where it runs, and what to do (untimed) before each run."""

    name: str
    command: list[str]
    cwd: Path
    env: dict[str, str] | None = None
    prepare: Callable[[], None] | None = None
    samples: list[Sample] = field(default_factory=list)

    def seconds(self, cpu: bool = False) -> list[float]:
        return [s.cpu_seconds if cpu else s.seconds for s in self.samples]

    def median(self) -> float:
        return statistics.median(self.seconds())

    def median_cpu(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples)

    def peak_mb(self) -> float:
        return max(s.max_rss_mb for s in self.samples)


def one_round(cases: list[Case], rng: random.Random, progress: Callable[[str], None] | None = None) -> float:
    """Run every case once, in a shuffled order; return the round's wall time."""
    start = time.perf_counter()
    order = list(cases)
    rng.shuffle(order)
    for case in order:
        if case.prepare is not None:
            case.prepare()
        sample = run(case.command, case.cwd, case.env)
        case.samples.append(sample)
        if progress is not None:
            progress(f"{case.name} {sample.seconds:.2f} s")
    return time.perf_counter() - start


@dataclass(frozen=True)
class Ratio:
    """A paired ratio: the median of per-round ratios, with their spread."""

    median: float
    low: float
    high: float
    per_round: list[float]


def paired(numerator: Case, denominator: Case, scale: float = 1.0, cpu: bool = False) -> Ratio:
    """``numerator / denominator`` round by round (times ``scale``, e.g. a page-count ratio),
    in wall time or, with ``cpu``, in the children's CPU time."""
    ratios = [scale * a / b for a, b in zip(numerator.seconds(cpu), denominator.seconds(cpu))]
    return Ratio(statistics.median(ratios), min(ratios), max(ratios), ratios)
