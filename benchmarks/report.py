"""The targets, and the table and JSON file that show each figure next to its target.

Why here: the targets are the project's promises on speed; keeping them in one table makes
them easy to read, argue about and change. A missed target is printed with the factor by
which it is missed; it never makes ``make bench`` fail. Verdicts are on wall time, the time a
user waits; the CPU column gives the same figure in the children's CPU time, which a busy
machine disturbs less (a wall figure far above its CPU figure means the machine was busy).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Ratios (paired, medians): at most this much. Chosen for this project; see README.
RATIO_TARGETS: dict[str, float] = {
    "full/floor": 1.5,       # pressgen may add a half to what its libraries cost, no more
    "full/pelican": 1.0,     # per page, on the same pages: no slower than the peers
    "full/mkdocs": 1.0,
    "noop/full": 0.1,        # a build with nothing to do is a small fraction of a build
    "edit/full": 0.1,        # so is one edited quote
    "check/full": 1.2,       # check renders everything, plus the figures audit
    "build-check/full": 1.0, # build --check renders and compares, writes nothing
    "help/python": 2.5,      # pressgen --help vs python -c pass
    "typography/full": 0.25, # typesetting: at most a quarter of a full build
}
# Absolute figures: (case, milestones) -> at most this many seconds or MB.
SECONDS_TARGETS: dict[tuple[str, int], float] = {
    ("full", 10_000): 30.0,
    ("noop", 1_000): 0.5,
    ("edit", 1_000): 0.5,
    ("noop", 10_000): 2.0,
    ("edit", 10_000): 2.0,
    ("example-noop", 0): 0.150,
}
MEMORY_TARGETS_MB: dict[int, float] = {10_000: 300.0}


@dataclass
class Row:
    """One line of the table: a label, a value with its unit, and its target if it has one."""

    label: str
    value: float
    unit: str  # "x" (ratio), "s", "ms", "MB"
    target: float | None = None
    spread: tuple[float, float] | None = None
    cpu: float | None = None  # the same figure in CPU time, when it is a time or a ratio of times
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        if self.value <= self.target:
            return "ok"
        return f"MISSED x{self.value / self.target:.1f}"


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)


def _shown(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def format_table(sections: list[Section]) -> str:
    """The sections as a plain-text table (also valid Markdown)."""
    lines = ["| case | median | spread | CPU | target | verdict |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for section in sections:
        lines.append(f"| **{section.title}** | | | | | |")
        for row in section.rows:
            spread = "" if row.spread is None or row.spread[0] == row.spread[1] else f"{_shown(row.spread[0], row.unit)}–{_shown(row.spread[1], row.unit)}"
            target = "" if row.target is None else f"≤ {_shown(row.target, row.unit)}"
            cpu = "" if row.cpu is None else _shown(row.cpu, row.unit)
            verdict = row.verdict + (f" ({row.note})" if row.note and row.verdict else row.note)
            lines.append(f"| {row.label} | {_shown(row.value, row.unit)} | {spread} | {cpu} | {target} | {verdict.strip()} |")
    return "\n".join(lines)


def write_json(path: Path, meta: dict[str, Any], sections: list[Section], raw: dict[str, Any]) -> None:
    """Every figure: the table's rows with their verdicts, and every sample behind them."""
    table = [{"section": s.title, **asdict(r), "verdict": r.verdict} for s in sections for r in s.rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"meta": meta, "table": table, "samples": raw}, indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
