"""What tests share: the example project copied into a temporary folder, pressgen in a real
process, a folder read back as bytes, and the test-only projects under ``tests/fixtures/``."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import shutil
import signal
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE_FILES = ("milestones.yaml", "templates", "images")


# The outputs most tests need: the review copy and the page. The e-mail and the PDF (WeasyPrint
# takes a second to start and a third of one per page) are built by the tests of those formats
# and by every test that compares with the committed out/.
FAST_OUTPUTS = ("md", "html")


def copy_example(target: Path, with_output: bool = False, outputs: tuple[str, ...] | None = FAST_OUTPUTS) -> Path:
    """The repository's example project (sources, and optionally its committed out/) under
    ``target``; with ``outputs`` (unless ``with_output``, which keeps the example's own
    outputs), it writes only those formats."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES + (("out",) if with_output else ()):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    if outputs is not None and not with_output:
        # In place of the file's first comment line, so that every line a test points at keeps
        # its number and milestones can still be appended at the end.
        source = target / "milestones.yaml"
        lines = source.read_text(encoding="utf-8").split("\n")
        first = next(i for i, line in enumerate(lines) if line.startswith("#") and "$schema=" not in line)
        lines[first] = f"outputs: [{', '.join(outputs)}]"
        source.write_text("\n".join(lines), encoding="utf-8")
    return target


