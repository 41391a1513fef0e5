"""Shared fixtures: a copy of the example project in a temporary folder, and ways to run pressgen."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = ("milestones.yaml", "templates", "images")


def copy_example(target: Path, with_output: bool = False) -> Path:
    """The repository's example project (sources, and optionally its committed out/) under ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES + (("out",) if with_output else ()):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the example project's sources, with no out/."""
    return copy_example(tmp_path / "project")


def run_pressgen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """pressgen in a real subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "pressgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, for byte-for-byte comparisons."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# A German release for tests of a language pressgen has no hand-tuned rules for: its own
# templates, noun forms and `de` translations (the English texts: enough for these tests).
GERMAN_RELEASE = """\
{#- Die deutsche Pressemitteilung (Test). Zahlen aus milestones.yaml; die Sätze stehen hier. -#}
{% set a = m.account %}
{% set org = m.organisation %}
{% set count = m.figure.count | count(m.figure.noun) %}
{% macro quoted(text, lang) %}{% if lang != locale %}<span lang="{{ lang }}">{{ text }}</span>{% else %}{{ text }}{% endif %}{% endmacro %}
{% if m.status == "draft" %}
**ENTWURF – NICHT ZUR VERÖFFENTLICHUNG**
{% elif m.status == "embargoed" %}
**SPERRFRIST: {{ m.embargo_until.date() | long_date }}, {{ m.embargo_until.time() | time }} Uhr ({{ utc_offset(m.embargo_until) }})**
{% else %}
**ZUR SOFORTIGEN VERÖFFENTLICHUNG**
{% endif %}

# {{ a.handle }} auf {{ a.network }} zählt jetzt {{ count }}

{{ m.date | dateline(m.city) }} {{ a.handle }} auf {{ a.network }} zählt jetzt {{ count }}.
{% if a.first_post %}
{% set fp = a.first_post %}
{% set years = years_between(fp.date, m.date) %}

Der erste Beitrag des Kontos, "{{ quoted(fp.text, fp.lang) }}", erschien am {{ fp.date | long_date }}{% if years > 0 %}; seitdem ist das Publikum über {{ years | duration("year") }} hinweg stetig gewachsen{% endif %}.
{% endif %}
{% for q in m.quotes %}
{% set text = q.text[:-1] if q.text.endswith(".") else q.text %}

"{{ text }}", {{ "sagte" if loop.first else "ergänzte" }} {% if q.speaker %}{{ q.speaker }}, {{ q.role }}{% else %}{{ q.role }}{% endif %}.
{% endfor %}
{% if m.peers %}

Zum Vergleich die offiziellen Konten anderer Städte am selben Tag:

{% for p in m.peers %}
- {{ p.name }}: {{ p.count | count(m.figure.noun) }}
{% endfor %}
{% endif %}

## Über uns

{{ m.about }}
"""

GERMAN_PAGE = """\
{% extends "base.html" %}
{% block languages_label %}Andere Sprachen{% endblock %}
{% block index_label %}Alle Pressemitteilungen{% endblock %}
"""

GERMAN_NOUNS = {
    "follower": {"one": "Follower", "other": "Follower"},
    "person": {"one": "Person", "other": "Personen"},
    "post": {"one": "Beitrag", "other": "Beiträge"},
    "request": {"one": "beantwortete Frage", "other": "beantwortete Fragen"},
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
    german = project / "templates" / "de"
    german.mkdir()
    for source in (project / "templates" / "en").iterdir():
        shutil.copy2(source, german / source.name)
    (german / "release.md").write_text(GERMAN_RELEASE, encoding="utf-8")
    (german / "page.html").write_text(GERMAN_PAGE, encoding="utf-8")
    source = project / "milestones.yaml"
    data = _with_german(yaml.safe_load(source.read_text(encoding="utf-8")))
    data["locales"].append("de")
    for name, forms in GERMAN_NOUNS.items():
        data["nouns"][name]["de"] = forms
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project
