"""What a text from the sources may hold: the text policy, as a type.

Every text a reader sees is Markdown written by a colleague, a translator or an agency, and is
published as it is. :class:`Text` says what such a text may not contain, once, for every field
that holds one; the decoder asks it (:meth:`Text.refusal`) for every text it reads.
"""

from __future__ import annotations

import re

# A tag, but not a Markdown autolink (<https://…>, <name@example.org>).
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):|[^\s<>@]+@[^\s<>@]+>)/?[A-Za-z][^<>]*>")
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//")


class Text(str):
    """Text from the sources, in Markdown: no HTML (the templates write it), no remote image."""

    @staticmethod
    def refusal(raw: str) -> tuple[str, str] | None:
        """Why ``raw`` may not be published, and what to write instead; None when it may."""
        tag = _RAW_HTML.search(raw)
        if tag:
            return (f"HTML is not allowed in milestones.yaml: {tag.group(0)}",
                    "write Markdown (*emphasis*, [link](https://…)); the templates make the HTML")
        if _REMOTE_IMAGE.search(raw):
            return ("an image from the web would make every reader's browser fetch it",
                    "give the release's image under 'image:', as a file beside milestones.yaml")
        return None
