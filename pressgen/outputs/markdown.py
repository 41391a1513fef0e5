"""The review copy: the typeset Markdown, one sentence per line, so a pull request diffs well."""

from __future__ import annotations

from pressgen.render.formats import OutputContext
from pressgen.render.release import Release


def render(release: Release, context: OutputContext) -> bytes:
    return release.markdown.encode("utf-8")
