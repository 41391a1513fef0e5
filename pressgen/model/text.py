"""What a text from the sources may hold: the text policy, as a type.

Every text a reader sees is Markdown written by a colleague, a translator or an agency, and is
published as it is. :class:`Text` says what such a text may not contain, once, for every field
that holds one; the decoder asks it (:meth:`Text.refusal`) for every text it reads:

- HTML: the templates write the page's HTML;
- links that do not say where they go: a text's links lead to ``https://``, ``http://``,
  ``mailto:`` or ``tel:`` addresses, or to a ``#place`` on the page, judged after the decoding a
  browser does (:mod:`pressgen.model.urls`); a relative link (``page.html``) is refused, since
  the pages may be published anywhere;
- images from elsewhere, in any spelling (``HTTPS://``, ``//host``, ``/\\host``, by reference):
  an image in a text is a file of the release's folder;
- Markdown attribute lists (``{: .class}``, ``{#id}``, ``{onclick=…}``): they set HTML
  attributes; the templates may use them, texts may not;
- a ``]`` that closes nothing: inside a template it would close the template's own brackets.

Where a text would put an address or an attribute is :mod:`pressgen.model.markup`'s job.
"""

from __future__ import annotations

import re
from typing import Iterator

from pressgen.model import markup, urls
from pressgen.model.urls import Refusal

# A tag, a comment or a declaration, but not an autolink (<https://…>, <name@example.org>).
_RAW_HTML = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*>|[^\s<>@]+@[^\s<>@]+>)(?:/?[A-Za-z][^<>]*>|[!?])")
# The characters every refusal below starts from: a text with none of them is let through at once.
_COULD_BE_REFUSED = re.compile(r"[<\[\]{]")
_NO_ATTRIBUTES = "remove the braces: the templates decide how the page looks"


class Text(str):
    """Text from the sources, in Markdown, with none of what the module docstring refuses."""

    @staticmethod
    def refusal(raw: str) -> Refusal | None:
        """Why ``raw`` may not be published, and what to write instead; None when it may."""
        if not _COULD_BE_REFUSED.search(raw):
            return None
        return next(_refusals(raw), None)


def _refusals(raw: str) -> Iterator[Refusal]:
    tag = _RAW_HTML.search(raw)
    if tag:
        shown = tag.group(0) if tag.group(0).endswith(">") else raw[tag.start():tag.start() + 12]
        yield Refusal(f"HTML is not allowed in milestones.yaml: {shown}",
                      "write Markdown (*emphasis*, [link](https://…)); the templates make the HTML")
    found = markup.brackets(raw)
    for index in found.stray:
        yield Refusal(f"a ']' closes no '[' in this text: {raw[max(0, index - 20):index + 20]!r}",
                      "in the release it would close the template's brackets: write \\] for a bracket, "
                      "or a whole link [label](https://…)")
    for target in markup.targets(raw, found):
        if target.kind == "image":
            refused = urls.image_refusal(target.url)
        else:
            refused = urls.link_refusal(target.url)
        if refused:
            yield Refusal(f"{refused.message}: {target.written}", refused.hint)
    for written in markup.reference_images(raw, found):
        yield Refusal(f"an image by reference could come from the web: {written}",
                      "give the release's image under 'image:', or write ![alt](file) with a file of the release")
    for group in markup.attribute_lists(raw):
        yield Refusal(f"Markdown would read {group} as an attribute list, which sets HTML attributes",
                      _NO_ATTRIBUTES if not group.startswith(("{{", "{%")) else
                      "at the start or end of a line, or right after a word, braces are read so: "
                      "leave them out, or put them between spaces inside a sentence")
