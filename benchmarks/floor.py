"""The floor: pressgen's job done with the same libraries and as little code as possible.

Why: a build's time means little alone; next to this script it says how much pressgen adds to
the unavoidable cost of its libraries. Per milestone and language it does what a build must:
PyYAML's C loader, Jinja2 templates (release.md, page.html, index.html: a frozen copy of an
earlier version of the project's own, in ``benchmarks/floor_templates/``, so that the floor
keeps measuring the libraries whatever filters and parts the project's templates come to use),
polytypo on the rendered Markdown (block by block, as pressgen does: polytypo is slower on a
whole document, by about a quarter on these releases), Python-Markdown to HTML, and a plain
write of every file.
It skips everything that makes pressgen pressgen: validation with located errors, the drift
lock, the figures audit, sentence breaks, URL masking, staged writes, the manifest. Its
filters are a few lines of French and English formatting instead of Babel.

Usage: ``python benchmarks/floor.py PROJECT OUT [--no-typography]`` (pressgen is not imported).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import jinja2
import markdown
import markupsafe
import yaml

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}
AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
NNBSP, NBSP = "\u202f", "\u00a0"
POLYTYPO_TAGS = {"fr": "fr", "en": "en-US"}
NAMES = {"fr": "Français", "en": "English"}
FLOOR_TEMPLATES = Path(__file__).resolve().parent / "floor_templates"


def number(n: int | float, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", NNBSP).replace(".", ",") if lang == "fr" else text


def count(n: int, noun: dict[str, Any], lang: str) -> str:
    if n >= 1_000_000 and n % 100_000 == 0:
        millions = n / 1_000_000
        shown = number(int(millions) if millions.is_integer() else millions, lang)
        if lang == "en":
            return f"{shown}{NBSP}million {noun['other']}"
        word = "millions" if millions >= 2 else "million"
        elide = noun.get("elide", noun["other"][0] in "aeiouhéè")
        return f"{shown}{NBSP}{word} {'d’' if elide else 'de '}{noun['other']}"
    one = n < 2 if lang == "fr" else n == 1
    return f"{number(n, lang)}{NBSP}{noun['one'] if one else noun['other']}"


def long_date(d: dt.date, lang: str) -> str:
    if lang == "fr":
        return f"{'1er' if d.day == 1 else d.day} {MONTHS['fr'][d.month - 1]} {d.year}"
    return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"


def dateline(d: dt.date, city: str, lang: str) -> str:
    if lang == "fr":
        return f"{city}, le {long_date(d, lang)} —"
    return f"{city.upper()}, {AP_MONTHS[d.month - 1]} {d.day}, {d.year} —"


def duration(n: int, unit: str, lang: str) -> str:
    words = {"fr": {"year": ("an", "ans")}, "en": {"year": ("year", "years")}}[lang][unit]
    return f"{n}{NBSP}{words[0] if n == 1 else words[1]}"


def clock(t: dt.time, lang: str) -> str:
    if lang == "fr":
        return f"{t.hour}{NBSP}h" + (f"{NBSP}{t.minute:02d}" if t.minute else "")
    hour = t.hour % 12 or 12
    return f"{hour}" + (f":{t.minute:02d}" if t.minute else "") + f"{NBSP}{'a.m.' if t.hour < 12 else 'p.m.'}"


def and_list(items: list[str], lang: str) -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    if lang == "fr":
        return ", ".join(items[:-1]) + " et " + items[-1]
    return " and ".join(items) if len(items) == 2 else ", ".join(items[:-1]) + ", and " + items[-1]


def utc_offset(moment: dt.datetime) -> str:
    minutes = int((moment.utcoffset() or dt.timedelta(0)).total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '−'}{hours}" + (f":{rest:02d}" if rest else "")


def years_between(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def environment(templates: Path, lang: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([templates / lang, templates]),
                             autoescape=jinja2.select_autoescape(["html"], default_for_string=False, default=False),
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        count=lambda n, noun: count(n, noun, lang), long_date=lambda d: long_date(d, lang),
        dateline=lambda d, city: dateline(d, city, lang), duration=lambda n, unit: duration(n, unit, lang),
        time=lambda t: clock(t, lang), and_list=lambda items: and_list(items, lang))
    # Links between the outputs: their exact form costs nothing worth measuring.
    env.globals.update(utc_offset=utc_offset, years_between=years_between,
                       url_for=lambda kind, milestone=None, locale=None, name=None: f"{milestone}/{locale or name}")
    return env


def localize(value: Any, lang: str, locales: set[str], nouns: dict[str, Any]) -> Any:
    """The milestone in one language: {fr: …, en: …} becomes one text, a noun name its forms."""
    if isinstance(value, dict):
        if value.keys() == locales:
            return localize(value[lang], lang, locales, nouns)
        return {k: nouns[v][lang] if k == "noun" and isinstance(v, str) else localize(v, lang, locales, nouns)
                for k, v in value.items()}
    if isinstance(value, list):
        return [localize(v, lang, locales, nouns) for v in value]
    return value


def first_text(fragment: str, tag: str) -> str:
    found = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", fragment, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


def build(project: Path, out: Path, typography: bool) -> int:
    if typography:
        from polytypo.markdown import transform
    data = yaml.load((project / "milestones.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    locales, nouns, defaults = data["locales"], data.get("nouns", {}), data.get("defaults", {})
    envs = {lang: environment(FLOOR_TEMPLATES, lang) for lang in locales}
    converter = markdown.Markdown(extensions=["attr_list", "sane_lists"], output_format="html")
    entries = []
    for raw in data["milestones"]:
        milestone = {**defaults, **raw}
        folder = out / milestone["id"]
        folder.mkdir(parents=True, exist_ok=True)
        releases = []
        for lang in locales:
            m = localize(milestone, lang, set(locales), nouns)
            text = envs[lang].get_template("release.md").render(m=m, locale=lang)
            if typography:
                text = "\n\n".join(transform(b, locale=POLYTYPO_TAGS[lang], dialect="commonmark") for b in text.split("\n\n"))
            body = converter.reset().convert(text)
            title = first_text(body, "h1")
            alternates = [{"locale": o, "name": NAMES[o], "href": f"{o}.html"} for o in locales if o != lang]
            page = envs[lang].get_template("page.html").render(
                m=m, locale=lang, body=markupsafe.Markup(body), title=title, alternates=alternates,
                description=first_text(body.split("</h1>", 1)[-1], "p"), language_names=NAMES)
            (folder / f"{lang}.md").write_text(text, encoding="utf-8")
            (folder / f"{lang}.html").write_text(page, encoding="utf-8")
            releases.append({"locale": lang, "title": title, "status": first_text(body.split("<h1", 1)[0], "p")})
        if "image" in milestone:
            shutil.copyfile(project / milestone["image"]["file"], folder / Path(milestone["image"]["file"]).name)
        entries.append({"id": milestone["id"], "date": milestone["date"], "releases": releases})
    index = envs[locales[0]].get_template("index.html").render(milestones=entries, locales=locales, language_names=NAMES)
    (out / "index.html").write_text(index, encoding="utf-8")
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-typography", action="store_true", help="skip polytypo (the floor of the rest)")
    args = parser.parse_args(argv)
    count_built = build(args.project, args.out, typography=not args.no_typography)
    print(f"floor: {count_built} milestones into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
