"""What a new release starts as: its keys, values and the comments that explain them.

One small module so that a new option (a kind of milestone, say) is one more answer and one
more branch here. The texts to write are placeholders holding ``TODO``
(:mod:`pressgen.checks.placeholders`): the skeleton builds and previews as it is, ``pressgen
status`` lists what is left, ``pressgen check`` fails until every one is replaced. With the
placeholders filled in, the release is valid as it stands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pressgen.checks.placeholders import MARKER

# Where an account's page is, for the networks whose addresses follow the handle.
_PROFILE_URLS = {
    "twitter": "https://twitter.com/{name}",
    "x": "https://x.com/{name}",
    "instagram": "https://www.instagram.com/{name}/",
    "facebook": "https://www.facebook.com/{name}",
    "tiktok": "https://www.tiktok.com/@{name}",
    "threads": "https://www.threads.net/@{name}",
    "youtube": "https://www.youtube.com/@{name}",
}


# The kinds ``pressgen new --kind`` knows: a social account's figure (the default), a subject
# of each kind with a count, an anniversary and a rank. What each writes: the subject's kind, the
# figure's kind, the lead's verb.
KINDS: dict[str, tuple[str | None, str, str]] = {
    "account": (None, "count", "pass"),
    "service": ("service", "count", "top"),
    "programme": ("programme", "count", "reach"),
    "place": ("place", "count", "welcome"),
    "event": ("event", "count", "welcome"),
    "organisation": ("organisation", "count", "reach"),
    "anniversary": ("place", "anniversary", "mark"),
    "ordinal": ("organisation", "ordinal", "reach"),
}


@dataclass(frozen=True)
class Answers:
    """What the writer told ``pressgen new`` (options or prompts)."""

    id: str
    date: dt.date
    count: int
    noun: str
    network: str | None = None  # with handle: the release's own account instead of the default one
    handle: str | None = None
    kind: str = "account"  # one of KINDS


@dataclass(frozen=True)
class Entry:
    """One key of the skeleton: its value and the comment written above it ("" for none)."""

    key: str
    value: Any
    comment: str = ""


def entries(answers: Answers, locales: list[str]) -> list[Entry]:
    """The keys of the new release, in the order they are written (no ``id``: the caller adds
    it where the layout needs one)."""
    subject_kind, figure_kind, verb = KINDS[answers.kind]
    out = [
        Entry("status", "draft", "draft while you write; then published, or embargoed with embargo_until"),
        Entry("date", answers.date, "the day the figure was reached (YYYY-MM-DD)"),
    ]
    if subject_kind is not None:
        out.append(Entry("subject", {"kind": subject_kind, "name": todo(locales, "its name with its article (le Vélib’)")},
                         "what reached the milestone: gender: feminine or number: plural where its article does not say"))
    if figure_kind == "anniversary":
        out.append(Entry("figure", {"count": answers.count, "kind": "anniversary"}, "the years celebrated"))
    elif figure_kind == "ordinal":
        out.append(Entry("figure", {"count": answers.count, "noun": answers.noun, "kind": "ordinal"},
                         "the rank reached (the 500th school); the noun is one of those under 'nouns'"))
    else:
        out.append(Entry("figure", {"count": answers.count, "noun": answers.noun},
                         "the figure reached; the noun is one of those under 'nouns' (unit: km for a distance)"))
    if subject_kind is not None:
        out.append(Entry("verb", verb, "the lead's verb: pass, pass_the_mark, top, reach, mark or welcome; "
                                       "period: {…} may say when (« depuis 2020 »)"))
    if answers.network or answers.handle:
        out.append(Entry("account", account(answers), "this release's own account, instead of the one under defaults"))
    out += [
        Entry("record", todo(locales, "one sentence on what the figure means"),
              "headline: {…} may be added to replace the generated headline"),
        Entry("highlights", [todo(locales, "a paragraph of news, in Markdown")]),
        Entry("quotes", [{"speaker": f"{MARKER}: the speaker's name",
                          "role": todo(locales, "the speaker's role"),
                          "text": todo(locales, "what they said")}],
              "leave out 'speaker' when a body speaks; 'gender: feminine' for agreement in French"),
    ]
    return out


def todo(locales: list[str], what: str) -> dict[str, str]:
    """A placeholder in every language."""
    return {locale: f"{MARKER}: {what}" for locale in locales}


def account(answers: Answers) -> dict[str, str]:
    network = answers.network or f"{MARKER}: the network"
    handle = answers.handle or "@TODO"
    if not handle.startswith("@"):
        handle = "@" + handle
    pattern = _PROFILE_URLS.get(network.lower())
    url = pattern.format(name=handle[1:]) if pattern and answers.handle else f"https://example.org/{MARKER}"
    return {"network": network, "handle": handle, "url": url}
