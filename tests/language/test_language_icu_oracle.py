"""pressgen.language against ICU (PyICU), an independent implementation of CLDR.

If ``icu`` cannot be imported this test FAILS: an oracle that silently skips proves nothing.
``make test`` installs PyICU (the ``test`` extra).
"""

from __future__ import annotations

import pytest

from icu_known_differences import KNOWN_DIFFERENCES, NORMALISE_NBSP

from icu_oracle import comparisons


def _normalise(check: str, text: str) -> str:
    if check in NORMALISE_NBSP:
        return text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


def test_icu_is_importable() -> None:
    import icu  # noqa: F401  (a failure here is the point: the oracle must run)


def test_pressgen_agrees_with_icu_except_known_differences() -> None:
    known = {(d.check, d.locale, d.value): d for d in KNOWN_DIFFERENCES}
    unexplained: list[str] = []
    stale = dict(known)
    count = 0
    for c in comparisons():
        count += 1
        ours, theirs = _normalise(c.check, c.ours), _normalise(c.check, c.icu)
        key = (c.check, c.locale, c.value)
        if ours == theirs:
            continue
        listed = known.get(key)
        if listed is not None and (listed.ours, listed.icu) == (c.ours, c.icu):
            stale.pop(key)
            continue
        unexplained.append(f"{c.check} [{c.locale}] {c.value}: ours={c.ours!r} icu={c.icu!r}")
    assert count > 300, count
    assert not unexplained, "disagreements with ICU not in icu_known_differences.py:\n" + "\n".join(
        unexplained
    )
    assert not stale, f"entries in icu_known_differences.py that no longer differ: {list(stale)}"


def test_known_differences_have_reasons() -> None:
    for d in KNOWN_DIFFERENCES:
        assert len(d.reason) > 40, d


@pytest.mark.subprocess
def test_oracle_fails_rather_than_skips_without_icu() -> None:
    """With ``icu`` unimportable, comparisons() raises instead of yielding nothing."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.modules['icu'] = None; sys.path.insert(0, sys.argv[1]);"
        "from icu_oracle import comparisons\n"
        "try:\n    list(comparisons())\nexcept ImportError:\n    sys.exit(0)\nsys.exit(1)"
    )
    here = str(Path(__file__).parent)
    subprocess.run([sys.executable, "-c", code, here], check=True)
