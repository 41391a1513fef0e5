"""Translation drift: one language edited and not the other is flagged, recorded, and cleared."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace


from helpers import edit_source as edit, invoke

QUOTE = "paris-2-millions/quotes[0]/text"
FR_OLD = "Un grand et chaleureux merci à\n            nos deux millions d’abonnés pour leur fidélité !"
FR_NEW = "Un immense et chaleureux merci à\n            nos deux millions d’abonnés pour leur fidélité !"
EN_OLD = "A big and warm thank-you to our two\n            million followers for their loyalty!"
EN_NEW = "A huge and warm thank-you to our two\n            million followers for their loyalty!"


def lock(project: Path) -> dict:
    return json.loads((project / "translations.lock").read_text(encoding="utf-8"))


def quote_fr_line(project: Path) -> int:
    """The line of the quote's `fr: >-` in milestones.yaml (where its French value starts)."""
    lines = (project / "milestones.yaml").read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if "Nous nous réjouissons du succès" in line)
    assert lines[first - 1].strip() == "fr: >-"
    return first  # 1-based number of the line before


def test_first_build_records_every_field_as_agreeing(project: Path) -> None:
    result = invoke(project, "build")
    assert result.exit_code == 0 and "warning" not in result.output
    data = lock(project)
    assert data["needs_review"] == {}
    assert QUOTE in data["agreed"] and "defaults/about" in data["agreed"] and "nouns/follower" in data["agreed"]
    entry = data["agreed"][QUOTE]["fr"]
    assert len(entry["fingerprint"]) == 12 and entry["text"].startswith("Nous nous réjouissons")
    assert list(data["agreed"]) == sorted(data["agreed"])
    assert invoke(project, "check").exit_code == 0


def test_french_only_edit_is_flagged_then_cleared_by_the_english_edit(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_OLD, FR_NEW)
    line = quote_fr_line(project)

    built = invoke(project, "build")
    assert built.exit_code == 0  # a warning, not a failure: the release is still written
    assert f"milestones.yaml:{line}:15: warning: paris-2-millions.quotes[0].text: translation drift: " \
           f"the French text changed but the English did not ({QUOTE})" in built.stderr
    assert "fr was: " in built.stderr and "Un grand et chaleureux merci" in built.stderr
    assert "fr now: " in built.stderr and "Un immense et chaleureux merci" in built.stderr
    assert f"pressgen translation-reviewed {QUOTE}" in built.stderr
    data = lock(project)
    assert data["needs_review"] == {QUOTE: {"changed": ["fr"], "now": data["needs_review"][QUOTE]["now"]}}
    assert "Un grand et chaleureux merci" in data["agreed"][QUOTE]["fr"]["text"]  # the agreed text stays

    checked = invoke(project, "check")
    assert checked.exit_code == 1
    assert f"milestones.yaml:{line}:15: error: paris-2-millions.quotes[0].text: translation drift" in checked.stderr
    assert invoke(project, "build", "--check").exit_code == 0  # out/ and the lock are up to date

    edit(project, EN_OLD, EN_NEW)
    rebuilt = invoke(project, "build")
    assert rebuilt.exit_code == 0 and "warning" not in rebuilt.output
    data = lock(project)
    assert data["needs_review"] == {}
    assert "Un immense" in data["agreed"][QUOTE]["fr"]["text"] and "A huge" in data["agreed"][QUOTE]["en"]["text"]
    assert invoke(project, "check").exit_code == 0


def test_check_fails_on_drift_even_before_a_build_records_it(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_OLD, FR_NEW)
    result = invoke(project, "check")
    assert result.exit_code == 1
    assert f"milestones.yaml:{quote_fr_line(project)}:15: error:" in result.stderr
    assert lock(project)["needs_review"] == {}  # check writes nothing


def test_marking_reviewed_clears_the_flag(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_OLD, FR_NEW)
    assert invoke(project, "build").exit_code == 0
    assert invoke(project, "check").exit_code == 1

    reviewed = invoke(project, "translation-reviewed", QUOTE)
    assert reviewed.exit_code == 0, reviewed.output
    assert reviewed.stdout == f"Marked reviewed: {QUOTE}\n"
    data = lock(project)
    assert data["needs_review"] == {}
    assert "Un immense" in data["agreed"][QUOTE]["fr"]["text"]
    assert invoke(project, "check").exit_code == 0
    assert invoke(project, "build", "--check").exit_code == 0
    # From now on the reviewed text is the agreement: an English-only edit is flagged in turn.
    edit(project, EN_OLD, EN_NEW)
    assert invoke(project, "check").exit_code == 1


