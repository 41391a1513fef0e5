"""The social networks a release is announced on, and how each one counts a post.

Each network counts its own way, and a post that the network refuses once pasted is a post
written again in a hurry. The counts follow each network's own rules, from maintained code
where there is some:

- X: 280, weighted as X's own ``twitter-text`` counts (most CJK characters and emoji weigh 2,
  every URL 23 whatever its length), through the ``twitter-text-parser`` package;
- Bluesky: 300 graphemes (user-perceived characters: a flag, an accented letter written with a
  combining accent, a family emoji are one each), as ``Intl.Segmenter`` counts, through the
  ``regex`` package's ``\\X``; links are counted as written;
- Mastodon: 500 graphemes, every http(s) URL counting 23 and ``@user@server`` as ``@user``, as
  Mastodon's status length validator does;
- LinkedIn (3,000) and Threads (500), which publish no counting rule: UTF-16 code units, what a
  browser's text box counts, never fewer than the characters a reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable


def x_length(text: str) -> int:
    """X's weighted length (twitter-text's ``weightedLength``)."""
    from twitter_text import parse_tweet

    return parse_tweet(text).weightedLength


def graphemes(text: str) -> int:
    """Extended grapheme clusters (Unicode's UAX #29, as ``Intl.Segmenter`` splits them)."""
    import regex

    return len(regex.findall(r"\X", text))


# Mastodon's URL placeholder and its mention rule (app/validators/status_length_validator.rb).
MASTODON_URL_LENGTH = 23
_WEB_ADDRESS = re.compile(r"(?<![\w/@])https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}'\"»”’…"
_REMOTE_MENTION = re.compile(r"(?<![\w@])(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]")


def mastodon_length(text: str) -> int:
    def placeholder(match: re.Match[str]) -> str:
        url = match.group(0)
        kept = url.rstrip(_TRAILING)
        return "x" * MASTODON_URL_LENGTH + url[len(kept):]

    return graphemes(_REMOTE_MENTION.sub(r"\1", _WEB_ADDRESS.sub(placeholder, text)))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Network:
    """One network: its template's name (``templates/<locale>/posts/<name>.txt``), how it
    names itself, its limit and how it counts."""

    name: str
    label: str
    limit: int
    count: Callable[[str], int]
    unit: str  # what is counted, for messages


NETWORKS: tuple[Network, ...] = (
    Network("x", "X", 280, x_length, "characters as X weighs them"),
    Network("bluesky", "Bluesky", 300, graphemes, "graphemes"),
    Network("mastodon", "Mastodon", 500, mastodon_length, "characters, each link counting 23"),
    Network("linkedin", "LinkedIn", 3000, utf16_length, "characters"),
    Network("threads", "Threads", 500, utf16_length, "characters"),
)
