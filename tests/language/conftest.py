"""Shared fixtures for the language layer's tests."""

from __future__ import annotations

import pytest

from pressgen.language import NounForms, filters_for


@pytest.fixture(params=["fr", "fr_CA", "en", "en_GB"])
def locale(request: pytest.FixtureRequest) -> str:
    return request.param


ABONNE = NounForms("abonné", "abonnés")
FOLLOWER = NounForms("follower", "followers")
VUE = NounForms("vue", "vues")
VIEW = NounForms("view", "views")
HEROS = NounForms("héros", "héros")


def f(locale: str, name: str):
    """One filter, as a template would call it."""
    return filters_for(locale)[name]
