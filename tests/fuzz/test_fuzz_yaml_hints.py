"""The YAML syntax hints on mutated example files: every syntax error is explained, at a line
of the file, without an exception of its own (the hints read the lines around the mark)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings

from harness import examples
from pressgen.project.syntax import explain
from strategies import mutated_text

pytestmark = pytest.mark.fuzz
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@settings(max_examples=examples(300))
@given(mutated_text())
def test_every_syntax_error_is_explained_at_a_line_of_the_file(text: str) -> None:
    for loader in LOADERS:
        try:
            yaml.compose(text, Loader=loader)
        except yaml.MarkedYAMLError as error:
            said = explain(error, text)
            assert 1 <= said.line <= text.count("\n") + 2
            assert said.message.startswith("YAML syntax: ") and len(said.message) > len("YAML syntax: ")
        except (yaml.YAMLError, RecursionError):
            continue
