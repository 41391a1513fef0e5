"""fr_CA from a three-line override: templates and texts follow the chain fr_CA → fr.

The project adds fr_CA to its languages and one folder, ``templates/fr_CA/``, holding only
``page.html`` (three lines). The release template and every text come from fr; the typography
and the number forms are Canadian French's own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import FIXTURES
from pressgen.cli import main
from pressgen.render.formats import output_path


def add_canadian_french(project: Path) -> Path:
    shutil.copytree(FIXTURES / "fr_CA" / "templates" / "fr_CA", project / "templates" / "fr_CA")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("locales: [fr, en]", "locales: [fr, fr_CA, en]", 1), encoding="utf-8")
    return project


def test_the_override_is_three_lines() -> None:
    folder = FIXTURES / "fr_CA" / "templates" / "fr_CA"
    assert [p.name for p in folder.iterdir()] == ["page.html"]
    assert len((folder / "page.html").read_text(encoding="utf-8").splitlines()) == 3


def test_fr_ca_builds_from_french_templates_and_texts(project: Path) -> None:
    add_canadian_french(project)
    assert main(["--project", str(project), "build"]) == 0
    out = project / "out"
    french = (out / output_path("md", "paris-2-millions", "fr")).read_text(encoding="utf-8")
    canadian = (out / output_path("md", "paris-2-millions", "fr_CA")).read_text(encoding="utf-8")
    # The French template's sentences, typeset the Canadian way: no space before ; ! ?, digits
    # grouped with a no-break space (U+00A0) rather than a narrow one.
    assert canadian != french
    assert "2\u00a0millions d’abonnés" in canadian and "\u202f;" not in canadian
    page = (out / output_path("html", "paris-2-millions", "fr_CA")).read_text(encoding="utf-8")
    assert "Tous nos communiqués" in page and '<html lang="fr-CA">' in page
    assert "Tous les communiqués" in (out / output_path("html", "paris-2-millions", "fr")).read_text(encoding="utf-8")


def test_drift_compares_only_the_languages_with_their_own_text(project: Path) -> None:
    add_canadian_french(project)
    assert main(["--project", str(project), "build"]) == 0
    lock = json.loads((project / "translations.lock").read_text(encoding="utf-8"))
    assert not any("fr_CA" in texts for texts in lock["agreed"].values())


def test_a_text_of_its_own_overrides_the_parent(project: Path) -> None:
    add_canadian_french(project)
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    marker = "\n  about:\n    fr: "
    assert marker in text
    source.write_text(text.replace(marker, "\n  about:\n    fr_CA: La Ville de Paris, vue du Québec.\n    fr: ", 1),
                      encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 0
    canadian = (project / "out" / output_path("md", "paris-1-million", "fr_CA")).read_text(encoding="utf-8")
    french = (project / "out" / output_path("md", "paris-1-million", "fr")).read_text(encoding="utf-8")
    assert "vue du Québec" in canadian and "vue du Québec" not in french
    lock = json.loads((project / "translations.lock").read_text(encoding="utf-8"))
    assert set(lock["agreed"]["defaults/about"]) == {"fr", "fr_CA", "en"}
