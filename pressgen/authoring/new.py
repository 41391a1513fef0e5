"""``pressgen new ID``: add a release skeleton to the project, in its own layout.

In the folder layout it is a new file, ``releases/<id>.yaml``. In ``milestones.yaml`` it is a
new entry at the end of the list, written with ruamel.yaml's round trip; every other line of
the file is kept byte for byte, and this is checked before anything is written. The skeleton
itself comes from :mod:`pressgen.authoring.skeleton`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import io
from dataclasses import dataclass
from typing import Any

from pressgen import model
from pressgen.authoring.skeleton import Answers, entries
from pressgen.authoring.split import SCHEMA_LINE
from pressgen.errors import PressgenError, Problem
from pressgen.project.layout import FOLDER, Layout


class Refused(ValueError):
    """The command line asked for something impossible (an unsafe id, an unknown noun)."""


@dataclass(frozen=True)
class Context:
    """What ``new`` needs to know of the project, read leniently (it may have other problems)."""

    locales: list[str]
    nouns: list[str]
    default_noun: str


def context(layout: Layout) -> Context:
    """The project's languages and nouns, from its main file."""
    from pressgen.project.load import load_source
    from pressgen.project.read import declared_locales
    from pressgen.project.sources import SourceMap

    layout.kind()  # both layouts at once: say so now
    source = load_source(layout.source, layout.display(layout.source), SourceMap())
    locales = declared_locales(source.root) or ["fr", "en"]
    nouns: list[str] = []
    for key, value in getattr(source.root, "value", []) or []:
        if getattr(key, "value", None) == "nouns" and hasattr(value, "value") and isinstance(value.value, list):
            nouns = [k.value for k, _ in value.value if hasattr(k, "value")]
    return Context(locales, nouns, nouns[0] if nouns else "follower")


def check_id(milestone_id: str) -> None:
    if not model.Slug.pattern.fullmatch(milestone_id):
        raise Refused(f"'{milestone_id}' is not {model.Slug.expected} (for example: {model.Slug.example})")
    reserved = {f.name for f in dataclasses.fields(model.SourceFile)}
    if milestone_id in reserved:
        raise Refused(f"'{milestone_id}' is a reserved name: {', '.join(sorted(reserved))} name parts of the file")


def check_noun(found: Context, noun: str) -> None:
    if found.nouns and noun not in found.nouns:
        raise Refused(f"no noun named '{noun}' under 'nouns'; use one of: {', '.join(found.nouns)}")


def new_release(layout: Layout, answers: Answers) -> str:
    """Write the skeleton; returns the file written, as messages show it. :class:`Refused`
    for an unsafe id or an unknown noun, :class:`PressgenError` for an id that exists."""
    check_id(answers.id)
    found = context(layout)
    check_noun(found, answers.noun)
    if layout.kind() == FOLDER:
        return _new_file(layout, answers, found)
    return _new_entry(layout, answers, found)


def _new_file(layout: Layout, answers: Answers, found: Context) -> str:
    path = layout.release_file(answers.id)
    shown = layout.display(path)
    if path.exists():
        raise PressgenError([Problem(shown, 0, 0, f"a release with the id '{answers.id}' exists already",
                                     hint="choose another id, or edit this file")])
    head = ""
    match = SCHEMA_LINE.match(layout.settings.read_text(encoding="utf-8-sig").split("\n", 1)[0])
    if match:
        from pressgen.authoring.split import _sibling

        head = f"# yaml-language-server: $schema={_sibling(match.group('ref'), 'release', up=True)}\n"
    text = head + _dump(_commented(answers, found.locales, with_id=False, indent=0))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # never over a file that appeared meanwhile
        handle.write(text)
    return shown


