"""Generated and mutated projects through the whole pipeline: output or located problems, in
bounded time, nothing written outside out/, and no page that runs or loads anything.

The page property is checked for every input the validator accepts; for templates it is not
(a template may write any HTML: it is the newsroom's own code, reviewed as such).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from harness import assert_pages_safe, build, examples
from strategies import generated_milestone_file, mutated_data_file, mutated_template, mutated_text

pytestmark = pytest.mark.fuzz


@settings(max_examples=examples(25))
@given(mutated_text())
def test_mutated_example_text(text: str) -> None:
    outcome = build({"milestones.yaml": text})
    if outcome.problems is None:
        assert_pages_safe(outcome)


@settings(max_examples=examples(12))
@given(mutated_data_file())
def test_mutated_example_data(text: str) -> None:
    outcome = build({"milestones.yaml": text})
    if outcome.problems is None:
        assert_pages_safe(outcome)


@settings(max_examples=examples(12))
@given(generated_milestone_file())
def test_milestone_generated_from_the_model(text: str) -> None:
    outcome = build({"milestones.yaml": text})
    if outcome.problems is None:
        assert_pages_safe(outcome)


@settings(max_examples=examples(12))
@given(mutated_template())
def test_mutated_release_template(template: str) -> None:
    build({"templates/fr/release.md": template})
