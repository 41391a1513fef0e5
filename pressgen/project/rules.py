"""The project's own rules, beyond the shape of each value: one small function each.

Each rule reads the decoded file (:class:`Decoded`) and yields the problems it finds, located
through the source map. :func:`apply_rules` runs them all and fills each milestone's shared
fields from ``defaults``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator

from pressgen import model
from pressgen.errors import Problem
from pressgen.model import walk
from pressgen.project.decode import suggest
from pressgen.project.files import Refusal, VerifiedFile, check_files
from pressgen.project.sources import SourceMap


@dataclass(frozen=True)
class Decoded:
    """What the rules look at: the decoded top level and where everything came from."""

    top: model.SourceFile | None  # None when a value of the file was invalid
    locales: list[str]  # as declared, read before the rest: every translated field depends on them
    sources: SourceMap
    root: Path
    file: str  # the file the top level came from, for problems about it as a whole
    template_locales: set[str] | None  # the languages with a templates folder; None: not checked
    # Every file the milestones name, as checked by files_are_publishable, by path as written.
    files: dict[str, VerifiedFile | Refusal] = field(default_factory=dict)

    @cached_property
    def milestones(self) -> list[tuple[str, model.Milestone]]:
        """Each milestone with its key path, made once for all the rules (10,000 of them)."""
        return [(milestone_path(self.top, self.sources, index), milestone)
                for index, milestone in enumerate(self.top.milestones)]

    @cached_property
    def with_defaults(self) -> list[model.Milestone]:
        """Each milestone with its shared fields filled from ``defaults``: what the rules about
        them check, and what the project holds."""
        return [_with_defaults(m, self.top.defaults) for m in self.top.milestones]


Rule = Callable[[Decoded], Iterator[Problem]]


def milestone_path(top: model.SourceFile, sources: SourceMap, index: int) -> str:
    """A milestone's key path: its id when the sources name it so, else its place in the list."""
    return sources.item_path("milestones", index, top.milestones[index].id)


def locales_are_writable(d: Decoded) -> Iterator[Problem]:
    """Each language once, one pressgen can write, with templates along its chain."""
    from pressgen.language.locale import locale_for

    seen: set[str] = set()
    for i, tag in enumerate(d.locales):
        path = f"locales[{i}]"
        if not d.sources.has(path) or not model.LanguageCode.pattern.fullmatch(tag):
            continue  # not a language code: the decoder reported it
        if tag in seen:
            yield d.sources.problem_at(path, f"'{tag}' is listed twice", "keep one")
        seen.add(tag)
        try:
            chain = locale_for(tag).chain
        except ValueError as error:
            yield d.sources.problem_at(path, f"pressgen cannot write '{tag}': {error}",
                                       "use a CLDR language code such as fr, en, fr_CA, de or pt_BR")
            continue
        if d.template_locales is not None and not set(chain) & d.template_locales:
            yield d.sources.problem_at(path, f"no templates/{tag}/ folder for '{tag}'",
                                       f"add templates/{tag}/ with release.md and page.html (copy another language's)")
    if d.top is not None and not d.top.locales:
        yield d.sources.problem_at("locales", "at least one language is needed", "for example: locales: [fr, en]",
                                   default_file=d.file)


def formats_are_known(d: Decoded) -> Iterator[Problem]:
    from pressgen.render.formats import FORMATS

    for i, name in enumerate(d.top.outputs or []):
        if name not in FORMATS:
            yield d.sources.problem_at(f"outputs[{i}]", f"'{name}' is not an output format",
                                       suggest(name, list(FORMATS)) or f"use any of: {', '.join(FORMATS)}")


def ids_are_unique(d: Decoded) -> Iterator[Problem]:
    """An id names a folder under out/: two milestones cannot share one."""
    first: dict[str, int] = {}
    for index, milestone in enumerate(d.top.milestones):
        if milestone.id in first:
            line = d.sources.places[milestone_path(d.top, d.sources, first[milestone.id])].line
            yield d.sources.problem_at(f"{milestone_path(d.top, d.sources, index)}.id",
                                       f"the id '{milestone.id}' is already used by the milestone on line {line}",
                                       "each milestone needs its own id: it names its folder under out/")
        first.setdefault(milestone.id, index)


def ids_are_not_keys(d: Decoded) -> Iterator[Problem]:
    """Messages name a milestone by its id; one named like a top-level key would be ambiguous."""
    keys = {f.name for f in dataclasses.fields(model.SourceFile)}
    for index, milestone in enumerate(d.top.milestones):
        if milestone.id in keys:
            yield d.sources.problem_at(f"{milestone_path(d.top, d.sources, index)}.id", f"the id '{milestone.id}' is a reserved name",
                                       f"choose another id: {', '.join(sorted(keys))} name parts of the file")


