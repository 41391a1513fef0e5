"""``pressgen split`` and ``pressgen join``: move a project between its two layouts.

``split`` turns ``milestones.yaml`` into ``pressgen.yaml`` (everything but the releases) and one
``releases/<id>.yaml`` per release; ``join`` does the reverse. Comments and formatting are kept
because the text itself is moved, not a re-dump of the data: ruamel.yaml's round-trip parser
finds where each release starts, and each release takes the lines from the comments above it
to the comments above the next one. (A re-dump would not do: ruamel attaches the comment above
a release to the last value of the release before it, so that comment would land in the wrong
file.) The ``id:`` line goes, since the file name is the id, and comes back on ``join``; the
editor-schema line (``# yaml-language-server: $schema=…``) is adapted to each file.
"""

from __future__ import annotations

import re
from pressgen.authoring.moving import Moved, move, refuse
from pressgen.project.layout import FOLDER, ONE_FILE, RELEASE_SUFFIX, SOURCE_NAME, Layout

SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(?P<ref>\S+)")
_ID_LINE = re.compile(r"(?P<lead>\s*-?\s*)id:\s*(?P<q>[\"']?)(?P<id>[a-z0-9-]+)(?P=q)\s*(?P<comment>#.*)?\n?")
SCHEMA_FILES = {"milestones": "milestones.schema.json", "settings": "pressgen.schema.json",
                "release": "release.schema.json"}


def split(layout: Layout) -> Moved:
    """``milestones.yaml`` → ``pressgen.yaml`` and ``releases/<id>.yaml``."""
    if layout.kind() != ONE_FILE or not layout.milestones_file.is_file():
        raise refuse(layout.display(layout.source), "this project is already one file per release",
                     "`pressgen join` puts it back into one milestones.yaml")
    text = layout.milestones_file.read_text(encoding="utf-8-sig")
    settings, releases = split_text(text, layout.display(layout.milestones_file))
    files = {layout.settings: settings}
    files.update({layout.release_file(milestone_id): body for milestone_id, body in releases})
    return move(layout, files, [layout.milestones_file])


def join(layout: Layout) -> Moved:
    """``pressgen.yaml`` and ``releases/<id>.yaml`` → ``milestones.yaml``."""
    if layout.kind() != FOLDER:
        raise refuse(layout.display(layout.source), "this project is already in one milestones.yaml",
                     "`pressgen split` makes one file per release")
    settings = layout.settings.read_text(encoding="utf-8-sig")
    releases = [(p.name[: -len(RELEASE_SUFFIX)], p.read_text(encoding="utf-8-sig")) for p in layout.release_files()]
    return move(layout, {layout.milestones_file: join_text(settings, releases)},
                [layout.settings, *layout.release_files()])


# -- the texts ------------------------------------------------------------------------------------
def split_text(text: str, name: str = SOURCE_NAME) -> tuple[str, list[tuple[str, str]]]:
    """The settings file's text and each release's (id, text), from a ``milestones.yaml`` text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    document = YAML(typ="rt").load(text)
    if not isinstance(document, CommentedMap) or "milestones" not in document:
        raise refuse(name, "no 'milestones:' list in this file", "run `pressgen check` first")
    seq = document["milestones"]
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    key_line = document.lc.key("milestones")[0]
    keys = list(document)
    after = keys[keys.index("milestones") + 1:]
    if seq is None or (isinstance(seq, CommentedSeq) and not seq):
        starts, end = [], key_line + 1
    elif not isinstance(seq, CommentedSeq) or seq.fa.flow_style():
        raise refuse(name, "the releases are written in the [ … ] style, which split cannot cut into files",
                     "write 'milestones:' with one '- id: …' entry per release, as in the example")
    else:
        starts = [_block_start(lines, seq.lc.item(i)[0], seq.lc.item(i)[1], key_line + 1) for i in range(len(seq))]
        end = _block_start(lines, document.lc.key(after[0])[0], 0, key_line + 1) if after else len(lines)
    releases = []
    schema = _schema_ref(lines)
    for i, milestone in enumerate(seq or []):
        milestone_id = str(milestone.get("id", ""))
        stop = starts[i + 1] if i + 1 < len(starts) else end
        body = _dedent(lines[starts[i]:stop], seq.lc.item(i)[1], milestone_id)
        head = [f"# yaml-language-server: $schema={_sibling(schema, 'release', up=True)}\n"] if schema else []
        releases.append((milestone_id, "".join(head + _trim(body))))
    settings = _trim(lines[:key_line] + lines[end:])
    if schema:
        settings[0] = f"# yaml-language-server: $schema={_sibling(schema, 'settings')}\n"
    return "".join(settings), releases


def join_text(settings: str, releases: list[tuple[str, str]]) -> str:
    """The ``milestones.yaml`` text of a settings text and the releases' (id, text)."""
    lines = _trim(settings.splitlines(keepends=True))
    schema = _schema_ref(lines)
    if schema:
        lines[0] = f"# yaml-language-server: $schema={_sibling(schema, 'milestones')}\n"
    out = lines + ["\n", "milestones:\n"]
    for number, (milestone_id, text) in enumerate(releases):
        body = text.splitlines(keepends=True)
        if body and not body[-1].endswith("\n"):
            body[-1] += "\n"
        if body and SCHEMA_LINE.match(body[0]):
            body = body[1:]
        lead = 0
        while lead < len(body) and (not body[lead].strip() or body[lead].lstrip().startswith("#")):
            lead += 1
        rest = [line for line in body[lead:] if not _is_id_line(line, milestone_id)]
        if number:
            out.append("\n")
        out += [f"  {line}" if line.strip() else "\n" for line in _trim(body[:lead])]
        out.append(f"  - id: {milestone_id}\n")
        out += [f"    {line}" if line.strip() else "\n" for line in _trim(rest)]
    return "".join(out)


def _block_start(lines: list[str], line: int, column: int, floor: int) -> int:
    """The first line of the comments right above ``line`` (comments indented no deeper than
    ``column``: deeper ones belong to a text above), or ``line`` when there are none."""
    start = line
    if column and not lines[line][:column].strip():  # "-" alone on a line above the mapping
        while start > floor and lines[start - 1].strip() != "-":
            start -= 1
        start = max(start - 1, floor)
    first = start
    while first > floor:
        above = lines[first - 1]
        indent = len(above) - len(above.lstrip(" "))
        if above.strip() and not (above.lstrip().startswith("#") and indent <= column):
            break
        first -= 1
    while first < start and not lines[first].strip():
        first += 1  # blank lines above the comments separate, they belong to nobody
    return first


def _dedent(block: list[str], column: int, milestone_id: str) -> list[str]:
    """A release's lines as a file of their own: the list's indentation and the id line gone."""
    out: list[str] = []
    for text in block:
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        if not text.strip():
            out.append("\n")
        elif not _has_content(out) and stripped.rstrip() == "-":
            continue  # a dash alone on its line, the release's first key below it
        elif not _has_content(out) and stripped.startswith("-") and indent < column:
            out.append(text[column:])  # the dash line: the release's first key
        elif indent >= column:
            out.append(text[column:])
        else:
            out.append(stripped)  # a comment less indented than the release
    return _drop_id(out, milestone_id)


def _has_content(lines: list[str]) -> bool:
    """Whether a line that is not a comment came already."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines)


def _drop_id(lines: list[str], milestone_id: str) -> list[str]:
    """Without the top-level ``id:`` line, when it says the file's own name on a line of its own."""
    for i, line in enumerate(lines):
        if line.startswith((" ", "#")) or not line.strip():
            continue
        if _is_id_line(line, milestone_id):
            match = _ID_LINE.fullmatch(line)
            keep = [match.group("comment") + "\n"] if match and match.group("comment") else []
            return lines[:i] + keep + lines[i + 1:]
    return lines


def _is_id_line(line: str, milestone_id: str) -> bool:
    match = _ID_LINE.fullmatch(line if line.endswith("\n") else line + "\n")
    return bool(match and not match.group("lead").strip(" -") and match.group("id") == milestone_id
                and not line.startswith(" "))


def _trim(lines: list[str]) -> list[str]:
    """Without blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return list(lines[start:end])


def _schema_ref(lines: list[str]) -> str:
    match = SCHEMA_LINE.match(lines[0]) if lines else None
    return match.group("ref") if match else ""


def _sibling(ref: str, kind: str, up: bool = False) -> str:
    """The schema reference for another of pressgen's files, beside the one ``ref`` names."""
    folder = ref.rsplit("/", 1)[0] + "/" if "/" in ref else ""
    relative = "://" not in ref and not ref.startswith("/")
    return ("../" if up and relative else "") + folder + SCHEMA_FILES[kind]

