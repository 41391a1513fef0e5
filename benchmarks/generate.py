"""Generate a pressgen project of N milestones, all distinct, from a seeded RNG.

Why: a project that repeats paragraphs lets pressgen's typography cache answer most of them,
and then a build looks about twice as fast as a real one. Here every milestone has its own
date, figures, id, account, quotes, highlights, record, about text, peers, links and
contacts, and no text is used twice (checked while generating; :func:`repeated_paragraphs`
checks the rendered Markdown). The structure follows the example ``milestones.yaml``, and the
result passes ``pressgen check`` (both languages carry the same figures).

Run alone to write one project: ``python benchmarks/generate.py DIR --milestones 1000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

import wording as w

REPO = Path(__file__).resolve().parent.parent
SEED = 2017
IMAGE_COUNT = 8

NOUNS: dict[str, Any] = {
    "follower": {"fr": {"one": "abonné", "other": "abonnés"}, "en": {"one": "follower", "other": "followers"}},
    "subscriber": {"fr": {"one": "inscrit", "other": "inscrits"}, "en": {"one": "subscriber", "other": "subscribers"}},
    "member": {"fr": {"one": "membre", "other": "membres"}, "en": {"one": "member", "other": "members"}},
    "person": {"fr": {"one": "personne", "other": "personnes"}, "en": {"one": "person", "other": "people"}},
    "post": {"fr": {"one": "message publié", "other": "messages publiés"}, "en": {"one": "post", "other": "posts"}},
    "request": {"fr": {"one": "sollicitation traitée", "other": "sollicitations traitées"},
                "en": {"one": "question answered", "other": "questions answered"}},
    "view": {"fr": {"one": "vue", "other": "vues"}, "en": {"one": "view", "other": "views"}},
    "hero": {"fr": {"one": "héros", "other": "héros", "elide": False}, "en": {"one": "hero", "other": "heroes"}},
}
AUDIENCE_NOUNS = ["follower", "subscriber", "member"]
ACTIVITY_NOUNS = ["post", "request", "view", "hero"]


def ascii_word(text: str) -> str:
    """« Édimbourg » -> ``Edimbourg``: for handles, hashtags, e-mail addresses and URLs."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain if c.isalnum())


def french_de(city: str) -> str:
    """« de Lyon », « d'Amsterdam », « du Caire »: French « de » before a city name."""
    if city.startswith("Le "):
        return "du " + city[3:]
    first = ascii_word(city[:1]).lower()
    return ("d'" if first in "aeiouy" else "de ") + city


# The generated releases are published: an address on a domain reserved for examples
# (example.org) would fail `pressgen check`, as it must for a real release.
DOMAIN = "presse-villes.fr"


