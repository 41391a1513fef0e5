"""The command line's conventions: --version, help with an example for every command, exit
codes 0/1/2, no colour but on a terminal (never with NO_COLOR), shell completion, and the
authoring commands' libraries kept out of `--help` and `build`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressgen import __version__, model
from pressgen.cli import cli, main
from helpers import run_pressgen


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output == f"pressgen, version {__version__}\n"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`pressgen {command} --help` shows no example"
    examples = result.output.split("Example", 1)[1]
    assert f"pressgen {command}" in examples or (command == "translation-reviewed" and "pressgen translation" in examples)


def test_the_main_help_documents_exit_codes_colour_and_completion() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    assert "Exit status: 0 done, 1 a problem in your files" in output
    assert "2 wrong usage or an unexpected failure" in output
    assert "NO_COLOR" in output and "_PRESSGEN_COMPLETE=bash_source" in output


def test_exit_0_when_fine_1_for_the_content_2_for_usage(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "build"]) == 0
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("status: embargoed", "status: embargo"),
                      encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 1
    assert main(["--project", str(project), "build", "--no-such-option"]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["--project", str(project), "check", "--at", "tomorrow"]) == 2
    assert main(["--project", str(project), "new", "Not A Slug", "--count", "1"]) == 2
    capsys.readouterr()


def test_exit_2_for_a_failure_of_the_machine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file where out/ should be a folder: not the user's content, and no traceback."""
    (project / "out").write_text("not a folder", encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 2
    err = capsys.readouterr().err
    assert "pressgen: cannot open out/ for writing" in err and "Traceback" not in err


@pytest.mark.subprocess
def test_a_program_that_builds_ends_without_freeing_the_project_and_still_says_everything(
        project: Path, tmp_path: Path) -> None:
    """Run as a program, pressgen leaves what a build loaded to the end of the process, which
    it ends without freeing it (os._exit): every line still reaches the pipe, with the build's
    status. Run as a function, it keeps only what it is asked to keep."""
    first = run_pressgen("build", cwd=project)  # out/ is new: a line for every file
    assert first.returncode == 0, first.stderr
    files = sorted(p.relative_to(project).as_posix() for p in (project / "out").rglob("*")
                   if p.is_file() and p.name != ".pressgen-cache")
    assert sorted(line.removeprefix("  wrote   ") for line in first.stdout.splitlines()
                  if line.startswith("  wrote   ")) == files
    assert first.stdout.splitlines()[0].startswith("Built 6 milestones into out/")
    kept: list = []
    assert main(["--project", str(project), "build", "--no-cache"], keep=kept) == 0
    assert any(isinstance(value, model.Project) for value in kept)


@pytest.mark.subprocess
def test_shell_completion(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    script = subprocess.run([sys.executable, "-m", "pressgen"], env={**env, "_PRESSGEN_COMPLETE": "bash_source"},
                            capture_output=True, text=True, timeout=60)
    assert script.returncode == 0 and "_pressgen_completion" in script.stdout
    words = subprocess.run([sys.executable, "-m", "pressgen"], capture_output=True, text=True, timeout=60,
                           env={**env, "_PRESSGEN_COMPLETE": "bash_complete", "COMP_WORDS": "pressgen sp",
                                "COMP_CWORD": "1"})
    assert words.stdout.split() == ["plain,split"]


@pytest.mark.subprocess
@pytest.mark.parametrize("args", [["--help"], ["build"]])
def test_help_and_build_do_not_load_the_authoring_libraries(project: Path, args: list[str]) -> None:
    code = ("import sys\nfrom pressgen.cli import main\nstatus = main(sys.argv[1:])\n"
            "loaded = sorted({m.split('.')[0] for m in sys.modules if m.startswith(('ruamel', 'jsonschema'))})\n"
            "print(','.join(loaded) or 'none', file=sys.stderr)\nsys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "none"


@pytest.mark.subprocess
@pytest.mark.parametrize("columns", [None, "60", "40", "200", "wide"])
def test_the_help_is_as_wide_as_click_would_make_it(columns: str | None) -> None:
    # pressgen finds the width itself, without shutil; click, left to itself, asks shutil.
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    by_click = "from pressgen.cli import cli; cli.main(['build', '--help'], prog_name='pressgen')"
    expected = subprocess.run([sys.executable, "-c", by_click], capture_output=True, text=True, timeout=60, env=env)
    result = subprocess.run([sys.executable, "-m", "pressgen", "build", "--help"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0 and result.stdout == expected.stdout
    assert max(map(len, result.stdout.splitlines())) == {"60": 58, "40": 50}.get(columns, 78)


@pytest.mark.subprocess
def test_no_colour_in_a_pipe(project: Path) -> None:
    result = run_pressgen("status", "--at", "2016-11-01T00:00Z", cwd=project)
    assert result.returncode == 0 and "\x1b[" not in result.stdout + result.stderr


def test_a_ctrl_c_before_the_command_runs_is_an_interruption_too(tmp_path: Path, monkeypatch, capsys) -> None:
    """A Ctrl-C while the command finds the project (before its own handling) reaches click,
    which calls it an abort: pressgen still says interrupted, with the status of one."""
    import pressgen.cli

    def interrupted(ctx):
        raise KeyboardInterrupt

    monkeypatch.setattr(pressgen.cli, "_layout", interrupted)
    assert main(["--project", str(tmp_path), "build"]) == 130
    assert "Interrupted; out/ is as it was" in capsys.readouterr().err


@pytest.mark.subprocess
def test_an_interrupted_run_ends_by_sigint_as_shells_expect(tmp_path: Path) -> None:
    """The program itself (not main()) ends an interrupted run by SIGINT, so the shell sees
    130 and a script that loops over pressgen stops; the message comes first."""
    import signal

    script = ("import pressgen.cli\n"
              "def interrupted(ctx):\n    raise KeyboardInterrupt\n"
              "pressgen.cli._layout = interrupted\n"
              "pressgen.cli.run()\n")
    done = subprocess.run([sys.executable, "-c", script, "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == -signal.SIGINT, done.stderr
    assert "Interrupted; out/ is as it was" in done.stderr
    shell = subprocess.run(["sh", "-c", f'"{sys.executable}" -c "$0" build; echo "status $?"', script],
                           cwd=tmp_path, capture_output=True, text=True)
    assert "status 130" in shell.stdout, shell.stderr
