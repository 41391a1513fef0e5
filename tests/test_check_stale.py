"""`pressgen build --check`: writes nothing; 0 when out/ is what the sources produce, 1 with diffs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import invoke, run_pressgen, tree
from pressgen.cli import main


def edit(project: Path, old: str, new: str) -> None:
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")


def snapshot(project: Path) -> dict[str, bytes]:
    files = tree(project / "out")
    files["translations.lock"] = (project / "translations.lock").read_bytes()
    return files


def test_fresh_build_passes_the_check(project: Path) -> None:
    assert main(["--project", str(project), "build"]) == 0
    result = invoke(project, "build", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "OK: out/ is exactly what the sources produce" in result.stderr


def test_changed_yaml_with_stale_out_fails_with_the_expected_diff(project: Path) -> None:
    assert main(["--project", str(project), "build"]) == 0
    before = snapshot(project)
    edit(project, "an audience that counts, in France and abroad.",
         "an audience that matters, in France and abroad.")
    result = invoke(project, "build", "--check")
    assert result.exit_code == 1
    assert snapshot(project) == before, "build --check wrote something"
    # One unified diff per file, per language: only the English files of the milestone changed.
    diff_md = result.stdout.split("--- a/out/paris-2-millions/en.md\n", 1)[1].split("\n---", 1)[0]
    lines = diff_md.splitlines()
    assert lines[:2] == ["+++ b/out/paris-2-millions/en.md", "@@ -5,7 +5,7 @@"]  # below the headline and subhead
    # Semantic line breaks: the changed sentence is the one changed line.
    assert [line[0] for line in lines[2:]] == [" ", " ", " ", "-", "+", " ", " ", " "]
    removed, added = lines[5], lines[6]
    assert removed.startswith("-The City of Paris remains") and removed.endswith("an audience that counts, in France and abroad.")
    assert added == "+" + removed[1:].replace("that counts", "that matters")
    assert "--- a/out/paris-2-millions/en.html\n+++ b/out/paris-2-millions/en.html\n" in result.stdout
    assert "a/out/paris-2-millions/fr." not in result.stdout  # the French files are up to date
    # The translation lock is checked too: a build would record that only the English record changed.
    assert "--- a/translations.lock\n+++ b/translations.lock\n" in result.stdout
    assert "would rewrite out/paris-2-millions/en.md" in result.stderr
    assert "would be changed" in result.stderr


def test_missing_out_and_removed_files_are_reported(project: Path) -> None:
    result = invoke(project, "build", "--check")
    assert result.exit_code == 1
    assert not (project / "out").exists() and not (project / "translations.lock").exists()
    assert "--- /dev/null\n+++ b/out/paris-1-million/fr.md\n" in result.stdout
    assert "Binary file out/paris-2-millions/bravo-paris.svg would be created" in result.stdout

    assert main(["--project", str(project), "build"]) == 0
    (project / "out" / "paris-2-millions" / "bravo-paris.svg").write_bytes(b"<svg/>")
    (project / "out" / "notes.txt").write_text("mine", encoding="utf-8")  # not pressgen's: reported, kept
    manifest = project / "out" / ".pressgen-manifest"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "old-milestone/fr.md\n", encoding="utf-8")
    (project / "out" / "old-milestone").mkdir()
    (project / "out" / "old-milestone" / "fr.md").write_text("Ancien.\n", encoding="utf-8")
    result = invoke(project, "build", "--check")
    assert result.exit_code == 1
    assert "Binary file out/paris-2-millions/bravo-paris.svg differs\n" in result.stdout
    assert "--- a/out/old-milestone/fr.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-Ancien.\n" in result.stdout
    assert "would remove out/old-milestone/fr.md" in result.stderr
    assert "out/notes.txt: not written by pressgen (not in out/.pressgen-manifest)" in result.stderr
    assert "notes.txt" not in result.stdout  # no diff for it: a build leaves it alone
    assert (project / "out" / "old-milestone" / "fr.md").exists()
    assert (project / "out" / "notes.txt").exists()


@pytest.mark.subprocess
def test_check_in_a_real_subprocess(project: Path) -> None:
    assert run_pressgen("build", cwd=project).returncode == 0
    assert run_pressgen("build", "--check", cwd=project).returncode == 0
    (project / "out" / "paris-1-million" / "fr.md").write_text("edited by hand\n", encoding="utf-8")
    result = run_pressgen("build", "--check", cwd=project)
    assert result.returncode == 1
    assert "-edited by hand\n" in result.stdout
    assert "Traceback" not in result.stderr
