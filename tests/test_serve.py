"""``pressgen serve`` without a browser: HTTP guards, incremental rebuilds, failures, Ctrl-C.

The browser side (reload, overlay, both languages) is in ``tests/browser/``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ctrl_c_reaches_children
from pressgen.project.layout import Layout
from pressgen.preview.rebuild import Rebuilder
from pressgen.preview.server import allowed_hosts
from pressgen.preview.command import Preview, serve

MILESTONE = "paris-2-millions"
EN_HEADLINE = '      en: "@Paris passes 2 million followers on Twitter, a world record"'
WAIT = 10.0


@pytest.fixture
def preview(project: Path):
    lines: list[str] = []
    running = Preview(Layout(project), "127.0.0.1", 0, echo=lines.append, watch=False).start()
    running.terminal = lines
    try:
        yield running
    finally:
        running.stop()


def raw_get(port: int, target: str, host: str | None = "127.0.0.1:{port}") -> tuple[int, bytes]:
    """A GET sent byte for byte (no client-side normalisation of '..' or the Host header)."""
    lines = [f"GET {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host.format(port=port)}")
    lines += ["Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as conn:
        conn.sendall("\r\n".join(lines).encode("latin-1"))
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def wait_for(condition, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def replace_line(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# -- the HTTP guards ---------------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_loopback_host_names_are_answered(preview, host):
    status, body = raw_get(preview.server.port, f"/{MILESTONE}/en.html", host)
    assert status == 200 and b"world record" in body


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1.evil.example:{port}",
                                  "localhost", "localhost:1", "192.168.1.10:{port}", "", None])
def test_a_foreign_or_missing_host_header_gets_400(preview, host):
    status, _ = raw_get(preview.server.port, "/", host)
    assert status == 400


@pytest.mark.parametrize("target", [
    "/../milestones.yaml", "/..", "/../", f"/{MILESTONE}/../../milestones.yaml", "/%2e%2e/milestones.yaml",
    "/%2E%2E/%2e%2e/milestones.yaml", "/..%2fmilestones.yaml", "/%2e%2e%2fmilestones.yaml", "//etc/passwd",
    "/%2fetc%2fpasswd", "/etc/passwd", "/.pressgen-manifest", "/..\\milestones.yaml", "/%00", "/%ff",
    "http://127.0.0.1/index.html", "/side-by-side/../../milestones.yaml", "/no-such-milestone/",
])
def test_nothing_outside_the_output_is_served(preview, target):
    status, body = raw_get(preview.server.port, target)
    assert status == 404
    assert b"locales:" not in body and b"root:" not in body


def test_a_link_out_of_the_output_is_not_followed(preview, project):
    (preview.output / "escape.html").symlink_to(project / "milestones.yaml")
    assert raw_get(preview.server.port, "/escape.html")[0] == 404


def test_allowed_hosts():
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    assert "localhost" in allowed_hosts("127.0.0.1", 80)
    assert "192.168.1.10:8000" in allowed_hosts("192.168.1.10", 8000)
    assert f"{socket.gethostname().lower()}:8000" in allowed_hosts("0.0.0.0", 8000)


# -- what is served ----------------------------------------------------------------------------------
def test_the_script_is_added_to_served_html_only_never_to_the_files(preview, project):
    port = preview.server.port
    status, page = raw_get(port, f"/{MILESTONE}/fr.html")
    assert status == 200 and b"data-pressgen-preview" in page
    on_disk = (preview.output / MILESTONE / "fr.html").read_bytes()
    assert b"pressgen" not in on_disk.lower().split(b"<body")[1]
    assert on_disk == check_files(project)[f"{MILESTONE}/fr.html"]
    status, markdown = raw_get(port, f"/{MILESTONE}/fr.md")
    assert status == 200 and markdown == (preview.output / MILESTONE / "fr.md").read_bytes()


def test_overview_side_by_side_and_index(preview):
    port = preview.server.port
    status, overview = raw_get(port, "/")
    assert status == 200
    text = overview.decode()
    assert 'class="status status-published">published<' in text
    assert 'class="status status-embargoed">embargoed until 2016-11-15 09:00 (UTC+1)<' in text
    source = preview.layout.source
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("    status: published\n", "    status: draft\n", 1), encoding="utf-8")
    assert preview.rebuilder.rebuild({source})
    assert b'class="status status-draft">draft<' in raw_get(port, "/")[1]
    for target in (f"/{MILESTONE}/", f"/side-by-side/{MILESTONE}.html"):
        status, page = raw_get(port, target)
        assert status == 200 and f'src="/{MILESTONE}/fr.html"'.encode() in page and f'src="/{MILESTONE}/en.html"'.encode() in page
    assert raw_get(port, f"/{MILESTONE}")[0] == 301
    assert raw_get(port, "/index.html")[0] == 200


def test_the_preview_writes_nothing_into_the_project(project):
    before = snapshot(project)
    with Preview(Layout(project), "127.0.0.1", 0, echo=lambda _: None, watch=False) as running:
        replace_line(project / "milestones.yaml", EN_HEADLINE, EN_HEADLINE.replace("world record", "first"))
        before = snapshot(project)
        assert running.rebuilder.rebuild({project / "milestones.yaml"})
        output = running.output
        assert not _inside(output, project)
    assert snapshot(project) == before
    assert not (project / "out").exists()
    assert not output.exists()  # the temporary folder goes with the preview


# -- rebuilding --------------------------------------------------------------------------------------
def test_only_what_changed_is_rendered_and_the_result_equals_a_full_build(project, tmp_path):
    layout = Layout(project)
    rebuilder = Rebuilder(layout, tmp_path / "preview", echo=lambda _: None)
    assert rebuilder.rebuild(None)
    assert len(rebuilder.rendered_last) == 6
    source = project / "milestones.yaml"

    replace_line(source, EN_HEADLINE, EN_HEADLINE.replace("world record", "new headline"))
    assert rebuilder.rebuild({source})
    assert rebuilder.rendered_last == [MILESTONE]
    assert snapshot(tmp_path / "preview", skip_manifest=True) == check_files(project)

    assert rebuilder.rebuild({source})  # a save without a change
    assert rebuilder.rendered_last == []

    template = project / "templates" / "en" / "page.html"
    template.write_text(template.read_text(encoding="utf-8").replace("All releases", "Every release"), encoding="utf-8")
    assert rebuilder.rebuild({template})
    assert len(rebuilder.rendered_last) == 6
    assert snapshot(tmp_path / "preview", skip_manifest=True) == check_files(project)


def test_a_failed_rebuild_keeps_the_last_good_files_and_reports_the_problem(project, tmp_path):
    layout = Layout(project)
    terminal: list[str] = []
    rebuilder = Rebuilder(layout, tmp_path / "preview", echo=terminal.append)
    assert rebuilder.rebuild(None)
    good = snapshot(tmp_path / "preview")
    version = rebuilder.state.version
    source = project / "milestones.yaml"

    line = replace_line(source, EN_HEADLINE, "      en: @Paris")
    assert not rebuilder.rebuild({source})
    assert snapshot(tmp_path / "preview") == good
    assert rebuilder.state.version == version
    [problem] = rebuilder.state.problems
    assert (problem.file, problem.line, problem.column) == ("milestones.yaml", line, 11)
    assert problem.source_line == "      en: @Paris"
    assert f"milestones.yaml:{line}:11" in terminal[-1]

    # A template edited while the YAML is broken is still picked up once the YAML is fixed.
    template = project / "templates" / "en" / "page.html"
    template.write_text(template.read_text(encoding="utf-8").replace("All releases", "Every release"), encoding="utf-8")
    assert not rebuilder.rebuild({template})
    replace_line(source, "      en: @Paris", EN_HEADLINE)
    assert rebuilder.rebuild({source})
    assert rebuilder.state.problems == [] and rebuilder.state.version == version + 1
    assert b"Every release" in (tmp_path / "preview" / MILESTONE / "en.html").read_bytes()


def test_an_unexpected_error_in_a_rebuild_does_not_stop_the_server(preview, monkeypatch):
    from pressgen.render.renderer import Renderer

    def explode(self, milestone):
        raise RuntimeError("boom")

    monkeypatch.setattr(Renderer, "render_milestone", explode)
    template = preview.layout.templates / "en" / "page.html"
    assert not preview.rebuilder.rebuild({template})
    assert "unexpected error: RuntimeError: boom" in preview.rebuilder.state.problems[0].message
    assert any("Traceback" in line for line in preview.terminal)
    status, body = raw_get(preview.server.port, "/__pressgen/state")
    assert status == 200 and b"boom" in body
    assert raw_get(preview.server.port, f"/{MILESTONE}/en.html")[0] == 200
    monkeypatch.undo()
    assert preview.rebuilder.rebuild({template})
    assert preview.rebuilder.state.problems == []


def test_the_watcher_rebuilds_once_per_save(project):
    with Preview(Layout(project), "127.0.0.1", 0, echo=lambda _: None) as running:
        state = running.rebuilder.state
        version = state.version
        replace_line(project / "milestones.yaml", EN_HEADLINE, EN_HEADLINE.replace("world record", "saved once"))
        wait_for(lambda: state.version > version)
        time.sleep(0.5)  # room for a second, unwanted rebuild to show up
        assert state.version == version + 1
        assert running.rebuilder.rendered_last == [MILESTONE]
        assert b"saved once" in raw_get(running.server.port, f"/{MILESTONE}/en.html")[1]


# -- the command -------------------------------------------------------------------------------------
@pytest.mark.subprocess
def test_ctrl_c_stops_the_command_cleanly(project):
    """Ctrl-C once the preview answers: a clean stop, the temporary folder gone, exit 0.

    stderr is read by a thread into a queue, so a slow start on a loaded machine is waited for
    up to one deadline instead of blocking in readline() with no timeout at all."""
    import queue
    import threading

    with ctrl_c_reaches_children():  # a run started in the background ignores Ctrl-C, and so would the child
        process = subprocess.Popen([sys.executable, "-m", "pressgen", "serve", "--port", "0"], cwd=project,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline and process.poll() is None:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(line)
            if line.startswith("Serving"):
                url = line.split(" at ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:"), seen
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert raw_get(port, "/")[0] == 200
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        reader.join(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    while not lines.empty():
        seen.append(lines.get())
    rest = "".join(seen)
    assert process.returncode == 0, rest
    assert "Traceback" not in rest and "Stopped the preview." in rest
    assert not (project / "out").exists()


def test_a_host_other_than_loopback_prints_a_warning(project):
    terminal: list[str] = []

    def stop(preview):
        assert f"{socket.gethostname().lower()}:{preview.server.port}" in preview.server.allowed
        raise KeyboardInterrupt

    serve(Layout(project), "0.0.0.0", 0, echo=terminal.append, on_ready=stop)
    assert terminal[0].startswith("Warning: listening on 0.0.0.0")
    assert terminal[-1] == "Stopped the preview."


@pytest.mark.subprocess
def test_a_port_in_use_is_a_clear_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "pressgen", "serve", "--port", str(port)], cwd=project,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


# -- helpers -----------------------------------------------------------------------------------------
def check_files(project: Path) -> dict[str, bytes]:
    """What a full, non-incremental render of ``project`` gives."""
    from pressgen.pipeline import load_project, render_project

    layout = Layout(project)
    return render_project(layout, load_project(layout)).files


def snapshot(folder: Path, skip_manifest: bool = False) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not (skip_manifest and p.name == ".pressgen-manifest")}


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())


def test_a_first_build_that_fails_still_serves_and_recovers(project):
    source = project / "milestones.yaml"
    line = replace_line(source, EN_HEADLINE, "      en: @Paris")
    terminal: list[str] = []
    with Preview(Layout(project), "127.0.0.1", 0, echo=terminal.append, watch=False) as running:
        assert [p.line for p in running.rebuilder.state.problems] == [line]
        assert any(f"milestones.yaml:{line}:11" in out for out in terminal)
        status, page = raw_get(running.server.port, "/")
        assert status == 200 and b"No successful build yet" in page and b"data-pressgen-preview" in page
        status, state = raw_get(running.server.port, "/__pressgen/state")
        assert status == 200 and b'"source_line": "      en: @Paris"' in state
        replace_line(source, "      en: @Paris", EN_HEADLINE)
        assert running.rebuilder.rebuild({source})
        assert raw_get(running.server.port, f"/{MILESTONE}/en.html")[0] == 200
