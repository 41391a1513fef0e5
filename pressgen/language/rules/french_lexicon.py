"""Which French words refuse elision: « de hauts lieux », « le hibou », « de onze », « de yaourts ».

French elides « de », « le », « la » before a vowel or a mute h (« d’habitants », « l’hôpital »),
but not before an *h aspiré*, a few words that start with a vowel sound treated as a consonant
(« le onze », « le oui », « le ouistiti », « le uhlan ») or a *y* pronounced as a consonant
(« de yaourts », « le yacht »); a *y* before a consonant is a vowel (« d’ypérite »), and so is
the y of « yeux » and « yeuse » (« d’yeux »).

Sources: the list of *h aspiré* words of Grevisse and Goosse, *Le Bon Usage* (§ 48), as
gathered by Wiktionary's category « Mots en français avec h aspiré »
(https://fr.wiktionary.org/wiki/Catégorie:Mots_en_français_avec_h_aspiré), and the
Imprimerie nationale's *Lexique des règles typographiques* (« Élision »), which gives
« onze », « onzième », « oui », « uhlan », « yacht », « yaourt ». The most used words of
press copy are here, with their feminine and derived forms; a word it misses is set by hand
with ``elide: true`` or ``elide: false`` on the noun in milestones.yaml.
"""

from __future__ import annotations

import unicodedata

# Words (and their inflected forms) that begin with an h aspiré.
H_ASPIRE = frozenset("""
hache hacher hachette hachis hachoir hachure hack hacker hackeur hackeuse hagard hagarde haie
haillon haine haineux haineuse haïr haïssable halage hâle hâlé halètement haleter hall halle
hallebarde halo halte hamac hameau hamburger hampe hamster hanche handball handicap
handicapé handicapée hangar hanneton hanter hantise happer harangue haranguer haras
harassant harassante harasser harcèlement harceler hardes hardi hardie hardiesse harem hareng
hargne hargneux hargneuse haricot harnais harpe harpie harpon hasard hasarder hasardeux
hasardeuse hâte hâter hâtif hâtive hauban hausse hausser haussier haut haute hautain hautaine
hautbois hauteur havre havresac hayon heaume hennir hennissement héraut hérisser hérisson
hernie héron héros herse hêtre heurt heurter hibou hic hideur hideux hideuse hiérarchie
hiérarchique hiérarchiser hippie hisser hit hobby hochet hockey holding hold-up hollandais
hollandaise homard hongre hongrois hongroise honte honteux honteuse hoquet horde hors
hot-dog hotdog hotte houblon houille houiller houle houlette houleux houleuse houppe hourra
housse houx hublot huche huée huer huguenot huit huitième hululement hululer humer hune
huppe hure hurlement hurler hussard hutte
""".split())

# Words starting with a vowel or a y that take « de », « le », « la » as before a consonant.
NOT_ELIDED = frozenset("""
onze onzième oui ouistiti uhlan ululement
yacht yack yak yankee yaourt yard yéti yiddish yod yoga yogi yogourt youpala youyou yo-yo
yuan yucca
""".split())

# Words starting with y that elide all the same (y before a consonant elides anyway).
Y_ELIDED = frozenset({"yeux", "yeuse", "yèble", "yprésien"})

_VOWELS = set("aeiouœæ")


def _forms(word: str) -> tuple[str, ...]:
    """The word and what it may be the plural of (« hauts » -> « haut », « houx » stays)."""
    forms = [word]
    if word.endswith(("s", "x")) and len(word) > 2:
        forms.append(word[:-1])
    return tuple(forms)


def elides_before(text: str) -> bool:
    """Whether French elides « de », « le », « la » before ``text`` (its first word decides)."""
    first = text.strip().split(" ")[0].split("\u00a0")[0].lower() if text.strip() else ""
    if not first:
        return False
    forms = _forms(first) + tuple(f.split("-")[0] for f in _forms(first) if "-" in f and f not in NOT_ELIDED)
    if any(form in NOT_ELIDED for form in forms):
        return False
    base = unicodedata.normalize("NFD", first[0])[0]
    if base == "h":
        return not any(form in H_ASPIRE for form in forms)
    if base == "y":
        if any(form in Y_ELIDED for form in forms):
            return True
        second = unicodedata.normalize("NFD", first[1:2] or "x")[0]
        return second not in _VOWELS  # « d’ypérite », but « de yaourts »
    return base in _VOWELS
