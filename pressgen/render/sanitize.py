"""Every HTML page pressgen writes goes through an allow-list sanitiser: defence in depth.

The text policy (:mod:`pressgen.model.text`) refuses what a text may not hold before anything
is rendered; this step makes sure that whatever got past it, or whatever a template writes,
cannot reach a reader: no ``<script>``, no ``on…`` attribute, no ``style`` attribute, no
``<iframe>``/``<object>``/``<form>``, no link with another scheme than those of
:mod:`pressgen.model.urls`, no request to another host (an image is a file of the release's
folder, a ``<link>`` is an ``alternate`` page of the same site).

nh3 (the Ammonia sanitiser) works on fragments, so the page is cut at its document shell:
``<!DOCTYPE html>``, ``<html lang>``, ``<head>``, ``<body>`` and their end tags must be exactly
as the templates write them; what lies in the head and in the body is sanitised, each with the
elements and attributes the templates and the Markdown of the texts use, nothing more.

The page is written as rendered when the sanitiser's output means the same to a browser, which
is the case for every page pressgen makes from valid sources: nh3 writes a no-break space as
``&nbsp;`` and the e-mail address Python-Markdown spells out with character references
(``&#109;&#97;…``) as plain letters, and those are the only differences. The comparison is on
the text, not on a parse (a parser that reads a page differently from browsers could hide a
difference): the page is kept when, with the character references of letters, digits and
punctuation other than ``< > & " '`` read, it is byte for byte the sanitiser's output.
Otherwise the sanitiser's output is written.

One script is let through in the head, and only one kind: structured data,
``<script type="application/ld+json">`` holding a JSON object exactly as :func:`json_ld_text`
writes it. That form escapes ``<``, ``>`` and ``&`` inside strings (``\u003c``), so no text of
the sources can close the element (``</script>``) or open a comment; anything else in such an
element, or any other script, is refused or removed like the rest.
"""

from __future__ import annotations

import functools
import html
import json
import re
import sys
from typing import Any

import nh3

from pressgen.errors import PressgenError, Problem
from pressgen.model.urls import ALLOWED_SCHEMES, image_refusal, link_refusal

# What the templates write in the head.
HEAD_TAGS = {"meta", "title", "link", "style"}
HEAD_ATTRIBUTES = {"meta": {"charset", "name", "property", "content"}, "link": {"hreflang", "href"}}
# A browser fetches neither an alternate (another language, the feed) nor a canonical link.
HEAD_VALUES = {"link": {"rel": {"alternate", "canonical"}, "type": {"application/atom+xml"}}}
# What the templates write in the body, and what the Markdown of a text can make.
BODY_TAGS = {
    "header", "nav", "main", "footer", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "blockquote", "pre", "code", "hr", "br", "a", "img", "strong", "em", "sup", "span", "time",
}
BODY_ATTRIBUTES = {
    "a": {"href", "hreflang", "lang"},
    "img": {"src", "alt", "class"},
    "span": {"lang", "class"},
    "p": {"lang", "class"},
    "nav": {"aria-label", "class"},
    "header": {"class"},
    "main": {"class"},
    "footer": {"class"},
    "ul": {"class"},
    "ol": {"start"},
    "li": {"id"},
    "time": {"datetime"},
}
# Removed with what they hold (the rest lose their tags and keep their text).
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "textarea", "select"}
# What a <style> of the templates may not do: load something.
_LOADS = ("url(", "src(", "image-set(", "@import", "\\")

_SHELL = re.compile(
    r"(?P<doctype>\s*<!DOCTYPE html>\s*<html(?: lang=\"[A-Za-z0-9-]+\")?>\s*<head>)(?P<head>.*)"
    r"(?P<between></head>\s*<body>)(?P<body>.*)(?P<end></body>\s*</html>\s*)",
    re.DOTALL | re.IGNORECASE,
)
_NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")
_KEPT_ESCAPED = set("<>&\"'")
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def json_ld_text(data: dict[str, Any]) -> str:
    """Structured data as the inside of ``<script type="application/ld+json">``: JSON with
    ``<``, ``>`` and ``&`` escaped, so that nothing in it can end the element; deterministic."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return re.sub(r"[<>&]", lambda match: _JSON_ESCAPES[match.group(0)], text)


def _json_ld_refusal(inside: str) -> str | None:
    """Why the inside of a structured-data script may not be published; None when it may."""
    try:
        data = json.loads(inside)
    except ValueError as error:
        return f"is not JSON ({error})"
    if not isinstance(data, dict):
        return "is not a JSON object"
    if json_ld_text(data) != inside:
        return "is not written as pressgen writes structured data (json_ld_text), with < > & escaped"
    return None


def _url_filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's hook for every attribute it keeps: the address rules of :mod:`pressgen.model.urls`."""
    if attribute == "src":
        return None if image_refusal(value) else value
    if attribute == "href":
        return None if link_refusal(value, relative=True) else value
    return value