def _new_entry(layout: Layout, answers: Answers, found: Context) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = layout.milestones_file
    shown = layout.display(path)
    text = path.read_text(encoding="utf-8-sig")
    yaml = _yaml(text)
    document = yaml.load(text)
    if not isinstance(document, CommentedMap) or "milestones" not in document:
        raise PressgenError([Problem(shown, 0, 0, "no 'milestones:' list to add the release to",
                                     hint="add a line 'milestones:' at the end of the file, then run this again")])
    releases = document["milestones"]
    empty = releases is None or (isinstance(releases, CommentedSeq) and not releases)
    if not empty and (not isinstance(releases, CommentedSeq) or releases.fa.flow_style()):
        raise PressgenError([Problem(shown, 0, 0, "the releases are written in the [ … ] style, which new cannot add to",
                                     hint="write 'milestones:' with one '- id: …' entry per release, as in the example")])
    for index, item in enumerate(releases or []):
        if isinstance(item, CommentedMap) and str(item.get("id")) == answers.id:
            line, column = item.lc.value("id")
            raise PressgenError([Problem(shown, line + 1, column + 1, f"a release with the id '{answers.id}' exists already",
                                         f"{answers.id}.id", "choose another id, or edit this release",
                                         text.splitlines()[line])])
    indent = releases.lc.item(0)[1] if releases else 4
    entry = _commented(answers, found.locales, with_id=True, indent=indent)
    if empty:  # "milestones:" or "milestones: []" becomes the list of this one release
        document["milestones"] = CommentedSeq([entry])
    else:
        releases.append(entry)
    out = io.StringIO()
    yaml.dump(document, out)
    result = _separated(text, out.getvalue(), document.lc.key("milestones")[0] if empty else None)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(result)
    return shown


def _separated(before: str, after: str, key_line: int | None = None) -> str:
    """``after``, checked to be ``before`` with one block of lines added (or, for an empty list,
    its ``milestones:`` line, ``key_line``, rewritten), and a blank line above that block when
    the file separates its parts with blank lines."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if old and not old[-1].endswith("\n"):
        old[-1] += "\n"
    opcodes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if key_line is not None and len(opcodes) == 1 and opcodes[0][0] == "replace" \
            and (opcodes[0][1], opcodes[0][2]) == (key_line, key_line + 1):
        return after
    if len(opcodes) != 1 or opcodes[0][0] != "insert":
        raise PressgenError([Problem("milestones.yaml", 0, 0,
                                     "adding the release would rewrite other lines of this file; nothing was written",
                                     hint="add it by hand, or keep one file per release (`pressgen split`)")])
    at, end = opcodes[0][3], opcodes[0][4]
    block = new[at:end]
    above = new[at - 1].rstrip() if at else ""
    if above and not above.endswith(":") and "\n" in old:  # the file's parts are separated by blank lines
        block = ["\n", *block]
    return "".join(new[:at] + block + new[end:])


def _commented(answers: Answers, locales: list[str], with_id: bool, indent: int):
    from ruamel.yaml.comments import CommentedMap

    release = CommentedMap()
    if with_id:
        release["id"] = answers.id
    for entry in entries(answers, locales):
        release[entry.key] = _flow(entry.value)
        if entry.comment:
            release.yaml_set_comment_before_after_key(entry.key, before=entry.comment, indent=indent)
    return release


def _flow(value: Any) -> Any:
    """Short mappings in the example's style: ``{count: 1000, noun: follower}``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        out = CommentedMap((key, _flow(item)) for key, item in value.items())
        if all(isinstance(v, (int, str, dt.date)) and len(str(v)) < 30 for v in value.values()) and len(value) <= 2 \
                and not any(": " in str(v) for v in value.values()):
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        return CommentedSeq(_flow(item) for item in value)
    if isinstance(value, str) and (": " in value or value.startswith(("@", "#"))):
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(value)  # quoted as the example quotes
    return value


def _yaml(text: str = ""):
    """ruamel.yaml's round trip, with the file's own indentation (the example's by default)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    mapping, sequence, offset = 2, 4, 2
    if text:
        from ruamel.yaml.util import load_yaml_guess_indent

        try:
            _, guessed, guessed_offset = load_yaml_guess_indent(text)
            if guessed and guessed_offset is not None:
                sequence, offset = guessed, guessed_offset
        except Exception:  # noqa: BLE001 - a guess; the defaults are the example's
            pass
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(value: Any) -> str:
    out = io.StringIO()
    _yaml().dump(value, out)
    return out.getvalue()


