"""Whether a file that ``milestones.yaml`` names may be published, and its checked bytes.

A line of the YAML is enough to copy a file next to the releases, which are committed and put
online. So a file is published only when it is a regular file inside the project folder,
reached without leaving it, of an allowed kind by its content (:mod:`pressgen.project.kinds`),
and under a size limit. The path is walked one folder at a time from the project folder, with
``O_NOFOLLOW``, so no symbolic link is followed, not even one that points inside the project:
a link's target is not part of the project that reviewers see, and may change after the check.
What the checks read is what is published (:class:`VerifiedFile`): a file replaced after the
check changes nothing in ``out/``.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from pressgen.project import kinds, names
from pressgen.project.kinds import FileKind
from pressgen.project.layout import OUTPUT_NAME

LIMIT = 10_000_000  # bytes: a press photo needs far less; a larger file is a mistake or an attack
_FLAGS = {name: getattr(os, name, 0) for name in ("O_DIRECTORY", "O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC")}
_OPEN_FOLDER = os.O_RDONLY | _FLAGS["O_DIRECTORY"] | _FLAGS["O_NOFOLLOW"] | _FLAGS["O_CLOEXEC"]
_OPEN_FILE = os.O_RDONLY | _FLAGS["O_NOFOLLOW"] | _FLAGS["O_NONBLOCK"] | _FLAGS["O_NOCTTY"] | _FLAGS["O_CLOEXEC"]
# Opening relative to a folder without following links is what makes the walk safe; a system
# without it (Windows) gets a refusal, not a weaker check.
_SAFE_WALK = (os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd
              and _FLAGS["O_NOFOLLOW"] != 0 and _FLAGS["O_DIRECTORY"] != 0)
_INSIDE_HINT = "give the path of a file inside the project folder, from the folder of milestones.yaml (images/photo.jpg)"


class Refusal(NamedTuple):
    """Why a file is not published, and what to do about it."""

    message: str
    hint: str


@dataclass(frozen=True)
class VerifiedFile:
    """A file that passed every check, with the very bytes that were checked."""

    relative: str  # as milestones.yaml names it
    kind: FileKind
    data: bytes = field(repr=False)

    @property
    def name(self) -> str:
        """Its file name, which is also its name in the milestone's folder under ``out/``."""
        return published_name(self.relative)


def check_project_file(root: Path, relative: str, allowed: tuple[FileKind, ...] = kinds.IMAGES,
                       limit: int = LIMIT) -> VerifiedFile | Refusal:
    """``relative`` (from the project folder ``root``) as a :class:`VerifiedFile`, or why not."""
    refused = path_refusal(relative)
    if refused:
        return refused
    parts = _parts(relative)
    extension = os.path.splitext(parts[-1])[1]
    expected = kinds.for_extension(extension, allowed)
    if expected is None:
        return Refusal(f"'{relative}' is not a kind of file a release may show ({extension or 'no extension'})",
                       f"use a {kinds.described(allowed)} image, named with its extension "
                       f"({', '.join(k.extension for k in allowed)})")
    data = _read_inside(root, parts, relative, limit)
    if isinstance(data, Refusal):
        return data
    found = kinds.recognise(data, allowed)
    if found is None:
        return Refusal(f"'{relative}' is not {expected.article} {expected.name} image: its content is none of "
                       f"{kinds.described(allowed)}", f"export it again as {expected.name}")
    if found is not expected:
        stem = os.path.splitext(parts[-1])[0]
        return Refusal(f"'{relative}' is {found.article} {found.name} image, but its name ends in {extension}",
                       f"rename it to {stem}{found.extension} (and change the path here)")
    refused_content = found.refusal(data)
    if refused_content:
        return Refusal(f"the {found.name} '{relative}' {refused_content[0]}", refused_content[1])
    return VerifiedFile(relative, found, data)


def check_files(root: Path, named: Iterable[tuple[str, str]], taken: dict[str, str],
                checked: dict[str, VerifiedFile | Refusal]) -> Iterator[tuple[str, Refusal]]:
    """The refusals, by key path, among the files one milestone names (key path, path).

    ``taken`` are the names pressgen writes in the milestone's folder; two files of the
    milestone may not share a name either. Each path is read and checked once per run, into
    ``checked``, so the renderer publishes those bytes.
    """
    first: dict[str, str] = {}  # name in out/ -> the path of the file that has it
    for key, relative in named:
        refused = path_refusal(relative)
        name = published_name(relative)
        if refused is None:
            named_so = names.refusal(name, taken)
            refused = Refusal(*named_so) if named_so else None
        if refused is None and first.setdefault(name, relative) != relative:
            refused = Refusal(f"'{relative}' and '{first[name]}' would both be copied as {name}",
                              "rename one of the two files")
        if refused is None:
            if relative not in checked:
                checked[relative] = check_project_file(root, relative)
            found = checked[relative]
            refused = found if isinstance(found, Refusal) else None
        if refused is not None:
            yield key, refused


def published_name(relative: str) -> str:
    """The name of ``relative`` in the milestone's folder under ``out/``: its file name."""
    return relative.rsplit("/", 1)[-1]


