"""Agreement with a subject or a speaker: which form of a word a sentence takes.

A template writes the forms (« a atteint » / « ont atteint », « ajoute-t-il » /
« ajoute-t-elle »); this module decides which one applies, from what the sources say of the
subject (its ``gender`` and ``number``) and, where those are left out, from the article its
name opens with (« la Ville » is feminine, « les Berges » plural: the language's rules read
it). Articles and prepositions (« du Vélib’ », « de la Ville », « d’arbres ») and possessives
(« ses 15 ans », « leur 500e école », "its") are the language's rules too, so a template never
tests which language it is written in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressgen.language.locale import LocaleLike, locale_for
from pressgen.language.ordinals import is_feminine


@dataclass(frozen=True)
class Grammar:
    """What agreement needs to know of a subject."""

    feminine: bool
    plural: bool


def grammar(value: Any, locale: LocaleLike) -> Grammar:
    """The grammar of ``value``: a name with its article (« les Berges »), or anything with a
    ``name`` (or ``speaker``) and optional ``gender`` and ``number`` (a subject, a quote, a
    noun's forms), the given values winning over what the article says."""
    if isinstance(value, Grammar):
        return value
    rules = locale_for(locale).rules
    if isinstance(value, str):
        name, gender, number = value, None, None
    else:
        name = getattr(value, "name", None) or getattr(value, "speaker", None) or ""
        gender, number = getattr(value, "gender", None), getattr(value, "number", None)
    feminine, plural = rules.article_grammar(str(name)) if name else (None, None)
    if gender is not None:
        feminine = is_feminine(gender)
    if number is not None:
        if number not in ("singular", "plural"):
            raise ValueError(f"number must be 'singular' or 'plural', not {number!r}")
        plural = number == "plural"
    return Grammar(bool(feminine), bool(plural))


def agree(value: Any, masculine: str, feminine: str | None = None, plural: str | None = None,
          feminine_plural: str | None = None, *, locale: LocaleLike) -> str:
    """The form that agrees with ``value``: a missing feminine is the masculine, a missing
    feminine plural the plural (« ont atteint » for « les Berges » and « les comptes »)."""
    found = grammar(value, locale)
    if found.plural:
        many = plural if plural is not None else masculine
        return (feminine_plural or many) if found.feminine else many
    return (feminine or masculine) if found.feminine else masculine


def of(text: Any, locale: LocaleLike) -> str:
    """``text`` after "of": « du Vélib’ », « de la Ville », « des Berges », « d’arbres »; for a
    noun's forms (``one``/``other``), its plural."""
    words = getattr(text, "other", text)
    return locale_for(locale).rules.of_phrase(str(words))


def possessive(owner: Any, thing: Any, *, plural: bool | None = None, before: str | None = None,
               locale: LocaleLike) -> str:
    """The possessive of ``owner`` for ``thing`` (a noun's forms, or a word): « ses 15 ans »,
    « sa 500e école », « son école », « leur », "its", "their". ``plural`` says whether the
    thing is several (a noun's forms are one, unless said); ``before``, the word that follows
    the possessive when it is not the noun (« sa 500e école », not « son »)."""
    rules = locale_for(locale).rules
    feminine_thing = getattr(thing, "gender", None) == "feminine"
    word = before if before is not None else (
        getattr(thing, "one", thing) if not plural else getattr(thing, "other", thing))
    return rules.possessive(grammar(owner, locale).plural, feminine_thing, bool(plural), str(word))


def sentence_start(text: Any) -> str:
    """``text`` with its first letter a capital (« Le Vélib’ », "The Centquatre"), the rest as
    written (Jinja2's ``capitalize`` would lower « Vélib’ » in « le Vélib’ »)."""
    words = str(text)
    return words[:1].upper() + words[1:]