def test_reviewing_a_field_that_is_not_flagged_fails_and_writes_nothing(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    before = (project / "translations.lock").read_bytes()
    result = invoke(project, "translation-reviewed", QUOTE)
    assert result.exit_code == 1
    assert f"{QUOTE} does not need translation review" in result.stderr
    assert (project / "translations.lock").read_bytes() == before


def test_both_languages_edited_together_is_a_consistent_update(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_OLD, FR_NEW)
    edit(project, EN_OLD, EN_NEW)
    result = invoke(project, "build")
    assert result.exit_code == 0 and "warning" not in result.output
    assert lock(project)["needs_review"] == {}
    assert invoke(project, "check").exit_code == 0


def test_reverting_the_edit_clears_the_flag(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_OLD, FR_NEW)
    assert invoke(project, "build").exit_code == 0
    edit(project, FR_NEW, FR_OLD)
    assert invoke(project, "build").exit_code == 0
    assert lock(project)["needs_review"] == {}


def test_a_shared_default_is_one_field_located_under_defaults(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, "Relations presse", "Relations avec la presse")
    result = invoke(project, "check")
    assert result.exit_code == 1
    assert result.stderr.count("translation drift") == 1
    assert "defaults.contacts[0].role: translation drift" in result.stderr
    assert "(defaults/contacts[0]/role)" in result.stderr


def test_inserting_a_quote_before_another_moves_it_without_a_flag(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    anchor = "    quotes:\n      - role:\n          fr: la direction"
    edit(project, anchor, "    quotes:\n      - role: {fr: le maire, en: the mayor}\n"
                          "        text: {fr: Bravo à tous., en: Well done all.}\n"
                          "      - role:\n          fr: la direction")
    result = invoke(project, "check")
    assert result.exit_code == 0, result.output
    # …but a moved quote whose French alone was edited is still caught.
    edit(project, "Les abonnés nous envoient chaque semaine", "Les abonnés nous envoient chaque mois")
    result = invoke(project, "check")
    assert result.exit_code == 1
    assert "(paris-instagram-150000/quotes[2]/text)" in result.stderr


def test_the_lock_is_the_json_the_indented_encoder_writes() -> None:
    """The lock is put together by hand around the C string encoder (for speed); its bytes are
    exactly those of ``json.dumps(indent=2)``: quotes, back-slashes, controls, line breaks, any
    script, empty languages, flags and none."""
    from pressgen.checks import drift

    texts = ['« Paris »\u00a0!', 'a "quoted" \\ back-slash', "line\nbreak\ttab\x00\x1f", "\u2028\u2029 😀 é", "", "</script>"]
    agreed = {f"m-{i}/quotes[{i}]/text": {"fr": text, "en": texts[-1 - i]} for i, text in enumerate(texts)}
    agreed["defaults/about"] = {}
    agreed["nouns/\"odd\""] = {"fr_CA": "abonné / abonnés"}
    flag = SimpleNamespace(field=SimpleNamespace(key="m-1/quotes[1]/text", texts={"fr": "nouveau", "en": "old"}),
                           changed=("fr",))

    def reference(agreed: dict, flags: list) -> bytes:
        document = {
            "comment": drift._COMMENT, "format": drift._FORMAT,
            "agreed": {key: {loc: {"fingerprint": drift.fingerprint(text), "text": text}
                             for loc, text in sorted(texts.items())} for key, texts in sorted(agreed.items())},
            "needs_review": {f.field.key: {"changed": list(f.changed),
                                           "now": {loc: drift.fingerprint(f.field.texts[loc]) for loc in f.changed}}
                             for f in flags},
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    for case, flags in ((agreed, [flag]), (agreed, []), ({}, []), ({}, [flag])):
        assert drift.lock_bytes(case, flags) == reference(case, flags)


def test_the_lock_is_cut_back_into_the_entries_it_was_made_of() -> None:
    """What a build takes from the lock it wrote (the entries of the releases it did not read
    again) is each entry as written, its texts, and the flagged keys."""
    import hashlib

    from pressgen.checks import drift

    texts = ['« Paris »\u00a0!', 'a "quoted" \\ back-slash', "line\nbreak", "\u2028 😀", "",
             ',\n    "not a key": {', "</script>"]
    agreed = {f"m-{i}/quotes[{i}]/text": {"fr": text, "en": texts[-1 - i]} for i, text in enumerate(texts)}
    agreed["defaults/about"] = {}
    flag = SimpleNamespace(field=SimpleNamespace(key="m-1/quotes[1]/text", texts={"fr": "nouveau", "en": "old"}),
                           changed=("fr",))
    for flags in ([flag], []):
        data = drift.lock_bytes(agreed, flags)
        entries, flagged = drift._kept_entries(data, hashlib.sha256(data).hexdigest())
        assert entries.keys() == agreed.keys() and flagged == {f.field.key for f in flags}
        assert {key: drift._agreed_texts(entry) for key, entry in entries.items()} == agreed
        assert drift._lock(entries, flags) == data
        assert drift._kept_entries(data, hashlib.sha256(b"another lock").hexdigest()) is None
    assert drift._kept_entries(drift.lock_bytes({}, []), hashlib.sha256(drift.lock_bytes({}, [])).hexdigest()) == ({}, set())


def test_a_lock_is_read_an_entry_at_a_time_as_the_whole_document_reads() -> None:
    """A lock laid out as pressgen writes it is read an entry at a time (parsed whole, it was most
    of a first build's memory at 10,000 releases): the same texts as the whole document gives,
    and a lock laid out otherwise, or damaged, reads as before (its texts, or none)."""
    from pressgen.checks import drift

    def whole(data: bytes) -> dict:
        try:
            parsed = json.loads(data.decode("utf-8"))
            return {key: {loc: str(entry["text"]) for loc, entry in langs.items()}
                    for key, langs in parsed.get("agreed", {}).items()}
        except (ValueError, AttributeError, KeyError, TypeError, RecursionError):
            return {}

    texts = ['« Paris »\u00a0!', 'a "quoted" \\ back-slash', "line\nbreak", ',\n    "not a key": {', ""]
    agreed = {f"m-{i}/quotes[{i}]/text": {"fr": text, "en": texts[-1 - i]} for i, text in enumerate(texts)}
    agreed["defaults/about"] = {}
    flag = SimpleNamespace(field=SimpleNamespace(key="m-1/quotes[1]/text", texts={"fr": "nouveau", "en": "old"}),
                           changed=("fr",))
    data = drift.lock_bytes(agreed, [flag])
    document = json.loads(data)
    variants = {
        "as written": data,
        "written with no flag": drift.lock_bytes(agreed, []),
        "empty": drift.lock_bytes({}, []),
        "indented otherwise": json.dumps(document, ensure_ascii=False, indent=4).encode("utf-8"),
        "on one line": json.dumps(document).encode("utf-8"),
        "a key given twice": data.replace(b'"m-3/quotes[3]/text"', b'"m-2/quotes[2]/text"', 1),
        "a text that is a number": data.replace(b'"text": ""', b'"text": 7', 1),
        "a text missing": data.replace(b'"text"', b'"txt"', 1),
        "an entry that is a string": data.replace(b'"defaults/about": {}', b'"defaults/about": "x"', 1),
        "an entry cut short": data.replace(b"\n    },\n", b"\n    ,\n", 1),
        "a review that is not JSON": data[:-3] + b"{\n}\n",
        "not JSON": data[:-2],
    }
    read = {name: drift._agreed(variant) for name, variant in variants.items()}
    assert read == {name: whole(variant) for name, variant in variants.items()}
    assert read["as written"] == read["indented otherwise"] == agreed and read["empty"] == {}
    assert read["a key given twice"]["m-2/quotes[2]/text"] == agreed["m-3/quotes[3]/text"]
    assert read["a text that is a number"] != {} and read["a text missing"] == read["not JSON"] == {}


def test_a_default_is_one_field_even_when_the_first_release_does_not_take_it(tmp_path: Path) -> None:
    """In the folder layout the first release has a subject, and so no account: the default
    account's translated network is still a field, from the releases that do take it."""
    from helpers import copy_example_as_folder
    from pressgen.checks import drift
    from pressgen.pipeline import load_project
    from pressgen.project.layout import Layout

    folder = copy_example_as_folder(tmp_path / "folder")
    settings = folder / "pressgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "    network: Twitter\n", "    network: {fr: Twitter, en: Twitter (X)}\n", 1), encoding="utf-8")
    project = load_project(Layout(folder))
    assert project.milestones[0].subject is not None and project.milestones[0].account is None
    assert "defaults/account/network" in {item.key for item in drift.fields(project)}
