"""Shared fixtures for the language layer's tests.

Expected strings spell U+202F and U+00A0 as ``\\u202f`` / ``\\u00a0`` escapes, and every
assertion shows ``repr`` of the result, so an invisible space that is wrong is visible.
"""

from __future__ import annotations

import pytest


@pytest.fixture(params=["fr", "fr_CA", "en", "en_GB"])
def locale(request: pytest.FixtureRequest) -> str:
    return request.param
