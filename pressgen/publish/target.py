"""Where ``pressgen publish`` may write: a folder that will be deployed whole.

Everything in the publish folder goes online, not only what pressgen wrote there. So it must
hold no source (``milestones.yaml``, ``templates/``, the milestones' images, drafts included)
and must not be, hold or sit inside the review copy ``out/``; and it may not sit inside
``templates/``, where an ``index.html`` would shadow a template.
"""

from __future__ import annotations

from pathlib import Path

from pressgen import model
from pressgen.errors import Problem, PressgenError
from pressgen.project.layout import Layout

HINT = "publish into a folder of its own, e.g. `pressgen publish site`"


def check_target(layout: Layout, target: Path, project: model.Project) -> None:
    """Raise :class:`PressgenError` when ``target`` cannot be the publish folder."""
    problem = _problem(layout, target.resolve(), project)
    if problem is not None:
        raise PressgenError([problem])


def _problem(layout: Layout, target: Path, project: model.Project) -> Problem | None:
    root = layout.root.resolve()
    output = layout.output.resolve()
    templates = layout.templates.resolve()
    shown = _shown(layout, target)

    def refuse(message: str) -> Problem:
        return Problem(shown, 0, 0, message, hint=HINT)

    if target.exists() and not target.is_dir():
        return refuse("the publish folder is a file, not a folder")
    if _within(target, output):
        return refuse("this is the review copy out/ (or inside it): it holds drafts and embargoed releases")
    if _within(target, templates):
        return refuse("this is inside templates/: the pages written there would be read as templates")
    if _within(root, target):
        return refuse(f"this folder holds the project's sources ({layout.source.name}), which would be deployed with it")
    if _within(output, target):
        return refuse("this folder holds the review copy out/, which would be deployed with it")
    for milestone in project.milestones:
        if milestone.image is not None and _within((root / milestone.image.file).resolve(), target):
            return refuse(f"this folder holds {milestone.image.file}, an image of the sources, which would be "
                          "deployed whatever the status of its release")
    return None


def _within(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or inside it."""
    return path == folder or folder in path.parents


def _shown(layout: Layout, target: Path) -> str:
    """The folder as messages name it: relative to the project when inside it, with a slash."""
    try:
        relative = target.relative_to(layout.root.resolve()).as_posix()
    except ValueError:
        return f"{target}/"
    return "./" if relative == "." else f"{relative}/"
