"""Two builds give byte-identical trees whatever the hash seed, time zone, locale or folder.

Each build runs in its own subprocess (so PYTHONHASHSEED, TZ and LANG/LC_ALL really apply from
interpreter start-up) on its own copy of the example, started from a different current
directory, and the trees (out/ and translations.lock) are compared by their SHA-256 hashes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import copy_example, tree

pytestmark = pytest.mark.subprocess  # every build here runs in its own process

SETTINGS = [
    {"PYTHONHASHSEED": "0", "TZ": "UTC", "LANG": "C", "LC_ALL": "C"},
    {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "America/St_Johns", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"},
    {"PYTHONHASHSEED": "random", "TZ": "Asia/Kathmandu", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8",
     "SOURCE_DATE_EPOCH": "1500000000"},
]


def hashes(project: Path) -> dict[str, str]:
    files = {f"out/{name}": data for name, data in tree(project / "out").items()}
    files["translations.lock"] = (project / "translations.lock").read_bytes()
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}


def build_in_subprocess(project: Path, cwd: Path, settings: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHASHSEED", "TZ", "LANG", "LC_ALL",
                                                             "LANGUAGE", "SOURCE_DATE_EPOCH")}
    env.update(settings)
    result = subprocess.run([sys.executable, "-m", "pressgen", "--project", str(project), "build"],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_builds_are_byte_identical_under_different_settings(tmp_path: Path) -> None:
    results = []
    for number, settings in enumerate(SETTINGS):
        project = copy_example(tmp_path / f"copy-{number}" / "project", outputs=None)
        # A different current directory each time: the project's parent, an unrelated folder, /.
        cwd = [project.parent, tmp_path, Path("/"), project / "templates"][number]
        build_in_subprocess(project, cwd, settings)
        results.append(hashes(project))
        if number == 1:
            time.sleep(1.1)  # a later clock second: nothing may depend on it
    first = results[0]
    # 6 milestones × 2 languages × 6 formats (posts included), 2 images, 6 copies of the logo,
    # the newsroom in 2 languages, 2 feeds, the sitemap, the manifest and translations.lock:
    # the e-mails and PDFs are compared byte for byte too.
    assert len(first) == 86
    assert {name.rsplit(".", 1)[-1] for name in first} >= {"md", "html", "txt", "eml", "pdf", "xml"}
    for settings, other in zip(SETTINGS[1:], results[1:], strict=True):
        differing = sorted(name for name in first if first[name] != other.get(name))
        assert other.keys() == first.keys() and not differing, f"{differing} differ under {settings}"


@pytest.mark.parametrize("name", ["fr.html", "en.html", "fr.md", "en.md", "fr.txt", "en.eml", "fr.pdf"])
def test_no_build_time_in_the_output(tmp_path: Path, name: str) -> None:
    project = copy_example(tmp_path / "project", outputs=None)
    build_in_subprocess(project, project, {"SOURCE_DATE_EPOCH": "1500000000"})
    text = (project / "out" / "paris-2-millions" / name).read_bytes().decode("latin-1")
    now = time.gmtime()
    assert time.strftime("%Y-%m-%d", now) not in text
    if now.tm_year not in (2009, 2016, 2017):  # the years the example talks about
        assert str(now.tm_year) not in text
