"""The contract the pipeline relies on: names, caching, cheap import.

Throughout tests/language, expected strings spell U+202F and U+00A0 as escapes and assertions
show ``repr`` of the result, so a wrong invisible space is visible in the failure.
(No conftest.py here: tests/test_build.py imports ``conftest`` by name.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from pressgen.language import filters_for

REQUIRED = {
    "number", "percent", "currency", "count", "compact", "long_date", "dateline",
    "duration", "time", "ordinal", "and_list", "typeset",
}


@pytest.mark.parametrize("locale", ["fr", "fr_CA", "en", "en_GB"])
def test_every_required_filter_exists(locale: str) -> None:
    assert REQUIRED <= set(filters_for(locale))


@pytest.mark.parametrize("name", ["fr", "fr_FR", "fr_CA", "fr-CA", "en", "en_US", "en_GB"])
def test_folder_names_resolve(name: str) -> None:
    assert filters_for(name)["number"](8500)


def test_unknown_locale_raises() -> None:
    # "de" is a generic locale now (test_language_generic_locales.py); a made-up name is not.
    with pytest.raises(ValueError, match="unknown locale 'xx'"):
        filters_for("xx")


def test_filters_are_built_once_per_locale() -> None:
    assert filters_for("fr")["number"] is filters_for("fr")["number"]


@pytest.mark.subprocess
def test_import_loads_neither_babel_nor_polytypo() -> None:
    code = (
        "import sys, pressgen.language as L; L.filters_for('fr');"
        "bad = [m for m in ('babel', 'polytypo', 'tree_sitter') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.subprocess
def test_import_does_not_load_the_typography_module() -> None:
    code = (
        "import sys, pressgen.language;"
        "assert 'pressgen.language.typography' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
