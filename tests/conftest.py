"""Shared fixtures: a copy of the example project in a temporary folder, and ways to run pressgen."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = ("milestones.yaml", "templates", "images")


def copy_example(target: Path, with_output: bool = False) -> Path:
    """The repository's example project (sources, and optionally its committed out/) under ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES + (("out",) if with_output else ()):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the example project's sources, with no out/."""
    return copy_example(tmp_path / "project")


def run_pressgen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """pressgen in a real subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "pressgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, for byte-for-byte comparisons."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