class Generator:
    """Builds milestones one by one; remembers every text so that none is used twice."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self.first_names = w.FIRST_NAMES["masculine"] + w.FIRST_NAMES["feminine"]

    # -- texts -----------------------------------------------------------------------------
    def fill(self, pair: tuple[str, str], ctx: dict[str, Any]) -> dict[str, str]:
        """One bilingual sentence with its slots filled from ``ctx`` (new place, event, audience)."""
        rng = self.rng
        place, event, aud = rng.choice(w.PLACES), rng.choice(w.EVENTS), rng.choice(w.AUDIENCES)
        year = rng.randint(ctx["first_year"], ctx["year"])
        out = {}
        for i, lang in enumerate(("fr", "en")):
            text = pair[i].replace("de {city}", "{de_city}") if lang == "fr" else pair[i]
            text = text.format(city=ctx["city"][i], de_city=french_de(ctx["city"][0]), network=ctx["network"],
                               handle=ctx["handle"], org=ctx["org"][i], place=place[i], event=event[i],
                               aud=aud[i], year=year)
            out[lang] = text[:1].upper() + text[1:]
        return out

    def paragraph(self, bank: list[tuple[str, str]], ctx: dict[str, Any], low: int, high: int,
                  first: tuple[str, str] | None = None) -> dict[str, str]:
        """``low``..``high`` sentences from ``bank`` as one paragraph, never one seen before."""
        for _ in range(1000):
            count = self.rng.randint(low, high)
            pairs = self.rng.sample(bank, min(count, len(bank)))
            if first is not None:
                pairs = [first] + [p for p in pairs if p != first][: count - 1]
            sentences = [self.fill(pair, ctx) for pair in pairs]
            text = {lang: " ".join(s[lang] for s in sentences) for lang in ("fr", "en")}
            if self.unique(text):
                return text
        raise RuntimeError("the phrase banks are too small for this many milestones")

    def unique(self, text: dict[str, str]) -> bool:
        key = text["fr"] + "\x00" + text["en"]
        if key in self.seen or text["fr"] in self.seen or text["en"] in self.seen:
            return False
        self.seen.update((key, text["fr"], text["en"]))
        return True

    def once(self, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """A short text (a label, a caption) that was not used before."""
        for _ in range(1000):
            text = make()
            if self.unique(text):
                return text
        raise RuntimeError("the phrase banks are too small for this many milestones")

    # -- one milestone ---------------------------------------------------------------------
    def milestone(self, index: int, force_quote: bool = False) -> dict[str, Any]:
        rng = self.rng
        city = rng.choice(w.CITIES)
        network = rng.choice(w.NETWORKS)
        base = ascii_word(city[0])[:16]
        slug = f"{base.lower()}-{index}"
        handle = f"@{base}{index}"
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
        first_day = day - dt.timedelta(days=rng.randint(200, 3650))
        org = (f"Ville {french_de(city[0])}", f"City of {city[1]}")
        ctx = {"city": city, "network": network, "handle": handle, "org": (f"la {org[0]}", f"the {org[1]}"),
               "year": day.year, "first_year": first_day.year}
        count = self.figure_count()
        m: dict[str, Any] = {"id": f"{slug}-{count}", "status": rng.choices(["published", "embargoed", "draft"], [7, 2, 1])[0]}
        if m["status"] == "embargoed":
            zone = dt.timezone(dt.timedelta(hours=rng.choice([1, 2, 0, -5, 9])))
            m["embargo_until"] = dt.datetime.combine(day + dt.timedelta(days=1),
                                                     dt.time(rng.randint(6, 18), rng.choice([0, 30])), zone)
        m["date"] = day
        m["figure"] = {"count": count, "noun": rng.choice(AUDIENCE_NOUNS)}
        m["organisation"] = {"name": {"fr": org[0], "en": org[1]},
                             "short_name": {"fr": "la Ville", "en": "the City"}}
        m["city"] = {"fr": city[0], "en": city[1]}
        m["account"] = self.account(network, handle, base, first_day, ctx)
        m["about"] = self.paragraph(w.ABOUT_SENTENCES, ctx, 2, 4, first=w.ABOUT_SENTENCES[0])
        m["contacts"] = self.contacts(city, slug)
        if rng.random() < 0.25:
            m["headline"] = self.once(lambda: self.fill(rng.choice([
                ("{city} : le compte {handle} bat un nouveau record sur {network}",
                 "{city}: {handle} sets a new record on {network}"),
                ("{network} : {handle}, le compte qui parle à {aud}", "{network}: {handle}, the account that speaks to {aud}"),
            ]), ctx))
        if rng.random() < 0.8:
            m["record"] = self.paragraph(w.RECORD_SENTENCES, ctx, 1, 2)
        highlights = [self.paragraph(w.HIGHLIGHT_SENTENCES, ctx, 1, 3) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
        if highlights:
            m["highlights"] = highlights
        period, activity = self.activity()
        if activity:
            m["activity_period"] = period
            m["activity"] = activity
        platforms = self.platforms(network)
        if platforms:
            m["platforms"] = platforms
        peers = self.peers(city, count)
        if peers:
            m["peers"] = peers
        quotes = [self.quote(ctx) for _ in range(rng.choices([0, 1, 2, 3], [1, 4, 4, 1])[0] or int(force_quote))]
        if quotes:
            m["quotes"] = quotes
        if rng.random() < 0.6:
            m["hashtag"] = f"#{rng.choice(w.HASHTAG_WORDS)}{base}{index}"
        if rng.random() < 0.25:
            m["image"] = self.image(ctx)
        links = self.links(ctx, slug)
        if links:
            m["links"] = links
        return m

    def figure_count(self) -> int:
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            return rng.randint(10, 90) * 100_000  # round: « 2 millions », « 1,5 million »
        if kind < 0.6:
            return rng.randint(1_000_001, 9_999_999)
        return rng.randint(1_000, 999_999)

    def account(self, network: str, handle: str, base: str, first_day: dt.date, ctx: dict[str, Any]) -> dict[str, Any]:
        text, lang = self.rng.choice(w.FIRST_POSTS)
        post = self.once(lambda: self.fill((text, text), ctx))
        return {"network": network, "handle": handle,
                "url": f"https://social.{DOMAIN}/{network.lower().replace(' ', '')}/{handle[1:]}",
                "first_post": {"date": first_day, "text": post["fr"], "lang": lang}}

    def contacts(self, city: tuple[str, str], slug: str) -> list[dict[str, Any]]:
        rng = self.rng
        contacts = []
        for j in range(rng.choice([1, 1, 2])):
            name = (f"Service de presse de la Ville {french_de(city[0])}" if j == 0
                    else f"{rng.choice(self.first_names)} {rng.choice(w.LAST_NAMES)}")
            role = rng.choice(w.CONTACT_ROLES)
            contact: dict[str, Any] = {"name": name, "email": f"presse{j}.{slug}@{DOMAIN}",
                                       "role": {"fr": role[0], "en": role[1]}}
            if rng.random() < 0.5:
                contact["phone"] = f"+33 {rng.randint(1, 9)} " + " ".join(str(rng.randint(10, 99)) for _ in range(4))
            contacts.append(contact)
        return contacts

    def distinct(self, make: Callable[[], Any], key: Callable[[Any], str]) -> Any:
        """A value whose paragraph (its ``key``) no milestone has yet: for the paragraphs the
        templates build from figures alone (activity, platforms, peers)."""
        for _ in range(1000):
            value = make()
            signature = key(value)
            if not signature:  # no paragraph at all
                return value
            if signature not in self.seen:
                self.seen.add(signature)
                return value
        raise RuntimeError("the phrase banks are too small for this many milestones")

    def activity(self) -> tuple[str, list[dict[str, Any]]]:
        rng = self.rng

        def make() -> tuple[str, list[dict[str, Any]]]:
            nouns = rng.sample(ACTIVITY_NOUNS, rng.choice([0, 1, 2, 2, 3]))
            return rng.choice(["day", "week", "month", "year"]), [
                {"count": rng.choice([rng.randint(2, 999), rng.randint(1_000, 99_999)]), "noun": noun,
                 "approx": rng.choice(["exactly", "more_than", "about", "nearly"])} for noun in nouns]

        return self.distinct(make, lambda value: f"activity {value!r}" if value[1] else "")

    def platforms(self, own: str) -> list[dict[str, Any]]:
        rng = self.rng
        others = [n for n in w.NETWORKS if n != own]

        def make() -> list[dict[str, Any]]:
            out = []
            for j, network in enumerate(rng.sample(others, rng.choice([0, 1, 2, 3, 4, 5]))):
                if j == 0 or rng.random() < 0.5:  # one count at least, so that no two paragraphs match
                    out.append({"network": network, "count": rng.randint(500, 5_000_000),
                                "noun": rng.choice(["follower", "person"])})
                else:
                    out.append({"network": network})
            return out

        return self.distinct(make, lambda value: f"platforms {own} {value!r}" if value else "")

    def peers(self, own: tuple[str, str], count: int) -> list[dict[str, Any]]:
        rng = self.rng
        others = [c for c in w.CITIES if c != own]

        def make() -> list[dict[str, Any]]:
            out = []
            for city in rng.sample(others, rng.choice([0, 0, 1, 2, 3, 4])):
                peer: dict[str, Any] = {"name": {"fr": city[0], "en": city[1]}, "count": rng.randint(100, max(200, count))}
                if rng.random() < 0.3:
                    peer["handle"] = f"@{ascii_word(city[0])[:20]}"
                out.append(peer)
            return out

        return self.distinct(make, lambda value: f"peers {value!r}" if value else "")

    def quote(self, ctx: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        text = self.paragraph(w.QUOTE_SENTENCES, ctx, 2, 4)
        if rng.random() < 0.75:
            gender = rng.choice(["masculine", "feminine"])
            role = rng.choice(w.ROLES)
            fr_role = role[0] if gender == "masculine" else role[1]
            return {"speaker": f"{rng.choice(w.FIRST_NAMES[gender])} {rng.choice(w.LAST_NAMES)}",
                    "role": {"fr": fr_role[:1].upper() + fr_role[1:], "en": role[2]},
                    "text": text, "gender": gender}
        body = rng.choice(w.BODIES)
        return {"role": {"fr": body[0], "en": body[2]}, "gender": body[1], "text": text}

    def image(self, ctx: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        image: dict[str, Any] = {
            "file": f"images/visual-{rng.randrange(IMAGE_COUNT)}.svg",
            "alt": self.once(lambda: self.fill(rng.choice(w.IMAGE_ALTS), ctx)),
            "credit": f"{rng.choice(self.first_names)} {rng.choice(w.LAST_NAMES)}",
        }
        if rng.random() < 0.7:
            image["caption"] = self.once(lambda: self.fill(rng.choice(w.IMAGE_CAPTIONS), ctx))
        return image

    def links(self, ctx: dict[str, Any], slug: str) -> list[dict[str, Any]]:
        rng = self.rng
        labels = rng.sample(w.LINK_LABELS, rng.choice([0, 1, 1, 2, 3]))
        return [{"label": self.once(lambda: self.fill(label, ctx)), "url": f"https://{DOMAIN}/{slug}/{j}"}
                for j, label in enumerate(labels)]


def generate(count: int, seed: int = SEED) -> dict[str, Any]:
    """The data of a ``milestones.yaml`` with ``count`` distinct milestones."""
    gen = Generator(seed)
    example = yaml.safe_load((REPO / "milestones.yaml").read_text(encoding="utf-8"))
    milestones = [gen.milestone(i, force_quote=(i == edited_index(count))) for i in range(count)]
    # The outputs Pelican and MkDocs make too (the page) and the review copy, so that the figures
    # compare like with like; the e-mail, wire text and PDF cost apart (about 0.3 s a PDF).
    return {"locales": ["fr", "en"], "outputs": ["md", "html"], "nouns": NOUNS, "defaults": example["defaults"],
            "milestones": milestones}


def edited_index(count: int) -> int:
    """The milestone whose first quote the one-edit benchmark changes (it always has one)."""
    return count // 2


_TOKENS = {"fr": "BENCHEDITFR", "en": "BENCHEDITEN"}  # where the edited quote sits in the YAML


@dataclass
class Project:
    """A generated project: its data, and its YAML with the edited quote left as a hole, so that
    an edit is a string replacement and not a new dump (which takes 20 s at 10,000). ``release``
    is the edited milestone's own file (with the hole) for the folder layout."""

    data: dict[str, Any]
    template: str
    quote: dict[str, str]
    release: str

    def _filled(self, text: str, edit: int | None) -> str:
        """``text`` with the quote as generated, or after edit number ``edit``: a consistent
        edit (both languages), to a text it never had before."""
        texts = dict(self.quote)
        if edit is not None:
            texts["fr"] += f" Message relu {edit + 2} fois avant publication."
            texts["en"] += f" Post read over {edit + 2} times before publication."
        for lang, token in _TOKENS.items():
            text = text.replace(token, json.dumps(texts[lang], ensure_ascii=False), 1)  # JSON strings are YAML
        return text

    def yaml(self, edit: int | None = None) -> str:
        """``milestones.yaml`` as generated, or after edit number ``edit`` of the one quote."""
        return self._filled(self.template, edit)

    @property
    def edited_id(self) -> str:
        return self.data["milestones"][edited_index(len(self.data["milestones"]))]["id"]

    def release_yaml(self, edit: int | None = None) -> str:
        """The edited milestone's ``releases/<id>.yaml`` as generated, or after edit ``edit``."""
        return self._filled(self.release, edit)