def _cleaner(tags: set[str], attributes: dict[str, set[str]],
             values: dict[str, dict[str, set[str]]] | None = None) -> nh3.Cleaner:
    """nh3's sanitiser for one allow-list, made once: ``nh3.clean`` turns its options into the
    Rust library's sets on every call, a tenth of the time it takes for a release's body."""
    return nh3.Cleaner(
        tags=tags,
        clean_content_tags=DROPPED_WITH_CONTENT - tags,
        attributes=attributes,
        tag_attribute_values=values,
        attribute_filter=_url_filter,
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel=None,  # no rel="noopener noreferrer" on links: nothing here opens a window
        strip_comments=True,
    )


_HEAD = _cleaner(HEAD_TAGS, HEAD_ATTRIBUTES, HEAD_VALUES)
_BODY = _cleaner(BODY_TAGS, BODY_ATTRIBUTES)


def _clean(fragment: str, cleaner: nh3.Cleaner) -> str:
    # nh3 reports what its attribute hook raises as "Exception ignored" and drops the attribute:
    # a Ctrl-C landing in the hook would leave a page without its links. Raised again here.
    raised: list[BaseException] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: raised.append(unraisable.exc_value)
    try:
        cleaned = cleaner.clean(fragment)
    finally:
        sys.unraisablehook = previous
    if raised:
        raise raised[0]
    return cleaned


def _read_references(text: str) -> str:
    """``text`` with the numeric character references of harmless characters read."""
    return _NUMERIC_REFERENCE.sub(_read_reference, text)


def _read_reference(match: re.Match[str]) -> str:
    return _reference(match.group(0))


@functools.lru_cache(maxsize=4096)
def _reference(reference: str) -> str:
    """One numeric reference, read when its character is harmless: a release holds hundreds,
    of a few characters (the typography's spaces)."""
    char = html.unescape(reference)
    harmless = char.isprintable() and not char.isspace() and char not in _KEPT_ESCAPED
    return char if harmless else reference


def sanitize_fragment(fragment: str, cleaner: nh3.Cleaner) -> str:
    """``fragment`` as written when ``cleaner`` finds nothing to remove, else its output."""
    cleaned = _clean(fragment, cleaner).replace("&nbsp;", "\u00a0")
    return fragment if _read_references(fragment) == cleaned else cleaned


def safe_body(body: str) -> str:
    """A release's HTML as every format receives it (page, e-mail, PDF, wire text): what the
    Markdown of the texts may make, nothing more."""
    return sanitize_fragment(body, _BODY)


def sanitize_page(page: str, name: str) -> str:
    """The page ``name`` (its path under out/, for messages), safe to publish.

    Raises :class:`PressgenError` when the page is not a whole document as the templates must
    write it, or when its ``<style>`` would load something.
    """
    shell = _SHELL.fullmatch(page)
    if shell is None:
        raise PressgenError([_template_problem(
            name, "is not a whole HTML document: <!DOCTYPE html>, <html lang=\"…\">, <head>…</head>, "
                  "<body>…</body>, </html>, with nothing else outside head and body",
            "see templates/base.html for the shape of a page")])
    head = _sanitize_head(shell["head"], name)
    for style in _STYLE.findall(head):
        loads = [what for what in _LOADS if what in style.lower()]
        if loads:
            raise PressgenError([_template_problem(
                name, f"has a <style> with {loads[0]}: the pages load nothing from elsewhere",
                "take url(…), @import and backslash escapes out of the templates' <style>")])
    body = sanitize_fragment(shell["body"], _BODY)
    return shell["doctype"] + head + shell["between"] + body + shell["end"]


def _sanitize_head(head: str, name: str) -> str:
    """The head, sanitised around its structured-data scripts, which are checked instead."""
    pieces: list[str] = []
    start = 0
    for found in _JSON_LD.finditer(head):
        refused = _json_ld_refusal(found.group(1))
        if refused:
            raise PressgenError([_template_problem(
                name, f"has a <script type=\"application/ld+json\"> that {refused}",
                "write structured data as {{ page.json_ld }}, from pressgen.render.sharing")])
        pieces.append(sanitize_fragment(head[start:found.start()], _HEAD))
        pieces.append(found.group(0))
        start = found.end()
    pieces.append(sanitize_fragment(head[start:], _HEAD))
    return "".join(pieces)


def _template_problem(name: str, message: str, hint: str) -> Problem:
    return Problem("templates", 0, 0, f"the page {name} {message}", hint=hint)
