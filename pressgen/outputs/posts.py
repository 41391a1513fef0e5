"""The posts that announce a release on the social networks, one file per language.

Each network has its template, ``templates/<locale>/posts/<network>.txt`` (see
:mod:`pressgen.render.networks` for the networks, their limits and how each counts). The
file shows every post with its count and its network's limit, so that a reviewer sees the
margin; a post over its limit, or without the release's link or the milestone's hashtag, fails
the build at the template line that wrote it.
"""

from __future__ import annotations

from pressgen.errors import PressgenError, Problem, source_line
from pressgen.render.formats import OutputContext, output_path
from pressgen.render.networks import NETWORKS, Network
from pressgen.render.release import Release

POSTS_FOLDER = "posts"


def render(release: Release, context: OutputContext) -> bytes:
    page = output_path("html", release.milestone_id, release.locale)
    link = context.site.base_url.absolute(page) if context.site else page
    m = release.m
    hashtag = str(getattr(m, "hashtag", None) or "")
    problems: list[Problem] = []
    blocks = []
    for network in NETWORKS:
        name = f"{POSTS_FOLDER}/{network.name}.txt"
        written = context.template_lines(release.locale, name, m=m, locale=release.locale, title=release.title,
                                         description=release.description, link=link, hashtag=hashtag,
                                         network=network)
        text = "".join(piece for _, piece in written.pieces).strip()
        count = network.count(text)
        problems += _problems(network, text, count, written, link, hashtag)
        blocks.append(f"[{network.label}] {count}/{network.limit}\n{text}\n")
    if problems:
        raise PressgenError(problems)
    header = ""
    if release.milestone.status != "published":  # the release's own words: not to post yet
        header += f"# {release.status}\n\n"
    if context.site is None:
        header += f"# site.base_url is not set in milestones.yaml: the link below is the page's path, {page}\n\n"
    return (header + "\n".join(blocks)).encode("utf-8")


def _problems(network: Network, text: str, count: int, written, link: str, hashtag: str) -> list[Problem]:
    found = []

    def problem(line: int, message: str, hint: str) -> Problem:
        return Problem(written.file, line, 0, f"template: {message}", hint=hint,
                       source_line=source_line(written.path, None, line))

    if count > network.limit:
        line = _line_past(network, written.pieces)
        found.append(problem(line, f"the {network.label} post counts {count:,} {network.unit}, over its limit of "
                             f"{network.limit:,} (by {count - network.limit:,})",
                             "shorten this line of the template, or leave out a field it prints"))
    if link not in text:
        found.append(problem(1, f"the {network.label} post does not include the release's link",
                             "write {{ link }} in the post"))
    if hashtag and hashtag not in text:
        found.append(problem(1, f"the {network.label} post does not include the hashtag {hashtag}",
                             "write {{ hashtag }} in the post"))
    return found


def _line_past(network: Network, pieces: list[tuple[int, str]]) -> int:
    """The template line whose output takes the post past its network's limit. Jinja2 writes
    consecutive lines of text as one piece: a piece's own line breaks count from its line."""
    text = ""
    for line, piece in pieces:
        for offset, part in enumerate(piece.splitlines(keepends=True)):
            text += part
            if network.count(text.strip()) > network.limit:
                return line + offset
    return pieces[-1][0] if pieces else 1