def project(count: int, seed: int = SEED) -> Project:
    data = generate(count, seed)
    edited = data["milestones"][edited_index(count)]
    quote = edited["quotes"][0]["text"]
    original = dict(quote)
    quote.update(_TOKENS)
    template, release = dump(data), dump(edited)
    quote.update(original)
    return Project(data, template, original, release)


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """Never writes anchors: pressgen walks aliases within a budget, and none are needed."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict[str, Any]) -> str:
    """The YAML text, one value per line (deterministic: the same data gives the same bytes)."""
    header = "# Generated by benchmarks/generate.py: every milestone and every text is distinct.\n"
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def image_svg(k: int) -> str:
    hue = k * 360 // IMAGE_COUNT
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">'
            f'<rect width="640" height="360" fill="hsl({hue}, 60%, 45%)"/>'
            f'<circle cx="{160 + 40 * k}" cy="180" r="{60 + 5 * k}" fill="#fff" opacity="0.6"/></svg>\n')


def write_project(folder: Path, generated: Project, layout: str = "file") -> None:
    """A complete project in ``folder``: the repository's templates, images, and either
    milestones.yaml (``layout="file"``) or pressgen.yaml and releases/<id>.yaml ("folder")."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", folder / "templates", dirs_exist_ok=True)
    images = folder / "images"
    images.mkdir(exist_ok=True)
    for k in range(IMAGE_COUNT):
        (images / f"visual-{k}.svg").write_text(image_svg(k), encoding="utf-8")
    if layout == "file":
        (folder / "milestones.yaml").write_text(generated.yaml(), encoding="utf-8")
        return
    settings = {key: value for key, value in generated.data.items() if key != "milestones"}
    (folder / "pressgen.yaml").write_text(dump(settings), encoding="utf-8")
    releases = folder / "releases"
    releases.mkdir(exist_ok=True)
    for milestone in generated.data["milestones"]:
        text = generated.release_yaml() if milestone["id"] == generated.edited_id else dump(milestone)
        (releases / f"{milestone['id']}.yaml").write_text(text, encoding="utf-8")


def repeated_paragraphs(project: Path) -> tuple[int, int, list[str]]:
    """(paragraphs, repeats, the most common repeats) over the Markdown pressgen wrote.

    Paragraphs written by the templates alone (headings, the status line, « Pour comparaison,
    … ») are the same in every release and are left out; what remains comes from the data
    and should never repeat."""
    counts: Counter[str] = Counter()
    templates = {p.parent.name: _plain(p.read_text(encoding="utf-8"))
                 for p in (project / "templates").glob("*/release.md")}
    for path in sorted((project / "out").glob("*/*.md")):
        template = templates.get(path.stem, "")
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if block and not block.startswith(("#", "**")) and _plain(block) not in template:
                counts[block] += 1
    repeats = sum(n - 1 for n in counts.values() if n > 1)
    common = [f"{n}x {text[:60]!r}" for text, n in counts.most_common(3) if n > 1]
    return sum(counts.values()), repeats, common


def _plain(text: str) -> str:
    """Spaces and apostrophes as typed, so typeset text can be found in a template."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'").split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--milestones", type=int, default=100)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    write_project(args.folder, project(args.milestones, args.seed))
    print(f"wrote {args.folder / 'milestones.yaml'} ({args.milestones} milestones)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