def path_refusal(relative: str) -> Refusal | None:
    """Why the path ``relative`` itself is refused (before any file is looked at); None if not."""
    if relative.startswith(("/", "\\")) or (relative[:1].isalpha() and relative[1:2] == ":"):
        return Refusal(f"'{relative}' is an absolute path", _INSIDE_HINT)
    if "\\" in relative or "\x00" in relative:
        return Refusal(f"'{relative}' has a backslash or a NUL character", "separate folders with / (images/photo.jpg)")
    parts = _parts(relative)
    if ".." in parts:
        return Refusal(f"'{relative}' goes up out of its folder with '..'", _INSIDE_HINT)
    if published_name(relative) in ("", "."):
        return Refusal(f"'{relative}' does not end with a file name", _INSIDE_HINT)
    hidden = next((part for part in parts[:-1] if part.startswith(".")), None)
    if hidden is not None:
        return Refusal(f"'{relative}' is inside the hidden folder '{hidden}': hidden files are never published",
                       "move the file to a folder whose name does not start with '.'")
    if len(parts) > 1 and parts[0].lower() == OUTPUT_NAME:
        return Refusal(f"'{relative}' is inside {OUTPUT_NAME}/, which pressgen writes",
                       "keep the original beside milestones.yaml (in images/, say) and give its path")
    named_so = names.refusal(parts[-1], {})
    return Refusal(*named_so) if named_so else None


def _parts(relative: str) -> list[str]:
    """The folders and the file name of ``relative`` (``./`` and doubled slashes dropped)."""
    return [part for part in relative.split("/") if part not in ("", ".")]


def _read_inside(root: Path, parts: list[str], relative: str, limit: int) -> bytes | Refusal:
    """The first ``limit`` bytes of the regular file ``parts`` under ``root``, or why not.

    Every folder is opened relative to the one before with ``O_NOFOLLOW``; the file is looked
    at (lstat) before it is opened, and opened without blocking, so a named pipe or a device is
    refused without being read, and a file swapped for one in between is caught by fstat.
    """
    if not _SAFE_WALK:
        return Refusal(f"'{relative}' cannot be checked on this system, which cannot open files without "
                       "following links", "build on Linux or macOS")
    try:
        folder = os.open(root, os.O_RDONLY | _FLAGS["O_DIRECTORY"])
    except OSError as error:
        return Refusal(f"the project folder cannot be read ({error.strerror})", "check its permissions")
    try:
        for index, part in enumerate(parts[:-1]):
            shown = "/".join(parts[: index + 1])
            refused = _not_a_folder(folder, part, shown, relative)
            if refused:
                return refused
            try:
                inner = os.open(part, _OPEN_FOLDER, dir_fd=folder)
            except OSError as error:
                return _open_refusal(error, shown, relative, folder=True)
            os.close(folder)
            folder = inner
        return _read_file(folder, parts[-1], relative, limit)
    finally:
        os.close(folder)


def _not_a_folder(folder: int, part: str, shown: str, relative: str) -> Refusal | None:
    try:
        info = os.stat(part, dir_fd=folder, follow_symlinks=False)
    except OSError as error:
        return _open_refusal(error, shown, relative, folder=True)
    if stat.S_ISLNK(info.st_mode):
        return _link_refusal(folder, part, shown, relative)
    if not stat.S_ISDIR(info.st_mode):
        return Refusal(f"'{relative}': '{shown}' is not a folder", "check the path")
    return None


def _read_file(folder: int, name: str, relative: str, limit: int) -> bytes | Refusal:
    try:
        before = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except OSError as error:
        return _open_refusal(error, relative, relative, folder=False)
    if stat.S_ISLNK(before.st_mode):
        return _link_refusal(folder, name, relative, relative)
    if not stat.S_ISREG(before.st_mode):
        return _type_refusal(before.st_mode, relative)
    try:
        handle = os.open(name, _OPEN_FILE, dir_fd=folder)
    except OSError as error:
        return _open_refusal(error, relative, relative, folder=False)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino):
            return Refusal(f"'{relative}' changed while pressgen was checking it", "run the command again")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return Refusal(f"'{relative}' cannot be read ({error.strerror})", "check the file")
    finally:
        os.close(handle)
    if size > limit:
        return Refusal(f"'{relative}' is larger than {limit // 1_000_000} MB",
                       "make it smaller: a press image of 2,000 to 3,000 pixels across is plenty")
    if size == 0:
        return Refusal(f"'{relative}' is empty", "give the image itself, or remove 'image:'")
    return b"".join(chunks)


def _link_refusal(folder: int, name: str, shown: str, relative: str) -> Refusal:
    try:
        target = os.readlink(name, dir_fd=folder)
    except OSError:
        target = "?"
    where = "" if shown == relative else f": '{shown}'"
    return Refusal(f"'{relative}'{where} is a symbolic link (to '{target}')",
                   "copy the file itself into the project: pressgen publishes no linked file, "
                   "whose content is not part of the project")


def _type_refusal(mode: int, relative: str) -> Refusal:
    if stat.S_ISDIR(mode):
        return Refusal(f"'{relative}' is a folder, not a file", "give the path of the image inside it")
    what = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return Refusal(f"'{relative}' is {what}, not a file", "give the path of an image file")


def _open_refusal(error: OSError, shown: str, relative: str, folder: bool) -> Refusal:
    if error.errno == errno.ENOENT:
        what = f"no folder '{shown}'" if folder else f"no file '{relative}'"
        return Refusal(f"{what} in the project folder", "check the spelling: the path is from the folder of milestones.yaml")
    if error.errno == errno.ELOOP:
        return Refusal(f"'{shown}' is a symbolic link", "copy the file itself into the project")
    if error.errno == errno.ENOTDIR:
        return Refusal(f"'{relative}': '{shown}' is not a folder", "check the path")
    return Refusal(f"'{relative}' cannot be read ({error.strerror})", "check the file and its permissions")
