"""Every kind of milestone: a subject that is not a social account, figures that are counts,
distances, anniversaries and ranks, the lead's verb and period, French agreement with a
feminine and a plural subject, and a project's template for one kind, which falls back to the
default for every block it does not override."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import copy_example
from pressgen.cli import main

NOUNS = {
    "school": {"fr": {"one": "école rénovée", "other": "écoles rénovées", "gender": "feminine"},
               "en": {"one": "renovated school", "other": "renovated schools"}},
    "visitor": {"fr": {"one": "visiteur", "other": "visiteurs"}, "en": {"one": "visitor", "other": "visitors"}},
    "tree": {"fr": {"one": "arbre planté", "other": "arbres plantés"}, "en": {"one": "tree planted", "other": "trees planted"}},
}
CITY = {"kind": "organisation", "name": {"fr": "la Ville", "en": "the City"}}
BERGES = {"kind": "place", "name": {"fr": "les Berges", "en": "the Berges"}}

MILESTONES = [
    {"id": "ecoles", "subject": CITY, "verb": "reach",
     "figure": {"count": 500, "noun": "school", "kind": "ordinal"}},
    {"id": "berges", "subject": BERGES, "verb": "welcome", "period": {"fr": "cet été", "en": "this summer"},
     "figure": {"count": 1_000_000, "noun": "visitor"}},
    {"id": "berges-10-ans", "subject": BERGES, "verb": "mark", "figure": {"count": 10, "kind": "anniversary"}},
    {"id": "arbres", "subject": CITY, "verb": "pass", "period": {"fr": "depuis 2020", "en": "since 2020"},
     "figure": {"count": 100_000, "noun": "tree"}},
    {"id": "velib", "subject": {"kind": "service", "name": {"fr": "le Vélib’", "en": "Vélib’"}}, "verb": "top",
     "figure": {"count": 100_000_000, "noun": "trip"}},
    {"id": "pistes", "subject": {"kind": "programme", "name": {"fr": "les pistes cyclables", "en": "the bike lanes"}},
     "verb": "pass_the_mark", "figure": {"count": 1000, "unit": "km"}},
    {"id": "centquatre", "subject": {"kind": "place", "name": {"fr": "le Centquatre", "en": "the Centquatre"}},
     "verb": "mark", "figure": {"count": 15, "kind": "anniversary"}},
]

LEADS = {
    "ecoles": ("La Ville a atteint sa 500<sup>e</sup> école rénovée.", "The City has reached its 500th renovated school."),
    "berges": ("Les Berges ont accueilli 1 million de visiteurs cet été.",
               "The Berges have welcomed 1 million visitors this summer."),
    "berges-10-ans": ("Les Berges fêtent leurs 10 ans.", "The Berges mark their 10th anniversary."),
    "arbres": ("La Ville a dépassé 100 000 arbres plantés depuis 2020.", "The City has passed 100,000 trees planted since 2020."),
    "velib": ("Le Vélib’ a franchi la barre des 100 millions de trajets.", "Vélib’ has topped 100 million trips."),
    "pistes": ("Les pistes cyclables ont passé le cap des 1 000 km.", "The bike lanes have passed the 1,000 km mark."),
    "centquatre": ("Le Centquatre fête ses 15 ans.", "The Centquatre marks its 15th anniversary."),
}
HEADLINES = {
    "velib": ("Le Vélib’ franchit la barre des 100 millions de trajets", "Vélib’ tops 100 million trips"),
    "berges": ("Les Berges accueillent 1 million de visiteurs cet été", "The Berges welcome 1 million visitors this summer"),
    "centquatre": ("Le Centquatre fête ses 15 ans", "The Centquatre marks its 15th anniversary"),
}


def project_with(tmp_path: Path, milestones: list[dict], templates: dict[str, str] | None = None) -> Path:
    """The example project with these milestones in place of its own, and extra templates."""
    project = copy_example(tmp_path / "project")
    source = project / "milestones.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["nouns"].update(NOUNS)
    data["milestones"] = [{"status": "published", "date": "2024-06-18", **m} for m in milestones]
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, text in (templates or {}).items():
        path = project / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def plain(text: str) -> str:
    return re.sub("[\u00a0\u202f]", " ", text)


def lead(project: Path, milestone: str, lang: str) -> str:
    """The lead sentence: after the dateline's dash in English, the paragraph after the
    dateline in French (the Lexique puts the dateline on its own line)."""
    text = plain((project / "out" / milestone / f"{lang}.md").read_text(encoding="utf-8"))
    if not lang.startswith("fr"):
        return text.split(" — ", 1)[1].split("\n", 1)[0]
    return text.split(", le ", 1)[1].split("\n\n", 1)[1].split("\n", 1)[0]


def headline(project: Path, milestone: str, lang: str) -> str:
    text = plain((project / "out" / milestone / f"{lang}.md").read_text(encoding="utf-8"))
    return next(line[2:] for line in text.splitlines() if line.startswith("# "))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_with(tmp_path_factory.mktemp("kinds"), MILESTONES)
    assert main(["--project", str(project), "build"]) == 0
    return project


@pytest.mark.parametrize("milestone", LEADS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_kind_has_its_lead_sentence(built: Path, milestone: str, lang: str) -> None:
    expected = LEADS[milestone][0 if lang == "fr" else 1]
    assert lead(built, milestone, lang) == expected


@pytest.mark.parametrize("milestone", HEADLINES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_generated_headline_agrees_too(built: Path, milestone: str, lang: str) -> None:
    assert headline(built, milestone, lang) == HEADLINES[milestone][0 if lang == "fr" else 1]


def test_social_text_appears_only_for_an_account(built: Path) -> None:
    for lang in ("fr", "en"):
        text = (built / "out" / "velib" / f"{lang}.md").read_text(encoding="utf-8")
        assert "premier message" not in text and "first post" not in text
        assert "abonnés" not in text and "followers" not in text


def test_an_explicit_gender_and_number_win_over_the_article(tmp_path: Path) -> None:
    subject = {"kind": "place", "name": {"fr": "l’Atelier", "en": "the Workshops"}, "gender": "feminine",
               "number": "plural"}
    project = project_with(tmp_path, [{"id": "atelier", "subject": subject, "verb": "reach",
                                       "figure": {"count": 500, "noun": "school", "kind": "ordinal"}}])
    assert main(["--project", str(project), "build"]) == 0
    assert lead(project, "atelier", "fr") == "L’Atelier ont atteint leur 500<sup>e</sup> école rénovée."
    assert lead(project, "atelier", "en") == "The Workshops have reached their 500th renovated school."


# A kind template that overrides one block; everything else must be the default's.
ANNIVERSARY_FR = """{% extends "release.md" %}
{% block lead %}
{{ m.date | dateline(m.city) -}} Joyeux anniversaire : {{ who }} {{ subject | agree(verb[0], plural=verb[1]) }} {{ reached }}.
{% endblock %}
"""


def test_a_kind_template_falls_back_to_the_default_for_every_other_block(tmp_path: Path) -> None:
    milestone = {**MILESTONES[-1], "hashtag": "#104", "highlights": [{"fr": "Un paragraphe.", "en": "A paragraph."}],
                 "quotes": [{"role": {"fr": "la direction", "en": "the management"}, "gender": "feminine",
                             "text": {"fr": "Merci.", "en": "Thank you."}}],
                 "links": [{"label": {"fr": "Le site", "en": "The website"}, "url": "https://www.104.fr"}]}
    default = project_with(tmp_path / "default", [milestone])
    assert main(["--project", str(default), "build"]) == 0
    kind = project_with(tmp_path / "kind", [milestone], {"fr/kinds/anniversary.md": ANNIVERSARY_FR})
    assert main(["--project", str(kind), "build"]) == 0
    before = (default / "out" / "centquatre" / "fr.md").read_text(encoding="utf-8").splitlines()
    after = (kind / "out" / "centquatre" / "fr.md").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1, changed
    assert plain(changed[0][1]) == "Joyeux anniversaire : le Centquatre fête ses 15 ans."
    # English has no kind template: the default, byte for byte.
    assert (kind / "out" / "centquatre" / "en.md").read_bytes() == (default / "out" / "centquatre" / "en.md").read_bytes()


def test_a_milestone_names_its_template_and_a_language_without_it_writes_the_default(tmp_path: Path) -> None:
    templates = {"en/kinds/festive.md": '{% extends "release.md" %}\n{% block headline %}PARTY{% endblock %}\n'}
    project = project_with(tmp_path, [{**MILESTONES[0], "template": "festive"}, MILESTONES[1]], templates)
    assert main(["--project", str(project), "build"]) == 0
    assert headline(project, "ecoles", "en") == "PARTY"
    assert headline(project, "ecoles", "fr") == "La Ville atteint sa 500<sup>e</sup> école rénovée"
    assert headline(project, "berges", "en") != "PARTY"


def test_a_missing_template_is_located_with_a_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    templates = {f"{lang}/kinds/festive.md": '{% extends "release.md" %}\n' for lang in ("fr", "en")}
    project = project_with(tmp_path, [{**MILESTONES[0], "template": "festiv"}], templates)
    assert main(["--project", str(project), "check"]) != 0
    err = capsys.readouterr().err
    assert "ecoles.template: no template 'festiv': no templates/<language>/kinds/festiv.md" in err
    assert "did you mean 'festive'?" in err


@pytest.mark.parametrize(("milestone", "message"), [
    ({"figure": {"count": 15, "kind": "anniversary", "noun": "visitor"}, "subject": CITY},
     "ecoles.figure.noun: a figure of kind anniversary has no 'noun'"),
    ({"figure": {"count": 500, "kind": "ordinal"}, "subject": CITY}, "ecoles.figure: a figure of kind ordinal needs 'noun'"),
    ({"figure": {"count": 5, "noun": "visitor"}, "subject": CITY,
      "account": {"network": "Twitter", "handle": "@Paris", "url": "https://twitter.com/Paris"}},
     "ecoles.subject: this milestone gives both 'account' and 'subject'"),
    ({"figure": {"count": 5, "noun": "visitor"}, "subject": CITY, "platforms": [{"network": "Facebook"}]},
     "ecoles.platforms: 'platforms' (the organisation's other networks, beside the account) needs an account"),
    ({"figure": {"count": 5, "noun": "visitor"}, "subject": CITY, "verb": "reched"},
     "ecoles.verb"),
    ({"figure": {"count": 5, "noun": "visitor"}, "subject": {**CITY, "kind": "servce"}}, "ecoles.subject.kind"),
])
def test_what_a_kind_lacks_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], milestone: dict, message: str) -> None:
    project = project_with(tmp_path, [{"id": "ecoles", **milestone}])
    assert main(["--project", str(project), "check"]) != 0
    err = capsys.readouterr().err
    assert re.search(r"milestones\.yaml:\d+:\d+: error: " + re.escape(message), err), err


# -- agreement with the speaker, translated names (issue 14) ----------------------------------------
def quotes_release(tmp_path: Path, quotes: list[dict]) -> Path:
    project = project_with(tmp_path, [{**MILESTONES[1], "quotes": quotes}])
    assert main(["--project", str(project), "build"]) == 0
    return project


def said(project: Path, lang: str) -> list[str]:
    text = plain((project / "out" / "berges" / f"{lang}.md").read_text(encoding="utf-8"))
    return [line for line in text.splitlines() if line.startswith(("«", "“"))]


def quote(fr: str, en: str, **speaker: object) -> dict:
    return {"text": {"fr": fr, "en": en}, "role": {"fr": "adjointe", "en": "deputy mayor"}, **speaker}


@pytest.mark.parametrize(("speaker", "fr", "en"), [
    ({"speaker": "A. B."}, "ajoute-t-il", "he added"),
    ({"speaker": "A. B.", "gender": "feminine"}, "ajoute-t-elle", "she added"),
    ({"speaker": "A. B. et C. D.", "number": "plural"}, "ajoutent-ils", "they added"),
    ({"speaker": "A. B. et C. D.", "number": "plural", "gender": "feminine"}, "ajoutent-elles", "they added"),
])
def test_a_speaker_quoted_again_is_a_pronoun_that_agrees(tmp_path: Path, speaker: dict, fr: str, en: str) -> None:
    project = quotes_release(tmp_path, [quote("Un.", "One.", **speaker), quote("Deux.", "Two.", **speaker)])
    first = "expliquent" if speaker.get("number") == "plural" else "explique"
    assert said(project, "fr") == [f"« Un », {first} {speaker['speaker']}, adjointe.", f"« Deux », {fr}."]
    assert said(project, "en") == [f"“One,” said {speaker['speaker']}, deputy mayor.", f"“Two,” {en}."]


def test_a_body_quoted_again_is_named_again_in_english(tmp_path: Path) -> None:
    body = {"role": {"fr": "la direction", "en": "the department"}, "gender": "feminine"}
    project = quotes_release(tmp_path, [{**body, "text": {"fr": "Un.", "en": "One."}},
                                        {**body, "text": {"fr": "Deux.", "en": "Two."}}])
    assert said(project, "fr") == ["« Un », explique la direction.", "« Deux », ajoute-t-elle."]
    assert said(project, "en") == ["“One,” said the department.", "“Two,” the department added."]


def test_a_contact_name_may_be_given_per_language(tmp_path: Path) -> None:
    project = project_with(tmp_path, [{**MILESTONES[1], "contacts": [
        {"name": {"fr": "Service de presse", "en": "Press office"}, "email": "presse@example.org"},
        {"name": "Paris Numérique", "email": "numerique@example.org"}]}])
    assert main(["--project", str(project), "build"]) == 0
    fr = plain((project / "out" / "berges" / "fr.md").read_text(encoding="utf-8"))
    en = plain((project / "out" / "berges" / "en.md").read_text(encoding="utf-8"))
    assert "## Contacts presse\n\n- Service de presse — <presse@example.org>\n- Paris Numérique" in fr
    assert "## Press contacts\n\n- Press office — <presse@example.org>\n- Paris Numérique" in en


def test_the_example_has_a_feminine_speaker_two_speakers_and_a_translated_contact() -> None:
    from helpers import REPO

    out = REPO / "out"
    assert "« Nous visons 150 millions de trajets d’ici à 2026 », ajoute-t-elle." in plain(
        (out / "velib-100-millions" / "fr.md").read_text(encoding="utf-8"))
    centquatre = plain((out / "centquatre-15-ans" / "fr.md").read_text(encoding="utf-8"))
    assert "expliquent les équipes du Centquatre." in centquatre and "ajoutent-elles." in centquatre
    assert "“We are aiming for 150 million trips by 2026,” she added." in plain(
        (out / "velib-100-millions" / "en.md").read_text(encoding="utf-8"))
    assert "they added." in (out / "centquatre-15-ans" / "en.md").read_text(encoding="utf-8")
    for milestone in ("paris-2-millions", "velib-100-millions"):
        en = (out / milestone / "en.md").read_text(encoding="utf-8")
        assert "- City of Paris Press Office (Media relations)" in en and "Service de presse" not in en


@pytest.mark.parametrize(("kind", "extra", "lead_fr"), [
    ("anniversary", [], "TODO : its name with its article (le Vélib’) fête ses 15 ans."),
    ("ordinal", ["--noun", "follower"], "TODO : its name with its article (le Vélib’) a atteint son 15<sup>e</sup> abonné."),
    ("service", ["--noun", "trip"], "TODO : its name with its article (le Vélib’) a franchi la barre des 15 trajets."),
])
def test_new_writes_each_kind_s_skeleton_and_it_builds(tmp_path: Path, kind: str, extra: list[str], lead_fr: str) -> None:
    project = copy_example(tmp_path / "project")
    assert main(["--project", str(project), "new", "a-new-one", "--kind", kind, "--date", "2025-10-11",
                 "--count", "15", *extra]) == 0
    text = (project / "milestones.yaml").read_text(encoding="utf-8")
    assert "    subject:\n" in text.split("  - id: a-new-one", 1)[1]
    assert main(["--project", str(project), "build"]) == 0
    assert lead(project, "a-new-one", "fr") == lead_fr


def test_a_network_and_a_credit_may_be_given_per_language(tmp_path: Path) -> None:
    account = {"network": {"fr": "Réseau", "en": "Network"}, "handle": "@Paris", "url": "https://example.org/paris"}
    image = {"file": "images/bravo-paris.svg", "alt": {"fr": "Une image", "en": "A picture"},
             "credit": {"fr": "Ville de Paris", "en": "City of Paris"}}
    project = project_with(tmp_path, [{"id": "reseau", "account": account, "figure": {"count": 5000, "noun": "follower"},
                                       "image": image}])
    assert main(["--project", str(project), "build"]) == 0
    assert lead(project, "reseau", "fr") == "Le compte Réseau @Paris a dépassé 5 000 abonnés."
    assert lead(project, "reseau", "en") == "The @Paris Network account has passed 5,000 followers."
    assert "*Photo: City of Paris*" in (project / "out" / "reseau" / "en.md").read_text(encoding="utf-8")


def test_a_person_named_by_role_alone_is_a_pronoun_in_english(tmp_path: Path) -> None:
    role = {"role": {"fr": "la porte-parole", "en": "the spokeswoman"}, "gender": "feminine", "person": True}
    project = quotes_release(tmp_path, [{**role, "text": {"fr": "Un.", "en": "One."}},
                                        {**role, "text": {"fr": "Deux.", "en": "Two."}}])
    assert said(project, "fr") == ["« Un », explique la porte-parole.", "« Deux », ajoute-t-elle."]
    assert said(project, "en") == ["“One,” said the spokeswoman.", "“Two,” she added."]