def nouns_are_defined(d: Decoded) -> Iterator[Problem]:
    nouns = d.top.nouns
    for path, milestone in d.milestones:
        for ref_path, ref in _noun_refs(milestone, path):
            if ref not in nouns:
                yield d.sources.problem_at(ref_path, f"no noun named '{ref}' under 'nouns'",
                                           suggest(ref, list(nouns)) or f"define it under 'nouns', or use one of: {', '.join(nouns)}")


def embargo_matches_status(d: Decoded) -> Iterator[Problem]:
    for path, m in d.milestones:
        if m.status == "embargoed" and m.embargo_until is None:
            yield d.sources.problem_at(f"{path}.status", "an embargoed release needs 'embargo_until'",
                                       "add embargo_until: 2017-04-11T09:00:00+02:00 (with the time zone)")
        if m.status != "embargoed" and m.embargo_until is not None:
            yield d.sources.problem_at(f"{path}.embargo_until",
                                       f"'embargo_until' is only for embargoed releases; this one is {m.status}",
                                       "set status: embargoed, or remove embargo_until")


def embargo_follows_date(d: Decoded) -> Iterator[Problem]:
    """An embargo lifts on or after the day the milestone was reached, never before it: an
    earlier one is a typo (a year or a month) that would publish the release too soon."""
    for path, m in d.milestones:
        if m.embargo_until is not None and m.embargo_until.date() < m.date:
            yield d.sources.problem_at(f"{path}.embargo_until",
                                       f"the embargo ends on {m.embargo_until.date().isoformat()}, "
                                       f"before the milestone's date {m.date.isoformat()}",
                                       "check the year and month of embargo_until and date")


def platform_counts_have_nouns(d: Decoded) -> Iterator[Problem]:
    for path, m in d.milestones:
        for j, p in enumerate(m.platforms):
            if p.count is not None and p.noun is None:
                yield d.sources.problem_at(f"{path}.platforms[{j}]", "a platform with a count needs a 'noun'",
                                           "say what the count counts, e.g. noun: follower")


def files_are_publishable(d: Decoded) -> Iterator[Problem]:
    """Every file a milestone names, its own or from defaults: see :mod:`pressgen.project.files`.
    What was read is kept in ``d.files``: the renderer publishes those checked bytes."""
    from pressgen.render.formats import written_names

    for (path, _), m in zip(d.milestones, d.with_defaults):
        named = walk.project_files(m, path)
        for key, refusal in check_files(d.root, named, written_names(m.id, d.locales), d.files):
            yield d.sources.problem_at((key, "defaults" + key[len(path):]), refusal.message, refusal.hint)


def style_is_known(d: Decoded) -> Iterator[Problem]:
    """``style:`` names the project's languages (or a language of their chains), and each gives
    only settings its house style has (French has no ``clock``)."""
    from pressgen.language.locale import locale_for
    from pressgen.language.style import MAX_SPELL_OUT

    chains = {}
    for tag in d.top.locales:
        try:
            chains[tag] = locale_for(tag).chain
        except ValueError:
            continue  # locales_are_writable reported it
    known = list(dict.fromkeys(t for chain in chains.values() for t in chain))
    for tag, settings in d.top.style.items():
        path = f"style.{tag}"
        if tag not in known:
            yield d.sources.problem_at(path, f"'{tag}' is not one of the project's languages ({', '.join(d.top.locales)})",
                                       suggest(tag, known) or "add it to 'locales', or remove it")
            continue
        house = locale_for(tag).rules.house
        if house is None:
            yield d.sources.problem_at(path, f"'{tag}' is written in CLDR's forms, which have no house style to change",
                                       "remove it: house styles are those of French and English")
            continue
        for name in (f.name for f in dataclasses.fields(settings)):
            if getattr(settings, name) is not None and name not in house.settable():
                yield d.sources.problem_at(f"{path}.{name}", f"'{name}' is not a setting of the {house.name} style ({tag})",
                                           f"its settings are: {', '.join(house.settable())}")
        if settings.spell_out_below is not None and not 0 <= settings.spell_out_below <= MAX_SPELL_OUT:
            yield d.sources.problem_at(f"{path}.spell_out_below",
                                       f"spell_out_below is {settings.spell_out_below}; it goes from 0 to {MAX_SPELL_OUT}",
                                       "10 spells out one to nine; 0 writes every number in figures")
    yield from _same_spelling_everywhere(d, chains)


