"""Release files kept as decoded between builds (pressgen.project.memo): a build of the folder
layout decodes only the files that changed, and what it takes from the last build is exactly
what decoding the YAML gives, or it is not taken at all.

Which files a build decoded is what :class:`pressgen.pipeline.BuildReport` says (``decoded``,
filled in as the build reads); "the same" is always compared with a copy of the project built
with ``--no-cache``, which decodes every file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
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
from pressgen.project.memo import plain, rebuilt

RELEASES = ["releases/centquatre-15-ans.yaml", "releases/paris-1-million.yaml", "releases/paris-2-millions.yaml",
            "releases/paris-instagram-150000.yaml", "releases/pistes-cyclables-1000-km.yaml",
            "releases/velib-100-millions.yaml"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_example_as_folder(tmp_path / "folder")


def build(project: Path) -> pipeline.BuildReport:
    return pipeline.build(Layout(project))


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
    """Through JSON and back: equal, the same repr (the build cache's digests are made of it)
    and the same classes, for every example release and forty generated ones."""
    projects = [REPO, copy_example_as_folder(tmp_path / "folder"), generated_project(tmp_path)]
    loaded = [load_project(Layout(root)) for root in projects]
    milestones = [(project.locales, m) for project in loaded for m in project.milestones]
    assert len(milestones) == 6 + 6 + 40
    assert any(m.embargo_until for _, m in milestones) and any(m.subject for _, m in milestones)
    for locales, milestone in milestones:
        back = rebuilt(json.loads(json.dumps(plain(milestone), ensure_ascii=False)), model.Milestone, locales)
        assert back == milestone and repr(back) == repr(milestone) and same_types(back, milestone)


def test_every_place_comes_back_as_decoding_gives_it(folder: Path) -> None:
    """The places of the releases taken from the memo (kept without the key path of their
    release at their start) are those decoding the files gives, each key path and position."""
    from pressgen.output.cache import read_cache, read_memo
    from pressgen.project.folder import read_folder
    from pressgen.project.memo import ReleaseMemo
    from pressgen.project.sources import SourceMap
    from pressgen.render.inputs import code_digest

    build(folder)
    layout = Layout(folder)
    decoded, kept = SourceMap(), SourceMap()
    read_folder(layout, decoded)
    memo = ReleaseMemo(read_memo(layout.output, read_cache(layout.output, code_digest())))
    read_folder(layout, kept, memo)
    assert len(memo.unchanged) == 6 and len(decoded.places) > 300
    assert {path: kept.place(path) for path in decoded.places} == decoded.places
    assert kept.places == decoded.places  # nothing more, once every release's places are read


def test_an_edit_decodes_only_its_release_file(folder: Path, tmp_path: Path) -> None:
    assert build(folder).decoded == RELEASES  # the first build: every file
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"] and report.rendered == ["paris-1-million"]
    same_as_without_cache(folder, tmp_path)


def test_a_build_with_nothing_to_do_keeps_the_release_files_for_the_next(folder: Path, tmp_path: Path) -> None:
    """A build with nothing to do that records a touched file's new time writes the cache
    again without reading the project: the kept release files go with it, as they were."""
    import os

    build(folder)
    page = folder / "out/paris-1-million/fr.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
    cache = (folder / "out" / CACHE_NAME).read_bytes()
    nothing = build(folder)
    assert nothing.rendered == [] and nothing.decoded == [] and (folder / "out" / CACHE_NAME).read_bytes() != cache
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    assert build(folder).decoded == ["releases/paris-1-million.yaml"]
    same_as_without_cache(folder, tmp_path)


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
    assert error.startswith("releases/paris-2-millions.yaml:") and error in checked.output


def _rewrite_memo_line(project: Path, rewrite) -> None:
    """Rewrite the kept line of paris-2-millions (its tab-separated fields, in place) and sign
    the cache again, as only a deliberate edit would."""
    path = project / "out" / CACHE_NAME
    body, kept = read_cache_file(path)
    memo = kept.split(b"\n", 1)[1]  # after its own checksum
    lines = memo.decode("utf-8").split("\n")
    for i, line in enumerate(lines):
        fields = line.split("\t")
        if fields[0] == "releases/paris-2-millions.yaml":
            rewrite(fields)
            lines[i] = "\t".join(fields)
    memo = "\n".join(lines).encode("utf-8")
    write_cache_file(path, body, hashlib.sha256(memo).hexdigest().encode("ascii") + b"\n" + memo)


def _rewrite_memo(project: Path, change, part: str = "value") -> None:
    """Change one kept release (its value, or its places)."""
    def rewrite(fields: list[str]) -> None:
        entry = json.loads(fields[2])
        change(entry[part])
        fields[2] = json.dumps(entry, ensure_ascii=False)
    _rewrite_memo_line(project, rewrite)


def _script_in_a_quote(value: dict) -> None:
    value["quotes"][0]["text"]["fr"] = "<script>alert(1)</script>"


def _count_as_text(value: dict) -> None:
    value["figure"]["count"] = "1000000"


def _huge_count(value: dict) -> None:
    value["figure"]["count"] = 10 ** 20


def _negative_count(value: dict) -> None:
    value["figure"]["count"] = -1


def _unknown_field(value: dict) -> None:
    value["sneaked_in"] = True


def _bad_date(value: dict) -> None:
    value["date"] = "2017-02-30"


def _not_a_link(value: dict) -> None:
    value["links"][0]["url"] = "javascript:alert(1)"


def _a_language_missing(value: dict) -> None:
    del value["quotes"][0]["text"]["en"]


def _a_language_not_the_project_s(value: dict) -> None:
    value["quotes"][0]["text"]["xx"] = "bonjour"


@pytest.mark.parametrize("change", [_script_in_a_quote, _count_as_text, _huge_count, _negative_count, _unknown_field, _bad_date,
                                    _not_a_link, _a_language_missing, _a_language_not_the_project_s])
def test_a_kept_release_the_decoder_would_refuse_is_decoded_again(folder: Path, tmp_path: Path, change) -> None:
    """A signed cache is still not taken at its word: a kept value that is not exactly what the
    decoder makes of a YAML file is thrown away, and the file decoded."""
    build(folder)
    _rewrite_memo(folder, change)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")  # so that the build reads
    assert build(folder).decoded == ["releases/paris-1-million.yaml", "releases/paris-2-millions.yaml"]
    same_as_without_cache(folder, tmp_path)


def _line_as_text(places: list) -> None:
    places[1][0] = str(places[1][0])


def _column_as_flag(places: list) -> None:
    places[2][0] = True


def _path_given_twice(places: list) -> None:
    places[0][1] = places[0][0]


def _a_line_missing(places: list) -> None:
    places[1].pop()


def _path_as_number(places: list) -> None:
    places[0][0] = 1


@pytest.mark.parametrize("change", [_line_as_text, _column_as_flag, _path_given_twice, _a_line_missing, _path_as_number])
def test_a_kept_release_whose_places_are_not_the_decoder_s_is_decoded_again(folder: Path, tmp_path: Path,
                                                                           change) -> None:
    build(folder)
    _rewrite_memo(folder, change, "places")
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    assert build(folder).decoded == ["releases/paris-1-million.yaml", "releases/paris-2-millions.yaml"]
    same_as_without_cache(folder, tmp_path)


def test_a_damaged_memo_decodes_everything_and_keeps_the_rest_of_the_cache(folder: Path, tmp_path: Path) -> None:
    build(folder)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    path = folder / "out" / CACHE_NAME
    raw = path.read_bytes()
    path.write_bytes(raw + b" ")  # its checksum no longer matches
    report = build(folder)
    assert report.decoded == RELEASES and report.rendered == ["paris-1-million"]
    same_as_without_cache(folder, tmp_path)


def test_check_and_build_check_never_read_the_memo(folder: Path) -> None:
    """What CI runs decodes the sources: a kept value is not what proves out/."""
    build(folder)
    _rewrite_memo(folder, lambda value: value["quotes"][0]["text"].update(fr="Un texte qui n’est pas dans le YAML."))
    assert invoke(folder, "build", "--check").exit_code == 0
    assert invoke(folder, "check").exit_code == 0


def test_the_one_file_layout_keeps_no_memo(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "one")
    assert build(project).decoded == []
    assert (project / "out" / CACHE_NAME).read_bytes().endswith(b"\n" + hashlib.sha256(b"").hexdigest().encode() + b"\n")


def test_a_moment_keeps_its_offset() -> None:
    """Embargoes carry their offset: written and read back, the same instant and the same zone."""
    moment = dt.datetime(2017, 4, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    back = rebuilt(plain(moment), model.AwareDateTime, ["fr", "en"])
    assert back == moment and back.utcoffset() == moment.utcoffset() and repr(back) == repr(moment)


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
    data, memo = read_cache_file(path)
    data["lock_digest"] = hashlib.sha256(broken).hexdigest()
    write_cache_file(path, data, memo)
    edit(folder / "releases/paris-1-million.yaml", "count: 15_300", "count: 15_400")
    fresh = _as_a_full_build_would(folder, tmp_path)
    report = build(folder)
    assert report.decoded == ["releases/paris-1-million.yaml"]
    _same_lock_and_flags(folder, fresh, report)


def test_a_kept_release_s_data_is_not_digested_again_but_its_image_is_read(folder: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A release taken from the memo has the data of the last build: its digest is the one the
    cache keeps. The files it names are another input, read again: a new image renders it."""
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


def test_the_places_inside_a_kept_release_are_read_for_a_message_and_forged_ones_are_not_used(folder: Path) -> None:
    """The places inside a kept release's fields stay unread until a message asks for one. If
    they are not what the memo writes, the message is located by decoding the file."""
    build(folder)
    _rewrite_memo_line(folder, lambda fields: fields.__setitem__(3, '[["paris-2-millions.image.file"],["one"],[1]]'))
    (folder / "images/bravo-paris.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n', encoding="utf-8")
    built = invoke(folder, "build")
    assert built.exit_code == 1 and "Traceback" not in built.output
    error = next(line for line in built.output.splitlines() if "<script>" in line)
    assert error.startswith("releases/paris-2-millions.yaml:62:9: error: paris-2-millions.image.file: ")
    assert error in invoke(folder, "check").output
