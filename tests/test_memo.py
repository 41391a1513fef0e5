"""Release files kept as decoded between builds (pressgen.project.memo): a build of the folder
layout decodes only the files that changed, and what it takes from the memo is exactly what
decoding the YAML gives. The memo is kept in the user's cache folder, never in the project;
whether a file is the one the last build of out/ read is the build cache's to say.

Which files a build decoded is what :class:`pressgen.pipeline.BuildReport` says (``decoded``,
filled in as the build reads); "the same" is always compared with a copy of the project built
with ``--no-cache``, which decodes every file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, copy_example, copy_example_as_folder, invoke, read_cache_file, tree, write_cache_file
from pressgen import model, pipeline
from pressgen.cli import main
from pressgen.output.cache import CACHE_NAME
from pressgen.pipeline import load_project
from pressgen.project.layout import Layout
from pressgen.project.memo import ReleaseMemo, memo_path
from pressgen.render.inputs import code_digest

RELEASES = ["releases/centquatre-15-ans.yaml", "releases/paris-1-million.yaml", "releases/paris-2-millions.yaml",
            "releases/paris-instagram-150000.yaml", "releases/pistes-cyclables-1000-km.yaml",
            "releases/velib-100-millions.yaml"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_example_as_folder(tmp_path / "folder")


def user_cache() -> Path:
    """The user's cache folder the CLI uses in the tests (tests/conftest.py): the memo of a
    project is one file there, named after the project's folder."""
    return Path(os.environ["XDG_CACHE_HOME"], "pressgen")


def build(project: Path) -> pipeline.BuildReport:
    return pipeline.build(Layout(project), user_cache=user_cache())


def kept_file(project: Path) -> Path:
    return memo_path(user_cache() / "releases", project, code_digest())


def rewrite_memo(project: Path, change) -> None:
    """Give ``change`` the memo's entries (file name -> (key, pickle)) and write back what it left."""
    path = kept_file(project)
    form, code, entries = pickle.loads(path.read_bytes())
    change(entries)
    path.write_bytes(pickle.dumps((form, code, entries)))


def change_value(entries: dict, name: str, change) -> None:
    """Change the kept value of release file ``name``, under its key."""
    key, data = entries[name]
    value, shallow, deeper = pickle.loads(data)
    entries[name] = (key, pickle.dumps((change(value), shallow, deeper)))