def _same_spelling_everywhere(d: Decoded, chains: dict[str, tuple[str, ...]]) -> Iterator[Problem]:
    """Every language spells numbers out below the same threshold: the figures audit reads « 7 »
    as a figure and « sept », "seven" as none, so "7 years" beside « sept ans » would be a
    figure in one language only."""
    from pressgen.language.locale import locale_for
    from pressgen.language.style import MAX_SPELL_OUT

    if any(not 0 <= (x.spell_out_below or 0) <= MAX_SPELL_OUT for x in d.top.style.values()):
        return  # reported as out of range
    thresholds: dict[str, int] = {}
    for tag in chains:
        house = locale_for(tag, d.top.style).rules.house
        if house is not None:
            thresholds[tag] = house.spell_out_below
    if len(set(thresholds.values())) < 2:
        return
    given = [tag for tag, settings in d.top.style.items() if settings.spell_out_below is not None]
    where = f"style.{given[0]}.spell_out_below" if given else "style"
    shown = ", ".join(f"{tag} {value}" for tag, value in thresholds.items())
    yield d.sources.problem_at(where, f"the languages spell numbers out below different thresholds ({shown})",
                               "give every language the same spell_out_below: the releases must state the same figures")


def time_zones_are_known(d: Decoded) -> Iterator[Problem]:
    """``organisation.time_zone`` is a zone zoneinfo knows (Europe/Paris), in defaults or in a
    milestone."""
    from pressgen.language.zones import known_zones

    places = [("defaults.organisation.time_zone", d.top.defaults.organisation)]
    places += [(f"{path}.organisation.time_zone", m.organisation) for path, m in d.milestones]
    for path, organisation in places:
        zone = organisation.time_zone if organisation is not None else None
        if zone is not None and zone not in known_zones():
            yield d.sources.problem_at(path, f"'{zone}' is not a time zone pressgen knows",
                                       suggest(zone, sorted(known_zones())) or "write its IANA name, such as Europe/Paris or America/Montreal")


def shared_fields_are_given(d: Decoded) -> Iterator[Problem]:
    """organisation, account (unless a subject is given), city and about: in the milestone or
    under defaults."""
    for path, m in d.milestones:
        for name in model.REQUIRED_SHARED:
            if name == "account" and m.subject is not None:
                continue
            if getattr(m, name) is None and getattr(d.top.defaults, name) is None:
                if name == "account":
                    yield d.sources.problem_at(path, "missing key 'account' or 'subject' (what reached the milestone)",
                                               "add 'account:' (a social account, here or under 'defaults'), or "
                                               "'subject:' (a service, programme, place, event or the organisation)")
                    continue
                yield d.sources.problem_at(path, f"missing key '{name}' ({model.SHARED_FIELDS[name].lower()})",
                                           f"add '{name}:' to this milestone or under 'defaults'")


def subject_or_account(d: Decoded) -> Iterator[Problem]:
    """A milestone is reached by a social account or by a subject, not both at once."""
    for path, m in d.milestones:
        if m.subject is not None and m.account is not None:
            yield d.sources.problem_at(f"{path}.subject", "this milestone gives both 'account' and 'subject'",
                                       "keep 'account' for a social account's figure, 'subject' for anything else")


# What each kind of figure needs, and what it cannot have: (field, needed?, why).
_FIGURE_NEEDS = {
    "count": (("noun", True, "what is counted (« trajets »), or a unit (« km »)"),),
    "ordinal": (("noun", True, "what the rank is of (« école rénovée »)"),
                ("unit", False, "an ordinal has no unit")),
    "anniversary": (("noun", False, "an anniversary counts years: leave 'noun' out"),
                    ("unit", False, "an anniversary counts years: leave 'unit' out")),
}
# What only a social account's release can say: the templates write it beside the account.
_ACCOUNT_ONLY = {"platforms": "the organisation's other networks, beside the account"}


def figure_fits_its_kind(d: Decoded) -> Iterator[Problem]:
    """Each kind of figure has what its sentence needs: a count its noun, an anniversary no noun."""
    for path, m in d.milestones:
        for name, needed, why in _FIGURE_NEEDS[m.figure.kind]:
            given = getattr(m.figure, name) is not None
            if m.figure.kind == "count" and m.figure.unit is not None:
                continue  # « 1 000 km »: the unit says what is counted
            if needed and not given:
                yield d.sources.problem_at(f"{path}.figure", f"a figure of kind {m.figure.kind} needs '{name}'",
                                           f"add {name}: … ({why})")
            elif given and not needed:
                yield d.sources.problem_at(f"{path}.figure.{name}", f"a figure of kind {m.figure.kind} has no '{name}'", why)
        if m.peers and m.figure.kind != "count":
            yield d.sources.problem_at(f"{path}.peers", f"peers are compared by count; this figure is an {m.figure.kind}",
                                       "leave 'peers' out, or make the figure a count")


def social_fields_have_an_account(d: Decoded) -> Iterator[Problem]:
    """The first post, the other networks and the activity are said of an account."""
    for path, m in d.milestones:
        if m.subject is None:
            continue
        for name, what in _ACCOUNT_ONLY.items():
            if getattr(m, name):
                yield d.sources.problem_at(f"{path}.{name}", f"'{name}' ({what}) needs an account, and this milestone has a subject",
                                           f"remove '{name}', or give 'account' instead of 'subject'")


def templates_exist(d: Decoded) -> Iterator[Problem]:
    """``template: anniversary`` names ``kinds/anniversary.md`` in the templates of at least one
    language (the others write the default release): a name found nowhere is a typo."""
    from pressgen.language.locale import locale_for
    from pressgen.render.release import KINDS_FOLDER

    if d.template_locales is None:
        return
    templates = d.root / "templates"
    folders: list[Path] = []
    for tag in d.locales:
        try:
            folders += [templates / t for t in locale_for(tag).chain]
        except ValueError:
            continue  # locales_are_writable said so
    folders = list(dict.fromkeys([*folders, templates]))
    known = sorted({p.stem for folder in folders if (folder / KINDS_FOLDER).is_dir()
                    for p in (folder / KINDS_FOLDER).glob("*.md")})
    for path, m in d.milestones:
        if not m.template or m.template in known:
            continue
        first = d.locales[0] if d.locales else "fr"
        yield d.sources.problem_at(
            f"{path}.template", f"no template '{m.template}': no templates/<language>/{KINDS_FOLDER}/{m.template}.md",
            suggest(m.template, known) or (f"use one of: {', '.join(known)}" if known else
                                           f"add templates/{first}/{KINDS_FOLDER}/{m.template}.md, starting with "
                                           "{% extends \"release.md\" %}"))


# Rules about the whole file, run even when a value was invalid, so all problems show at once.
FILE_RULES: tuple[Rule, ...] = (locales_are_writable,)
# Rules that need every value decoded.
RULES: tuple[Rule, ...] = (
    formats_are_known, ids_are_unique, ids_are_not_keys, nouns_are_defined, embargo_matches_status,
    embargo_follows_date, platform_counts_have_nouns, files_are_publishable, shared_fields_are_given,
    style_is_known, time_zones_are_known,
    subject_or_account, figure_fits_its_kind, social_fields_have_an_account, templates_exist,
)


def apply_rules(d: Decoded) -> tuple[model.Project | None, list[Problem]]:
    """The project with defaults applied, or None and every problem the rules found."""
    problems = [problem for rule in FILE_RULES for problem in rule(d)]
    if d.top is None:
        return None, problems
    problems += [problem for rule in RULES for problem in rule(d)]
    if problems:
        return None, problems
    from pressgen.render.formats import FORMATS

    outputs = tuple(name for name in FORMATS if d.top.outputs is None or name in d.top.outputs)
    milestones = [_with_grammar(m, d.locales) for m in d.with_defaults]
    files = {path: found for path, found in d.files.items() if isinstance(found, VerifiedFile)}
    return model.Project(list(d.top.locales), dict(d.top.nouns), milestones, outputs, d.sources, files,
                         site=d.top.site, style=dict(d.top.style)), []


def _with_defaults(m: model.Milestone, defaults: model.Defaults) -> model.Milestone:
    shared = {name: getattr(m, name) if getattr(m, name) is not None else getattr(defaults, name)
              for name in model.SHARED_FIELDS}
    if m.subject is not None:
        shared["account"] = None  # reached by its subject: the default account is not its own
    shared["contacts"] = shared["contacts"] or []
    return dataclasses.replace(m, **shared)


def _with_grammar(m: model.Milestone, locales: list[str]) -> model.Milestone:
    """A subject's gender and number, when left out, as the article of its name says them in
    any language that has one (« les Berges » is plural in English too): every language's
    release agrees the same way."""
    from pressgen.language.locale import locale_for

    s = m.subject
    if s is None or (s.gender is not None and s.number is not None):
        return m
    feminine = plural = None
    for tag, name in s.name.items():
        said = locale_for(tag).rules.article_grammar(name)
        feminine = said[0] if feminine is None else feminine
        plural = said[1] if plural is None else plural
    gender = s.gender or ("feminine" if feminine else "masculine")
    number = s.number or ("plural" if plural else "singular")
    return dataclasses.replace(m, subject=dataclasses.replace(s, gender=gender, number=number))


def _noun_refs(m: model.Milestone, path: str) -> list[tuple[str, str]]:
    refs = [(f"{path}.figure.{name}", getattr(m.figure, name)) for name in ("noun", "unit")
            if getattr(m.figure, name) is not None]
    refs += [(f"{path}.activity[{j}].noun", a.noun) for j, a in enumerate(m.activity)]
    refs += [(f"{path}.platforms[{j}].noun", p.noun) for j, p in enumerate(m.platforms) if p.noun]
    return refs
