"""Shared fixtures; the functions tests share live in ``tests/helpers.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from helpers import copy_example


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the example project's sources, with no out/."""
    return copy_example(tmp_path / "project")


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache folder (compiled templates, decoded release files) for the whole
    run, in a temporary folder: no test writes to the home of whoever runs the suite, and the
    pressgen processes the tests start inherit it."""
    folder = tmp_path_factory.mktemp("user-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder
