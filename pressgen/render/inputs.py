"""What a milestone's files are made from, as digests: the keys of the build cache.

An unchanged milestone is neither re-rendered nor re-typeset (:mod:`pressgen.output.cache`
keeps its files' fingerprints and its summaries), so everything that can change a byte of its
files must be in one of these digests:

- :func:`code_digest`: pressgen's own files, every installed distribution (name and version:
  Jinja2, Python-Markdown, Babel, polytypo, WeasyPrint…) and Python's version; a cache from
  another version is not used at all;
- :func:`project_digest`: what every release shares (the languages, the nouns, the formats,
  the site's address, the house styles);
- :func:`milestone_digest`: the milestone's data after defaults (its organisation, account,
  contacts…: :func:`data_digest`) and the bytes of every file it names (its image, the logo);
- :meth:`Templates.digest`: the templates a render asked for, as they are now along each
  language's chain, including the ones it asked for and did not find (a template added in
  ``templates/fr_CA/`` shadows the one of ``templates/fr/``).

Reading them costs a ``repr`` per milestone whose release file was read (the others keep the
digest of their data from the cache) and a few stats per template: no Jinja2, no Markdown, no
typography.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from pressgen import model

_CODE: list[str] = []
# pressgen's own metadata (pressgen-0.1.0.dist-info; the pressgen.egg-info that an editable
# install leaves in the checkout, where `python -m pressgen` finds it and `pressgen` does
# not): its files are in the code digest byte for byte already.
_OWN_METADATA = ("pressgen-", "pressgen.")


def code_digest() -> str:
    """pressgen's files, the installed distributions and Python: the same digest, the same code."""
    if not _CODE:
        _CODE.append(files_digest(str(Path(__file__).resolve().parent.parent), sys.path))
    return _CODE[0]


def files_digest(package: str, path_entries: Iterable[str]) -> str:
    """Every file under ``package`` (its ``__pycache__`` left out), the names of the
    distributions installed in ``path_entries``, and Python's version."""
    h = hashlib.sha256(sys.version.encode("utf-8"))
    # Plain strings, not Path objects: half of this digest's time went to them (every build
    # makes it, one with nothing to do too: 11 ms of its 135 here).
    cut = len(package) + 1
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            h.update(b"\0" + path[cut:].replace(os.sep, "/").encode("utf-8") + b"\0")
            with open(path, "rb") as file:
                h.update(file.read())
    for entry in path_entries:  # the folders that hold distributions: how the program was started
        try:  # (`pressgen`, `python -m pressgen`, a PYTHONPATH) adds others, which must not count
            names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info"))
                           and not n.startswith(_OWN_METADATA))
        except OSError:
            continue
        if names:
            h.update(b"\0" + "\n".join(names).encode("utf-8"))
    return h.hexdigest()


def project_digest(project: model.Project) -> str:
    """What every release of the project depends on besides its own data."""
    return _digest(repr((project.locales, sorted(project.nouns.items()), project.outputs, project.site,
                         sorted(project.style.items()))))


def data_digest(milestone: model.Milestone) -> str:
    """The milestone's data after defaults (a ``repr``, the same for the same values)."""
    return hashlib.sha256(repr(milestone).encode("utf-8")).hexdigest()


def milestone_digest(project: model.Project, milestone: model.Milestone, files: dict[str, str], data: str) -> str:
    """The milestone's data after defaults (``data``: its :func:`data_digest`) and the bytes of
    the files it names; ``files`` memoises each file's digest across milestones (a logo they
    all share)."""
    from pressgen.model.walk import project_files

    h = hashlib.sha256(data.encode("ascii"))
    for _, relative in project_files(milestone, milestone.id):
        if relative not in files:
            checked = project.files.get(relative)
            files[relative] = hashlib.sha256(checked.data).hexdigest() if checked is not None else "missing"
        h.update(f"\0{relative}\0{files[relative]}".encode("utf-8"))
    return h.hexdigest()


class Sources:
    """Every byte a build reads (a digest of each file), so that a build with nothing to do
    can tell without reading the project: its YAML files and how the layout finds them, the
    whole ``templates/`` folder, the files the milestones name and ``translations.lock``.

    The YAML files and templates are read when this is made, before the project is loaded: a
    file saved during the build then differs from what the cache records."""

    def __init__(self, layout):
        self.layout = layout
        h = hashlib.sha256()
        found = [layout.milestones_file.is_file(), layout.settings.is_file()]
        h.update(repr(found).encode("utf-8"))
        for path in layout.source_files():
            _add_file(h, layout.display(path), path)
        for folder, dirs, files in os.walk(layout.templates):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder) / name
                _add_file(h, layout.display(path), path)
            h.update(("\0dirs\0" + "\0".join(dirs)).encode("utf-8"))
        self.base = h.hexdigest()

    def digest(self, named: dict[str, str], lock: str) -> str:
        """With the digests of the files the milestones name and of the translation lock."""
        return _digest("\n".join([self.base, *(f"{rel}\0{named[rel]}" for rel in sorted(named)), lock]))

    def named_on_disk(self, relatives: Iterable[str]) -> dict[str, str]:
        """The digests of the files ``relatives`` as they are now (the ones the last build used)."""
        return {rel: _file_digest(self.layout.root / rel) for rel in relatives}


def named_in_project(project: model.Project) -> dict[str, str]:
    """The digests of the bytes the project's checks verified (and the render used)."""
    return {rel: hashlib.sha256(checked.data).hexdigest() for rel, checked in project.files.items()}


def bytes_digest(data: bytes | None) -> str:
    return hashlib.sha256(data).hexdigest() if data is not None else "absent"


def _file_digest(path: Path) -> str:
    try:
        return bytes_digest(path.read_bytes())
    except FileNotFoundError:
        return "absent"
    except OSError as error:
        return f"unreadable {error.errno}"


def _add_file(h, name: str, path: Path) -> None:
    h.update(f"\0{name}\0{_file_digest(path)}".encode("utf-8"))


class Templates:
    """The templates as they are now, read at most once per build."""

    def __init__(self, templates: Path):
        self.templates = templates
        self._found: dict[tuple[str, str], str] = {}
        self._digests: dict[tuple[tuple[str, str], ...], str] = {}  # most milestones ask for the same ones

    def digest(self, asked: Iterable[tuple[str, str]]) -> str:
        """The templates ``asked`` (language, name), each as found along that language's chain."""
        wanted = tuple(sorted(set(asked)))
        found = self._digests.get(wanted)
        if found is None:
            found = self._digests[wanted] = _digest("\n".join(f"{tag}\0{name}\0{self._one(tag, name)}"
                                                              for tag, name in wanted))
        return found

    def _one(self, tag: str, name: str) -> str:
        key = (tag, name)
        if key not in self._found:
            from pressgen.language.locale import locale_for
            from pressgen.render.folders import template_folders

            found = "absent"
            for number, folder in enumerate(template_folders(self.templates, locale_for(tag))):
                path = folder / name
                try:
                    data = path.read_bytes()
                except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                    continue
                except OSError as error:  # unreadable: never equal to what was rendered
                    found = f"unreadable {error.errno}"
                    break
                found = f"{number}:{hashlib.sha256(data).hexdigest()}"
                break
            self._found[key] = found
        return self._found[key]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
