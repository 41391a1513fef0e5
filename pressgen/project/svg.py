"""Whether an SVG may be published: refused, with the line and the reason, when it could run a
script, load anything from elsewhere, or expand entities.

An SVG is a document, not only a picture. Opened from the newsroom's site, it can run scripts
there (with the site's cookies), fetch files from other servers, and define XML entities that
expand into gigabytes ("billion laughs") or read files of the machine (XXE). pressgen refuses
such a file instead of cleaning it: a cleaned drawing may look different from the one the
designer delivered, nobody would see what was removed, and the file in ``out/`` would no longer
be the one reviewed. Drawing programs export SVG without any of this.

The file is read with expat, the XML parser of Python's standard library, after the text has
been searched for a DOCTYPE or an entity declaration: nothing is expanded or fetched.
"""

from __future__ import annotations

import re
from xml.parsers import expat

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_SCRIPTS = {"script", "handler", "listener"}  # listener and handler: SVG Tiny 1.2's scripts
_ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "animateColor"}
_LINKS = {"href", "src"}
_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
# url( whose target is not a #fragment of the drawing itself.
_OUTSIDE_URL = re.compile(r"\burl\(\s*+(?!['\"]?\s*#)(['\"]?)([^'\")]*)", re.I)
# What else CSS can load or run, or hide from the checks above (escapes).
_CSS_LOADS = re.compile(r"@import|\b(?:image-set|-webkit-image-set|image|cross-fade|src|expression)\s*\(|"
                        r"-moz-binding|\bbehavior\s*:|\\", re.I)
_KEEP_INSIDE = "keep only references inside the drawing (#name): embed what it needs, or delete the reference"

Reason = tuple[str, str]  # why the file is refused, and what to do


class _Refused(Exception):
    def __init__(self, why: str, hint: str):
        super().__init__(why)
        self.refusal = (why, hint)


def refusal(data: bytes) -> Reason | None:
    """Why the SVG ``data`` may not be published, and what to do; None when it may."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return (f"is not UTF-8 text (byte {error.start})", "export it again as SVG (drawing programs write UTF-8)")
    found = _DECLARATIONS.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        return (f"has a <{found.group(0)[1:].decode()}> declaration on line {line}: it can define entities "
                "that expand into gigabytes or read other files",
                "delete the <!DOCTYPE …> declaration (and what it holds): an SVG needs none")
    checker = _Checker()
    try:
        checker.parser.Parse(data, True)
    except _Refused as refused:
        return refused.refusal
    except expat.ExpatError as error:
        return (f"is not well-formed XML ({expat.errors.messages[error.code]}, line {error.lineno})",
                "open it in a drawing program and export it again as SVG")
    return None


class _Checker:
    """Expat handlers that raise :class:`_Refused` at the first thing the SVG may not hold."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.XmlDeclHandler = self.declaration
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.EntityDeclHandler = self.entity
        self.parser.ExternalEntityRefHandler = self.entity
        self.parser.ProcessingInstructionHandler = self.instruction
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.root_seen = False
        self.style: list[str] | None = None  # the text of the <style> being read
        self.style_line = 0

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def declaration(self, version: str, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise _Refused(f"declares the encoding {encoding}", "export it again as SVG in UTF-8")

    def doctype(self, *args: object) -> None:
        raise _Refused(f"has a <!DOCTYPE> declaration on line {self.line}: it can define entities "
                       "that expand into gigabytes or read other files",
                       "delete the <!DOCTYPE …> declaration: an SVG needs none")

    def entity(self, *args: object) -> None:
        raise _Refused(f"declares or uses an XML entity on line {self.line}", "write the text itself instead")

    def instruction(self, target: str, data: str) -> None:
        raise _Refused(f"holds the processing instruction <?{target} …?> on line {self.line}: it can load "
                       "a style sheet from elsewhere", f"delete the <?{target} …?> line")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if not self.root_seen:
            self.root_seen = True
            if local != "svg" or namespace != SVG_NAMESPACE:
                raise _Refused(*_not_svg(name, namespace, local))
        if local in _SCRIPTS:
            raise _Refused(f"holds a <{local}> on line {self.line}: it would run for anyone who opens the image",
                           f"delete the <{local}> element: a picture needs none")
        if local == "foreignObject":
            raise _Refused(f"holds a <foreignObject> on line {self.line}: it embeds a web page in the image",
                           "delete it, or turn its text into shapes (outlines) in the drawing program")
        if namespace == _XHTML_NAMESPACE:
            raise _Refused(f"holds the HTML element <{local}> on line {self.line}", "delete it: a picture needs none")
        for attribute, value in attributes.items():
            self.attribute(local, attribute.rpartition(" ")[2], value)
        if local in _ANIMATIONS:
            target = attributes.get("attributeName", "").rpartition(":")[2]
            if target in _LINKS or target.lower().startswith("on"):
                raise _Refused(f"animates the {attributes['attributeName']} attribute on line {self.line}: "
                               "an animated link or handler can run a script", f"delete the <{local}> animation")
        if local == "style" and namespace == SVG_NAMESPACE:
            self.style, self.style_line = [], self.line

    def attribute(self, element: str, name: str, value: str) -> None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        if name.lower().startswith("on"):
            raise _Refused(f"has an event handler {name}=\"…\" on <{element}>, line {self.line}: a script that "
                           "runs for anyone who opens the image", f"delete the {name} attribute")
        if name in _LINKS and not value.strip().startswith("#"):
            raise _Refused(f"refers to \"{shown}\" outside the drawing (<{element} {name}>, line {self.line}): "
                           "the image would load or open it", _KEEP_INSIDE)
        outside = _OUTSIDE_URL.search(value)
        if outside:
            raise _Refused(f"loads url({outside.group(1)}{outside.group(2)}…) from outside the drawing "
                           f"(<{element} {name}>, line {self.line})", _KEEP_INSIDE)
        if name == "style":
            self.css(value, self.line)

    def characters(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)

    def end(self, name: str) -> None:
        if self.style is not None and name == f"{SVG_NAMESPACE} style":
            css, self.style = "".join(self.style), None
            outside = _OUTSIDE_URL.search(css)
            if outside:
                raise _Refused(f"loads url({outside.group(1)}{outside.group(2)}…) from outside the drawing "
                               f"(<style>, line {self.style_line})", _KEEP_INSIDE)
            self.css(css, self.style_line)

    @staticmethod
    def css(css: str, line: int) -> None:
        found = _CSS_LOADS.search(css)
        if found:
            what = "a CSS escape (\\)" if found.group(0) == "\\" else found.group(0).rstrip("( :")
            raise _Refused(f"has {what} in its style on line {line}: styles may not load, run or hide anything",
                           "give colours, fonts and references inside the drawing (#name) only")


def _not_svg(name: str, namespace: str, local: str) -> Reason:
    if local == "svg" and not namespace:
        return ("has an <svg> root without the SVG namespace, so browsers would not show it",
                'add xmlns="http://www.w3.org/2000/svg" to the <svg> element')
    return (f"is XML whose root is <{local}>, not an SVG drawing", "export the image again as SVG")
