"""Only pressgen/language/rules/ may know which language it is writing.

Everything that differs between languages lives in one rules module per style (french.py,
english.py, generic.py) behind ``Locale.rules``. Anywhere else, a test on a language name
(``language(locale) == "fr"``, ``cldr.startswith("en")``, ``tag in ("fr", "en")``) or a table
keyed by one (``{"fr": …, "en": …}``, ``_MONTHS["fr"]``) is a second, partial copy of what a
rules module knows: adding ``fr_BE`` would mean finding it. This test reads every module of
pressgen with ``ast`` and names each such place.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pressgen

PACKAGE = Path(pressgen.__file__).parent
RULES = PACKAGE / "language" / "rules"

# Bare language subtags pressgen writes or names (tuned, and those of the generic tables and
# the README). Words that are also language codes ("or", "no", "am") are left out: a
# conjunction or a YAML boolean is not a language test.
LANGUAGES = frozenset({
    "fr", "en", "de", "es", "it", "nl", "pt", "pl", "ru", "ja", "zh", "ar", "ca", "ro", "da",
    "nb", "fi", "cs", "tr", "hu", "sv", "el", "ko", "uk",
})
# A tag with a region or script is unambiguous: fr_CA, en-GB, pt_BR, sr_Latn.
_TAG = re.compile(r"[a-z]{2,3}[-_](?:[A-Z]{2}|[A-Z][a-z]{3}|\d{3})")


def is_language_name(value: object) -> bool:
    return isinstance(value, str) and (value in LANGUAGES or bool(_TAG.fullmatch(value)))


def _literals(node: ast.AST) -> list[str]:
    """The string constants of ``node`` itself or of a tuple, list or set of them."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [value for item in node.elts for value in _literals(item)]
    return []


def _found(node: ast.AST) -> str | None:
    """What ``node`` does with a language name, or None."""
    if isinstance(node, ast.Compare):
        for operand in (node.left, *node.comparators):
            if any(is_language_name(v) for v in _literals(operand)):
                return "compares to a language name"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("startswith", "endswith", "get", "removeprefix") and node.args:
            if any(is_language_name(v) for v in _literals(node.args[0])):
                return f"{node.func.attr}() of a language name"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        if any(is_language_name(k.arg) for k in node.keywords):
            return "a dict keyed by a language name"
    if isinstance(node, ast.Dict):
        if any(key is not None and any(is_language_name(v) for v in _literals(key))
               for key in node.keys):
            return "a dict keyed by a language name"
    if isinstance(node, ast.Subscript):
        if any(is_language_name(v) for v in _literals(node.slice)):
            return "looks up a language name"
    if isinstance(node, ast.MatchValue):
        if any(is_language_name(v) for v in _literals(node.value)):
            return "matches a language name"
    return None


def violations(package: Path) -> list[str]:
    """``file:line: what`` for every language test outside ``language/rules/``."""
    rules = package / "language" / "rules"
    out = []
    for path in sorted(package.rglob("*.py")):
        if rules in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            what = _found(node)
            if what is not None:
                name = path.relative_to(package.parent).as_posix()
                out.append(f"{name}:{node.lineno}: {what}: {ast.unparse(node)[:80]}")
    return sorted(set(out), key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_no_module_outside_the_rules_tests_which_language_it_writes() -> None:
    found = violations(PACKAGE)
    assert not found, (
        "language-specific code outside pressgen/language/rules/ (move it into the rules "
        "module of the language, behind LanguageRules):\n" + "\n".join(found)
    )


def test_the_check_sees_each_kind_of_language_test(tmp_path: Path) -> None:
    """Each form the boundary forbids is found, and ordinary strings are not."""
    package = tmp_path / "pressgen"
    (package / "language" / "rules").mkdir(parents=True)
    (package / "language" / "rules" / "french.py").write_text('A = {"fr": 1}\n')
    (package / "bad.py").write_text(
        'def f(lang, cldr, tag, mode, conjunction):\n'
        '    if lang == "fr": pass\n'
        '    if cldr != "en_GB": pass\n'
        '    if tag in ("fr", "en"): pass\n'
        '    if cldr.startswith("en"): pass\n'
        '    names = {"de": "German"}\n'
        '    units = dict(fr=1)\n'
        '    months = _MONTHS["fr"]\n'
        '    short = _NAMES.get("pt-BR")\n'
        '    match lang:\n'
        '        case "fr_CA": pass\n'
        '    if mode == "markdown" or conjunction in ("and", "or"): pass\n'
        '    return "en"\n'
    )
    found = violations(package)
    assert sorted(int(line.split(":")[1]) for line in found) == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    assert all(line.startswith("pressgen/bad.py:") for line in found)


def test_language_names_are_recognised() -> None:
    for name in ("fr", "en", "de", "fr_CA", "en_GB", "en_US", "fr_FR", "pt-BR", "sr_Latn"):
        assert is_language_name(name), name
    for word in ("and", "or", "no", "markdown", "text", "year", "fr_", "EN"):
        assert not is_language_name(word), word
