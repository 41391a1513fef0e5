"""docs/guide.md, walked through as a writer would: every ```sh block, in order, in a fresh
folder. A command is expected to succeed unless its line says `# exit status N`; `pressgen
serve` is started, asked for its overview page, and stopped like Ctrl-C."""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from helpers import REPO

GUIDE = REPO / "docs" / "guide.md"
_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.M | re.S)
_EXPECTED = re.compile(r"#\s*exit status (\d)")


def guide_commands() -> list[tuple[str, int]]:
    """Each command of the guide's sh blocks, with the exit status it should end with."""
    out = []
    for block in _BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if not line.strip():
                continue
            expected = _EXPECTED.search(line)
            command = line.split("#", 1)[0].strip()
            out.append((command, int(expected.group(1)) if expected else 0))
    return out


def test_the_guide_shows_every_command_it_explains() -> None:
    names = {shlex.split(command)[1] for command, _ in guide_commands() if command.startswith("pressgen ")}
    assert {"init", "build", "check", "new", "status", "serve", "split", "join", "publish", "schema"} <= names


def test_every_picture_of_the_guide_is_there() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(pictures) == 3
    for picture in pictures:
        assert (GUIDE.parent / picture).is_file(), f"{picture}: run `make screenshots`"


@pytest.mark.subprocess
def test_walk_through_the_guide(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("NO_COLOR", None)
    cwd = tmp_path
    for command, expected in guide_commands():
        words = shlex.split(command)
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        assert words[0] == "pressgen", command
        argv = [sys.executable, "-m", "pressgen", *words[1:]]
        if words[1] == "serve":
            _serve(argv, cwd, env)
            continue
        result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
                                stdin=subprocess.DEVNULL)
        assert result.returncode == expected, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr, command
    # Where the walk ends: the new release in one milestones.yaml, built and published.
    assert (cwd / "milestones.yaml").is_file() and not (cwd / "releases").exists()
    assert (cwd / "out" / "museum-200000" / "en.md").is_file()
    assert (cwd / "site" / "index.html").is_file() and not (cwd / "site" / "museum-200000").exists()


def _serve(argv: list[str], cwd: Path, env: dict[str, str]) -> None:
    process = subprocess.Popen([*argv, "--port", "0"], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = None
        for line in process.stderr:
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if found:
                url = found.group(1)
                break
        assert url, "the preview did not start"
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        assert "museum-200000" in page and "placeholders (TODO) left in" in page
    finally:
        process.send_signal(signal.SIGTERM)  # as Ctrl-C: the preview stops and cleans up
        process.wait(timeout=30)
        process.stderr.close()
    assert process.returncode == 0