def same_as_without_cache(project: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("out"))
    assert main(["--project", str(fresh), "build", "--no-cache"]) == 0
    assert tree(project / "out") == tree(fresh / "out")
    assert (project / "translations.lock").read_bytes() == (fresh / "translations.lock").read_bytes()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def same_types(a: Any, b: Any) -> bool:
    """Equal, and made of the same classes all the way down (a text is a str, a Url a Url)."""
    if type(a) is not type(b):
        return False
    if dataclasses.is_dataclass(a):
        return all(same_types(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_types(x, y) for x, y in zip(a, b))
    return a == b


def generated_project(tmp_path: Path) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    generate.write_project(tmp_path / "generated", generate.project(40), "folder")
    return tmp_path / "generated"


def test_every_release_comes_back_as_the_decoder_made_it(tmp_path: Path) -> None:
    """Kept and read back: equal, the same repr (the build cache's digests are made of it; an
    embargo's offset is in it) and the same classes, for every example release and forty
    generated ones."""
    projects = [REPO, copy_example_as_folder(tmp_path / "folder"), generated_project(tmp_path)]
    loaded = [load_project(Layout(root)) for root in projects]
    milestones = [m for project in loaded for m in project.milestones]
    assert len(milestones) == 6 + 6 + 40
    assert any(m.embargo_until for m in milestones) and any(m.subject for m in milestones)
    path = tmp_path / "memo"
    memo = ReleaseMemo(path, code_digest())
    for number, milestone in enumerate(milestones):
        memo.remember(f"releases/{number}.yaml", f"key {number}", milestone.id, milestone, {})
    memo.save()
    back = ReleaseMemo(path, code_digest())
    for number, milestone in enumerate(milestones):
        value, _, _ = back.reuse(f"releases/{number}.yaml", f"key {number}", milestone.id)
        assert value == milestone and repr(value) == repr(milestone) and same_types(value, milestone)
    assert back.reuse("releases/0.yaml", "another key", milestones[0].id) is None


def test_every_place_comes_back_as_decoding_gives_it(folder: Path) -> None:
    """The places of the releases taken from the memo (kept without the key path of their
    release at their start) are those decoding the files gives, each key path and position."""
    from pressgen.project.folder import read_folder
    from pressgen.project.sources import SourceMap

    build(folder)
    layout = Layout(folder)
    decoded, kept = SourceMap(), SourceMap()
    read_folder(layout, decoded)
    memo = ReleaseMemo(kept_file(folder), code_digest())
    read_folder(layout, kept, memo)
    assert memo.decoded == [] and len(memo.keys) == 6 and len(decoded.places) > 300
    assert {path: kept.place(path) for path in decoded.places} == decoded.places
    assert kept.places == decoded.places  # nothing more, once every release's places are read


def test_the_memo_is_kept_outside_the_project(folder: Path) -> None:
    """A value taken from the memo skips the decoder's checks, so it is never where a pull
    request could put it: the build cache in out/ holds keys, not values."""
    build(folder)
    assert kept_file(folder).is_file()
    assert kept_file(folder).parent.stat().st_mode & 0o077 == 0  # the user's alone
    quote = "nos deux millions"
    assert not any(quote.encode() in path.read_bytes() for path in (folder / "out").rglob(".*") if path.is_file())


def test_a_new_version_removes_the_memos_of_the_others_and_keeps_its_own(folder: Path, tmp_path: Path) -> None:
    """No build of this version reads another's memos: they are removed when its own folder is
    made, not left behind one per project ever built; the memos of this version stay."""
    cache = tmp_path / "cache"  # this version has no folder in it yet
    other_version = cache / "releases" / ("0" * 24)
    other_version.mkdir(parents=True)
    (other_version / "a-project").write_bytes(b"written by another pressgen")
    older_layout = cache / "releases" / ("1" * 24)  # a memo beside the versions' folders
    older_layout.write_bytes(b"written by an older pressgen")
    other_project = copy_example_as_folder(tmp_path / "other")
    pipeline.build(Layout(other_project), user_cache=cache)
    assert not other_version.exists() and not older_layout.exists()
    pipeline.build(Layout(folder), user_cache=cache)
    ours = [memo_path(cache / "releases", project, code_digest()) for project in (folder, other_project)]
    assert all(path.is_file() for path in ours) and ours[0].parent == ours[1].parent
    assert sorted(path.name for path in (cache / "releases").iterdir()) == [code_digest()[:24]]


def test_an_edit_decodes_only_its_release_file(folder: Path, tmp_path: Path) -> None:
    assert build(folder).decoded == RELEASES  # the first build: every file
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"] and report.rendered == ["paris-1-million"]
    same_as_without_cache(folder, tmp_path)


def test_a_build_with_nothing_to_do_leaves_the_memo_for_the_next(folder: Path, tmp_path: Path) -> None:
    """A build with nothing to do that records a touched file's new time writes the build
    cache again without reading the project, and the memo is as it was."""
    build(folder)
    page = folder / "out/paris-1-million/fr.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
    cache, memo = (folder / "out" / CACHE_NAME).read_bytes(), kept_file(folder).stat()
    nothing = build(folder)
    assert nothing.rendered == [] and nothing.decoded == [] and (folder / "out" / CACHE_NAME).read_bytes() != cache
    assert (kept_file(folder).stat().st_ino, kept_file(folder).stat().st_mtime_ns) == (memo.st_ino, memo.st_mtime_ns)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    assert build(folder).decoded == ["releases/paris-1-million.yaml"]
    same_as_without_cache(folder, tmp_path)


def test_a_memo_with_nothing_new_is_not_written_again(folder: Path) -> None:
    build(folder)
    (folder / "images/bravo-paris.svg").write_text(  # a new input, but no release file changed
        (folder / "images/bravo-paris.svg").read_text(encoding="utf-8") + "<!-- again -->\n", encoding="utf-8")
    before = kept_file(folder).stat()
    report = build(folder)
    assert report.decoded == [] and report.rendered == ["paris-2-millions"]
    assert kept_file(folder).stat().st_ino == before.st_ino


def test_a_new_release_file_is_decoded_and_the_others_are_not(folder: Path, tmp_path: Path) -> None:
    build(folder)
    text = (folder / "releases/paris-1-million.yaml").read_text(encoding="utf-8")
    (folder / "releases/paris-1-million-bis.yaml").write_text(text.replace("2017-", "2018-"), encoding="utf-8")
    assert build(folder).decoded == ["releases/paris-1-million-bis.yaml"]
    same_as_without_cache(folder, tmp_path)


def test_a_change_of_the_settings_decodes_every_release_again(folder: Path, tmp_path: Path) -> None:
    """The languages and the organisation's time zone are read from pressgen.yaml by every release."""
    build(folder)
    edit(folder / "pressgen.yaml", "time_zone: Europe/Paris", "time_zone: Europe/Brussels")
    assert build(folder).decoded == RELEASES
    same_as_without_cache(folder, tmp_path)


def test_a_memo_older_than_the_last_build_gives_the_same_bytes(folder: Path, tmp_path: Path) -> None:
    """The memo is a cache of decoding alone: a file back to the bytes it had two builds ago is
    taken from it, and still rendered, since the build cache says the last build read others."""
    path = folder / "releases/paris-1-million.yaml"
    build(folder)  # the memo keeps 15_300
    edit(path, "count: 15_300", "count: 15_400")
    assert main(["--project", str(folder), "build", "--no-cache"]) == 0  # out/ says 15_400; the memo is left
    edit(path, "count: 15_400", "count: 15_300")
    report = build(folder)
    assert report.decoded == [] and report.rendered == ["paris-1-million"]
    same_as_without_cache(folder, tmp_path)


def test_messages_about_a_kept_release_point_at_its_lines(folder: Path) -> None:
    """A problem found after reading (here: the image a kept release names became a script)
    is located as when the file is decoded: the places are kept with the values."""
    build(folder)
    (folder / "images/bravo-paris.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n', encoding="utf-8")
    built = invoke(folder, "build")
    checked = invoke(folder, "check")
    assert built.exit_code == checked.exit_code == 1
    error = next(line for line in built.output.splitlines() if "<script>" in line)
    assert error.startswith("releases/paris-2-millions.yaml:62:9: error: ") and error in checked.output


class _Runs:
    """Unpickled, it would write a file: the memo must refuse it, not run it."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "ran"))


def _garbage(path: Path, project: Path) -> None:
    path.write_bytes(bytes(range(256)) * 8)


def _empty(path: Path, project: Path) -> None:
    path.write_bytes(b"")


def _cut_short(path: Path, project: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _another_version(path: Path, project: Path) -> None:
    form, _, entries = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps((form, "0" * 64, entries)))


def _code_that_would_run(path: Path, project: Path) -> None:
    path.write_bytes(pickle.dumps(_Runs(str(project / "ran"))))


def _code_inside_an_entry(path: Path, project: Path) -> None:
    rewrite_memo(project, lambda entries: change_value(entries, "releases/paris-2-millions.yaml",
                                                       lambda value: _Runs(str(project / "ran"))))


def _not_a_release(path: Path, project: Path) -> None:
    rewrite_memo(project, lambda entries: change_value(entries, "releases/paris-2-millions.yaml",
                                                       lambda value: {"id": value.id}))


def _entry_cut_short(path: Path, project: Path) -> None:
    def cut(entries: dict) -> None:
        key, data = entries["releases/paris-2-millions.yaml"]
        entries["releases/paris-2-millions.yaml"] = (key, data[:len(data) // 2])
    rewrite_memo(project, cut)


WHOLE = [_garbage, _empty, _cut_short, _another_version, _code_that_would_run]
ONE = [_code_inside_an_entry, _not_a_release, _entry_cut_short]


@pytest.mark.parametrize("damage", WHOLE + ONE)
def test_a_damaged_memo_is_decoded_again_and_runs_nothing(folder: Path, tmp_path: Path, damage) -> None:
    """Whatever the memo's file holds, the build gives the bytes of decoding every file: a
    file that is not what this code writes is ignored whole, an entry that is not a release is
    ignored alone, and a pickle that names anything but the model's classes is refused."""
    build(folder)
    damage(kept_file(folder), folder)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")  # so that the build reads
    report = build(folder)
    decoded = RELEASES if damage in WHOLE else ["releases/paris-1-million.yaml", "releases/paris-2-millions.yaml"]
    assert report.decoded == decoded and report.rendered == ["paris-1-million"]
    assert not (folder / "ran").exists()
    same_as_without_cache(folder, tmp_path)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_400", "count: 15_500")
    assert build(folder).decoded == ["releases/paris-1-million.yaml"]  # written whole again


def test_a_memo_that_cannot_be_written_changes_nothing(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    report = pipeline.build(Layout(folder), user_cache=blocked)
    assert report.decoded == RELEASES and blocked.read_text(encoding="utf-8") == "not a folder\n"
    same_as_without_cache(folder, tmp_path)


def test_check_and_build_check_never_read_the_memo(folder: Path) -> None:
    """What CI runs decodes the sources: a kept value is not what proves out/. (build takes
    the memo at its word: only pressgen writes the user's cache folder.)"""
    build(folder)
    forged = "Un texte qui n’est pas dans le YAML."

    def forge(value):
        quote = dataclasses.replace(value.quotes[0], text=model.PerLocale({**value.quotes[0].text, "fr": forged}))
        return dataclasses.replace(value, quotes=[quote, *value.quotes[1:]])
    rewrite_memo(folder, lambda entries: change_value(entries, "releases/paris-2-millions.yaml", forge))
    assert invoke(folder, "build", "--check").exit_code == 0
    assert invoke(folder, "check").exit_code == 0
    edit(folder / "images/bravo-paris.svg", "</svg>", "<!-- again --></svg>")  # so that build renders it
    assert invoke(folder, "build").exit_code == 0
    assert forged.rstrip(".") in (folder / "out/paris-2-millions/fr.md").read_text(encoding="utf-8")


def test_the_one_file_layout_keeps_no_memo(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "one")
    assert build(project).decoded == []
    assert not kept_file(project).exists()


FR_OLD = "Un grand et chaleureux merci à\n        nos deux millions"
FR_NEW = "Un immense et chaleureux merci à\n        nos deux millions"


def _as_a_full_build_would(folder: Path, tmp_path: Path) -> Path:
    """A copy of the sources and the lock as they are now, for a build that reads everything."""
    fresh = tmp_path / "full"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(folder, fresh, ignore=shutil.ignore_patterns("out"))
    return fresh


def _same_lock_and_flags(folder: Path, fresh: Path, report: pipeline.BuildReport) -> None:
    full = pipeline.build(Layout(fresh), use_cache=False)
    assert (folder / "translations.lock").read_bytes() == (fresh / "translations.lock").read_bytes()
    assert tree(folder / "out") == tree(fresh / "out")
    assert report.translation_flags == full.translation_flags


def test_the_lock_entries_of_releases_not_read_again_are_the_last_build_s(folder: Path, tmp_path: Path) -> None:
    """Drift compares only the releases read again (and the shared fields); the others' entries
    are taken from the lock the last build wrote. The lock, the flags and out/ are what a build
    comparing every field makes, through a flag, a release read again beside it, and a lock
    changed by hand (then everything is compared)."""
    build(folder)
    edit(folder / "releases/paris-2-millions.yaml", FR_OLD, FR_NEW)  # the French only: a flag
    fresh = _as_a_full_build_would(folder, tmp_path)
    report = build(folder)
    assert report.decoded == ["releases/paris-2-millions.yaml"]
    assert [p.key_path for p in report.translation_flags] == ["paris-2-millions.quotes[0].text"]
    assert report.lock_written
    _same_lock_and_flags(folder, fresh, report)

    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")  # the flag stays
    fresh = _as_a_full_build_would(folder, tmp_path)
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"] and len(report.translation_flags) == 1
    assert not report.lock_written  # the same lock: not written again
    _same_lock_and_flags(folder, fresh, report)

    assert invoke(folder, "translation-reviewed", "paris-2-millions/quotes[0]/text").exit_code == 0
    edit(folder / "releases/paris-1-million.yaml", "count: 15_400", "count: 15_500")
    fresh = _as_a_full_build_would(folder, tmp_path)
    report = build(folder)
    assert report.translation_flags == []
    _same_lock_and_flags(folder, fresh, report)


def test_a_lock_the_cache_vouches_for_that_is_no_lock_is_compared_whole(folder: Path, tmp_path: Path) -> None:
    """A lock and a cache edited together (the cache naming the edited lock's digest), where an
    entry of the release read again is not what pressgen writes: no traceback, and the build
    compares every field, as it does with any lock it did not write. (The entries of the
    releases not read again are the cache's word, as the digests of the files it keeps are.)"""
    build(folder)
    lock = folder / "translations.lock"
    text = lock.read_bytes()
    entry = text.index(b'"paris-1-million/')
    broken = text[:entry] + text[entry:].replace(b'"text": "', b'"text": [', 1)
    lock.write_bytes(broken)
    path = folder / "out" / CACHE_NAME
    data = read_cache_file(path)
    data["lock_digest"] = hashlib.sha256(broken).hexdigest()
    write_cache_file(path, data)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    fresh = _as_a_full_build_would(folder, tmp_path)
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"]
    _same_lock_and_flags(folder, fresh, report)


def test_a_kept_release_s_data_is_not_digested_again_but_its_image_is_read(folder: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A release file the last build read (the build cache keeps its key) has the data of the
    last build: its digest is the one the cache keeps. The files it names are another input,
    read again: a new image renders it."""
    from pressgen.render import inputs

    build(folder)
    digested: list[str] = []
    real = inputs.data_digest

    def counting(milestone):
        digested.append(milestone.id)
        return real(milestone)

    monkeypatch.setattr(inputs, "data_digest", counting)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    image = folder / "images/bravo-paris.svg"
    image.write_text(image.read_text(encoding="utf-8").replace("</svg>", "<!-- again --></svg>"), encoding="utf-8")
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"]
    assert digested == ["paris-1-million"]
    assert report.rendered == ["paris-1-million", "paris-2-millions"]
    same_as_without_cache(folder, tmp_path)


def test_the_places_inside_a_kept_release_are_read_from_the_memo_for_a_message(folder: Path, monkeypatch) -> None:
    """A message about a value inside a kept release is located by the places the memo kept:
    no release file is decoded for it."""
    from pressgen.project import folder as folder_layout

    build(folder)
    (folder / "images/bravo-paris.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n', encoding="utf-8")
    decoded: list[str] = []
    real = folder_layout.decode_file
    monkeypatch.setattr(folder_layout, "decode_file", lambda source, *rest, **named: decoded.append(source.name)
                        or real(source, *rest, **named))
    built = invoke(folder, "build")
    assert built.exit_code == 1 and decoded == ["pressgen.yaml"]  # the settings, read by every build
    error = next(line for line in built.output.splitlines() if "<script>" in line)
    assert error.startswith("releases/paris-2-millions.yaml:62:9: error: paris-2-millions.image.file: ")


def test_the_places_inside_a_kept_release_that_cannot_be_read_are_found_by_decoding_it(folder: Path) -> None:
    """The places inside a kept release's fields stay unread until a message asks for one. If
    they cannot be read, the message is located by decoding the file."""
    build(folder)

    def damage(entries: dict) -> None:
        key, data = entries["releases/paris-2-millions.yaml"]
        value, shallow, _ = pickle.loads(data)
        entries["releases/paris-2-millions.yaml"] = (key, pickle.dumps((value, shallow, b"not a pickle")))
    rewrite_memo(folder, damage)
    (folder / "images/bravo-paris.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n', encoding="utf-8")
    built = invoke(folder, "build")
    assert built.exit_code == 1 and "Traceback" not in built.output
    error = next(line for line in built.output.splitlines() if "<script>" in line)
    assert error.startswith("releases/paris-2-millions.yaml:62:9: error: paris-2-millions.image.file: ")
    assert error in invoke(folder, "check").output
