"""Inputs whose pages would run or load something, found by the fuzz suite's page property.

Each is now refused where it is written (the address rules of pressgen.model.urls) or, were it
accepted, cleaned by the sanitiser: the page property holds for them.
"""

from __future__ import annotations

import pytest

from harness import EXAMPLE_TEXT, assert_pages_safe, build, page_findings

HIGHLIGHT = "          Twitter est aujourd'hui l'un des principaux canaux de la Ville pour informer les\n"

UNSAFE_TEXTS = {
    "javascript-link": "[cliquez](javascript:alert(document.cookie))",
    "data-link": "[cliquez](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data-image": "![x](data:image/svg+xml;base64,PHN2Zy8+)",
    "vbscript-link": "[cliquez](vbscript:msgbox(1))",
}


def with_highlight(text: str) -> str:
    assert EXAMPLE_TEXT.count(HIGHLIGHT) == 1
    return EXAMPLE_TEXT.replace(HIGHLIGHT, f"          {text}\n")


@pytest.mark.parametrize("text", UNSAFE_TEXTS.values(), ids=UNSAFE_TEXTS.keys())
def test_an_unsafe_text_is_refused_and_makes_no_page(text: str) -> None:
    outcome = build({"milestones.yaml": with_highlight(text)})
    assert outcome.problems, "an unsafe address was accepted"
    if outcome.problems is None:
        assert_pages_safe(outcome)


def test_the_page_audit_sees_what_it_looks_for() -> None:
    assert page_findings('<p><a href="https://a.fr">a</a> <a href="mailto:a@b.fr">b</a> <img src="x.svg"></p>') == []
    assert page_findings("<script>alert(1)</script>") == ["<script>"]
    assert page_findings('<a href="javascript:x">a</a>') == ["<a href='javascript:x'> (scheme javascript)"]
    assert page_findings('<img src="https://evil.example/p.gif">') == ["<img src='https://evil.example/p.gif'> (loads from another host)"]
    assert page_findings('<img src="//evil.example/p.gif">') == ["<img src='//evil.example/p.gif'> (loads from another host)"]
    assert page_findings('<b onclick="x()">a</b>') == ["<b onclick=…>"]
