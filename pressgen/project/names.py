"""What a published file may be called in ``out/``.

A file a milestone names is copied into the milestone's folder under its own name, next to the
releases. So that it can never take the place of a file pressgen writes (``fr.html``, the
manifest), hide (``.htaccess``), or differ only in case from another one (``Photo.jpg`` and
``photo.jpg`` are one file on macOS and Windows), its name is lower-case letters, digits, ``-``
and ``_``, with its extension; any other name is refused with the name to use instead.
"""

from __future__ import annotations

import re
import unicodedata

SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*")
_OWN_PREFIX = ".pressgen"  # the manifest (.pressgen-manifest) and the files staged while writing


def refusal(name: str, taken: dict[str, str]) -> tuple[str, str] | None:
    """Why ``name`` may not be a published file's name, and what to do; None when it may.

    ``taken`` gives the names pressgen writes itself where the file would go, each with what
    that file is (:func:`pressgen.render.formats.written_names`).
    """
    if name not in taken and SAFE_NAME.fullmatch(name):  # which never starts with a dot
        return None  # nearly every name: no suggestion to make
    better = suggestion(name)
    if better in taken:
        better = _renamed(better)
    if name in taken:
        return f"the name '{name}' is taken: {taken[name]}", f"rename the file, for example to {better}"
    if name.startswith(_OWN_PREFIX):
        return (f"'{name}' is named like pressgen's own files (its manifest, the files it stages)",
                f"rename the file, for example to {better}")
    if name.startswith("."):
        return f"'{name}' is a hidden file: hidden files are never published", f"rename it to {better}"
    return (f"'{name}' is not a name pressgen publishes: lower-case letters, digits, '-' and '_', "
            "then the extension", f"rename the file to {better} (and change the path here)")


def suggestion(name: str) -> str:
    """A safe name close to ``name``: ``Photo Équipe (1).JPG`` → ``photo-equipe-1.jpg``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    stem, dot, extension = plain.strip(".").rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = re.sub(r"[^a-z0-9_]+", "-", stem).strip("-_") or "image"
    extension = re.sub(r"[^a-z0-9]+", "", extension)
    return f"{stem}.{extension}" if extension else stem


def _renamed(name: str) -> str:
    stem, _, extension = suggestion(name).rpartition(".")
    return f"{stem}-image.{extension}" if stem else f"{extension}-image"
