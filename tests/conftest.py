"""Shared fixtures; the functions tests share live in ``tests/helpers.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import copy_example


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the example project's sources, with no out/."""
    return copy_example(tmp_path / "project")
