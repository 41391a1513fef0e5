"""Pelican and MkDocs on the same pages as pressgen, for a per-page comparison.

Why: "fast" needs a reference a reader knows. The peers get the release texts that pressgen
wrote (``out/<id>/<locale>.md``, already typeset) as their Markdown source pages, with the
same Markdown extensions, and build one HTML page per release plus an index, as pressgen
does; feeds, tag, category, author and archive pages, and MkDocs's search index are turned
off, since pressgen makes none of them. They run from their own virtual environment,
``benchmarks/.venv-peers`` (git-ignored), so nothing is installed into the project's.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv-peers"
# Markdown as pressgen pins it, so both sides convert with the same library.
REQUIREMENTS = ["pelican==4.12.0", "mkdocs==1.6.1", "markdown==3.11.3"]

PELICAN_CONF = '''\
SITENAME = "pressgen benchmark"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
RELATIVE_URLS = True
ARTICLE_URL = ARTICLE_SAVE_AS = "{slug}.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
STATIC_PATHS = ["images"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
MARKDOWN = {"extension_configs": {"markdown.extensions.attr_list": {}, "markdown.extensions.sane_lists": {}},
            "output_format": "html5"}
'''

MKDOCS_CONF = '''\
site_name: pressgen benchmark
docs_dir: docs
site_dir: site
use_directory_urls: false
theme:
  name: mkdocs
plugins: []
markdown_extensions:
  - attr_list
  - sane_lists
'''


# The peers, their names, and the largest project (in milestones) each runs on by default:
# MkDocs puts the whole site's navigation in every page, so its time grows with the square of
# the page count (2,000 pages: about 40 times 200 pages); 20,000 pages would take hours.
PEERS: dict[str, tuple[str, int | None]] = {"pelican": ("Pelican", None), "mkdocs": ("MkDocs", 1_000)}


def python() -> Path:
    return VENV / "bin" / "python"


def ensure_venv() -> Path:
    """Create ``.venv-peers`` with the pinned peers, once; reinstall when the pins change."""
    stamp = VENV / ".installed"
    wanted = hashlib.sha256("\n".join(REQUIREMENTS).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted and python().exists():
        return VENV
    if not python().exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *REQUIREMENTS],
                   check=True)
    stamp.write_text(wanted)
    return VENV


def versions() -> dict[str, str]:
    """The installed peer versions, for the JSON file."""
    code = "import importlib.metadata as m; print(m.version('pelican'), m.version('mkdocs'), m.version('markdown'))"
    out = subprocess.run([str(python()), "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return dict(zip(["pelican", "mkdocs", "markdown"], out))


def releases(out: Path) -> list[tuple[str, str, Path]]:
    """(milestone id, locale, Markdown file) of every release pressgen wrote into ``out``."""
    return [(p.parent.name, p.stem, p) for p in sorted(out.glob("*/*.md"))]


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def prepare_pelican(out: Path, site: Path, images: Path, dates: dict[str, str]) -> int:
    """A Pelican site in ``site`` whose articles are pressgen's releases; returns the page count."""
    content = site / "content"
    content.mkdir(parents=True)
    shutil.copytree(images, content / "images")
    (site / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    pages = 0
    for milestone, locale, path in releases(out):
        text = path.read_text(encoding="utf-8")
        header = f"Title: {_title(text, milestone)}\nDate: {dates[milestone]}\nCategory: releases\nSlug: {milestone}-{locale}\n\n"
        (content / f"{milestone}-{locale}.md").write_text(header + text, encoding="utf-8")
        pages += 1
    return pages


def prepare_mkdocs(out: Path, site: Path) -> int:
    """An MkDocs site in ``site``: ``docs/<id>/<locale>.md`` and each release's image."""
    docs = site / "docs"
    docs.mkdir(parents=True)
    (site / "mkdocs.yml").write_text(MKDOCS_CONF, encoding="utf-8")
    (docs / "index.md").write_text("# Releases\n", encoding="utf-8")
    pages = 0
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        shutil.copytree(folder, docs / folder.name, ignore=shutil.ignore_patterns("*.html"))
        pages += len(list(folder.glob("*.md")))
    return pages


def pelican_command(site: Path) -> list[str]:
    return [str(VENV / "bin" / "pelican"), "content", "-o", "output", "-s", "pelicanconf.py", "-q"]


def mkdocs_command(site: Path) -> list[str]:
    return [str(VENV / "bin" / "mkdocs"), "build", "-q", "-f", "mkdocs.yml"]


def outputs(site: Path) -> list[Path]:
    """What a peer build writes, removed before each run so that every build starts cold."""
    return [site / "output", site / "site", site / "__pycache__", site / ".cache"]