def compiled_entries(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each compiled template kept under ``folder`` (pressgen.render.compiled), by name: (inode,
    bytes); an entry written again has a new inode."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.glob("*/*.jinja"))}


def compiled_parts(data: bytes) -> tuple[bytes, bytes]:
    """A compiled template's entry as Jinja2 writes it: (its header, Jinja2's mark and the pickled
    digest of the source; the marshalled code)."""
    import pickle
    from io import BytesIO

    from jinja2.bccache import bc_magic

    body = BytesIO(data[len(bc_magic):])
    pickle.load(body)
    cut = len(bc_magic) + body.tell()
    return data[:cut], data[cut:]


def run_pressgen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """pressgen in a real subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "pressgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, for byte-for-byte comparisons; but the
    build cache, ``out/.pressgen-cache`` (file times and inodes: pressgen's own bookkeeping,
    tested in tests/test_incremental.py)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).as_posix() != ".pressgen-cache"}


# A German project for tests of a language pressgen has no hand-tuned rules for: its own
# templates (tests/fixtures/german/templates/de/), noun forms and `de` translations (the
# English texts: enough for these tests).
GERMAN_NOUNS = {
    "follower": {"one": "Follower", "other": "Follower"},
    "person": {"one": "Person", "other": "Personen"},
    "post": {"one": "Beitrag", "other": "Beiträge"},
    "request": {"one": "beantwortete Frage", "other": "beantwortete Fragen"},
    "trip": {"one": "Fahrt", "other": "Fahrten"},
    "km": {"one": "km", "other": "km"},
}


def _with_german(value: object) -> object:
    """Every ``{…, en: text}`` gets ``de: text`` (the English text: enough for this test)."""
    if isinstance(value, dict):
        out = {key: _with_german(item) for key, item in value.items()}
        if "en" in out and "fr" in out and "de" not in out:
            out["de"] = out["en"]
        return out
    if isinstance(value, list):
        return [_with_german(item) for item in value]
    return value



def add_german(project: Path) -> Path:
    """``project`` with a ``de`` locale: templates/de/ and a `de` text beside every `en` one."""
    shutil.copytree(FIXTURES / "german" / "templates" / "de", project / "templates" / "de")
    source = project / "milestones.yaml"
    data = _with_german(yaml.safe_load(source.read_text(encoding="utf-8")))
    data["locales"].append("de")
    # The fixture's German template writes an account's release only.
    data["milestones"] = [m for m in data["milestones"] if "subject" not in m]
    for name, forms in GERMAN_NOUNS.items():
        data["nouns"][name]["de"] = forms
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def copy_example_as_folder(target: Path, with_output: bool = False,
                           outputs: tuple[str, ...] | None = FAST_OUTPUTS) -> Path:
    """The example project in the folder layout: ``pressgen.yaml`` and ``releases/<id>.yaml``,
    made by ``pressgen split``."""
    from pressgen.authoring.split import split
    from pressgen.project.layout import Layout

    copy_example(target, with_output, outputs)
    split(Layout(target))
    return target


_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def editor_yaml(text: str) -> Any:
    """The data as YAML 1.2's core schema reads it, as editors' YAML servers do (dates and
    ``2_000_000`` are strings): what the editor schema is checked against."""
    def value(node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return {key.value: value(item) for key, item in node.value}
        if isinstance(node, yaml.SequenceNode):
            return [value(item) for item in node.value]
        raw = node.value
        if node.style:
            return raw
        if raw in ("", "~", "null", "Null", "NULL"):
            return None
        if raw in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return raw.lower() == "true"
        if _CORE_INT.fullmatch(raw):
            return int(raw, 0) if raw.startswith(("0o", "0x")) else int(raw)
        if _CORE_FLOAT.fullmatch(raw):
            return float(raw)
        return raw

    return value(yaml.compose(text, Loader=yaml.SafeLoader))


def invoke(project: Path, *args: str):
    """``pressgen --project PROJECT ARGS`` in this process, through click's test runner."""
    from click.testing import CliRunner

    from pressgen.cli import cli

    return CliRunner().invoke(cli, ["--project", str(project), *args])


def edit_source(project: Path, old: str, new: str) -> None:
    """Replace ``old``, which must occur exactly once, in the project's milestones.yaml."""
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    source.write_text(text.replace(old, new), encoding="utf-8")


class PageAudit(HTMLParser):
    """The base of the tests' page audits: their findings, and the one script pressgen writes
    (schema.org JSON-LD), which is data and must be JSON holding no '<'. Each audit judges
    every other tag in :meth:`audit_tag`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.structured_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and attrs == [("type", "application/ld+json")]:
            self.structured_data = True  # data, never run: its text is checked below
            return
        self.audit_tag(tag, attrs)

    def audit_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise NotImplementedError

    def handle_data(self, data: str) -> None:
        if self.structured_data:
            try:
                json.loads(data)
            except ValueError:
                self.findings.append("structured data that is not JSON")
            if "<" in data:
                self.findings.append("structured data holding <")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.structured_data = False


@contextlib.contextmanager
def ctrl_c_reaches_children() -> Iterator[None]:
    """Ctrl-C as the default in this process while the block starts children: a test run started
    in the background ignores SIGINT, and a child Python then keeps ignoring it."""
    restore = None
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        restore = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if restore is not None:
            signal.signal(signal.SIGINT, restore)


def read_cache_file(path: Path) -> dict:
    """The build cache at ``path`` (``out/.pressgen-cache``) as one JSON body, the entries of
    its milestones by id under ``milestones``."""
    _, shared, rest = path.read_bytes().split(b"\n", 2)
    body = json.loads(shared)
    count = body["milestones"]
    lines = rest.split(b"\n", count)
    body["milestones"] = {key.decode(): json.loads(value) for key, value in (line.split(b"\t", 1) for line in lines[:count])}
    return body


def write_cache_file(path: Path, body: dict) -> None:
    """Write and sign a cache as :func:`read_cache_file` gives it, as only a deliberate edit would."""
    def dumps(data: Any) -> bytes:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    entries = body["milestones"]
    lines = [key.encode() + b"\t" + dumps(value) for key, value in entries.items()] if isinstance(entries, dict) else []
    signed = b"".join(line + b"\n" for line in [dumps({**body, "milestones": len(lines) if lines else entries}), *lines])
    path.write_bytes(hashlib.sha256(signed).hexdigest().encode("ascii") + b"\n" + signed)


# -- pictures a release may publish -------------------------------------------------------------
def png(width: int = 1, height: int = 1) -> bytes:
    """A real, minimal PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def picture(kind: str) -> bytes:
    """A real picture of 3 by 2 pixels, as Pillow writes ``kind`` (JPEG, GIF, WEBP, AVIF)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (3, 2), (200, 10, 10)).save(out, kind)
    return out.getvalue()


JPEG = picture("JPEG")
