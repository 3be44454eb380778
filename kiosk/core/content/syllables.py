"""Syllable counts for reading-level measures, offline. Qt-free.

English words come from the CMU Pronouncing Dictionary (a table made by
scripts/make_syllable_table.py); words it lacks are estimated from their vowel groups.
Spanish spelling shows its syllables, so Spanish words are counted by the rules of
diphthongs and hiatus.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

_TABLE = "data/syllables-en.txt.gz"


@cache
def _english_table() -> dict[str, int]:
    data = resources.files("kiosk.core.content").joinpath(_TABLE).read_bytes()
    table: dict[str, int] = {}
    for line in gzip.decompress(data).decode("ascii").splitlines():
        word, count = line.split(" ")
        table[word] = int(count)
    return table


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs usually said as two syllables: bi-o, pi-a-no, ro-sa-ce-a (not na-tion, spe-cial).
_TWO_VOWEL_SOUNDS = re.compile(r"(?<![tscgx])i[aou]|eo|ua|uo|ea$")


def _estimate_english(word: str) -> int:
    """Vowel groups and split pairs, less a silent final e (but not in -le, as in 'table')."""
    count = len(_VOWEL_GROUPS.findall(word)) + len(_TWO_VOWEL_SOUNDS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def english(word: str) -> int:
    """Syllables in one English word (letters, apostrophes and hyphens)."""
    if 2 <= len(word) <= 3 and word.isalpha() and word.isupper():
        # A short capitalised abbreviation is said letter by letter: I-B-S, U-C.
        return sum(3 if letter == "W" else 1 for letter in word)
    word = word.lower().replace("\u2019", "'")
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:
        return sum(english(part) for part in parts)
    table = _english_table()
    for form in (word, word.removesuffix("'s"), word.strip("'")):
        if form in table:
            return table[form]
    letters = re.sub(r"[^a-z]", "", word)
    return _estimate_english(letters) if letters else 1


# Strong vowels (and a weak vowel carrying an accent) make a syllable of their own next to
# another vowel: le-er, dí-a. A plain i/u/ü glides into its neighbour: bac-te-ria, cui-da-do.
_SPANISH_VOWELS = frozenset("aeiouáéíóúü")
_SPANISH_STRONG = frozenset("aeoáéóíú")


def spanish(word: str) -> int:
    """Syllables in one Spanish word, by spelling rules."""
    word = word.lower()
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:
        return sum(spanish(part) for part in parts)
    if word == "y":
        return 1
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word)  # the silent u of que, guía
    word = re.sub(r"(?<=[aeiouáéíóú])y$", "", word)  # final y closes a diphthong: hoy, muy
    count = 0
    previous = ""
    for letter in word:
        if letter not in _SPANISH_VOWELS:
            previous = ""
            continue
        hiatus = previous in _SPANISH_STRONG and letter in _SPANISH_STRONG
        if not previous or hiatus:
            count += 1
        previous = letter
    return max(1, count)
