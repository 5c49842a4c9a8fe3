"""Vietnamese names: the order they sort in, and the folded form that search matches.

Sorting follows Vietnamese dictionaries and name lists: by the given name (the last word), then
the middle names, then the family name (the first word). Each word sorts by its letters in the
Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), and its tone decides only between words
with the same letters (no tone, huyền, hỏi, ngã, sắc, nặng): An, Án, Anh, Ánh, Ân, Bình. The key
is made of digits only, so every database collation orders it the same way.
"""

import unicodedata

from canbo.core.text import fold

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Marks that make a letter of its own (ă â ê ô ơ ư) and the tones, as combining characters.
LETTER_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
APOSTROPHES = "'’‘`ʼ"
_CODES = {letter: f"{n:02d}" for n, letter in enumerate(ALPHABET, start=1)}
WORD_END = "00"  # sorts before any letter: "An" before "Anh"


def _letters(word: str) -> list[tuple[str, int]]:
    """(letter of the alphabet, tone) for each letter of `word`; other characters are skipped."""
    result = []
    for char in unicodedata.normalize("NFC", word.lower()):
        base, *marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in LETTER_MARKS))
        if letter in _CODES:
            result.append((letter, next((TONES[m] for m in marks if m in TONES), 0)))
    return result


def name_order(full_name: str) -> list[str]:
    """Words in sorting order: given name, middle names, family name."""
    words = full_name.split()
    return words if len(words) < 2 else [words[-1], *words[1:-1], words[0]]


def name_sort_key(full_name: str) -> str:
    """Digits that sort a person's name the Vietnamese way (given name first)."""
    return text_sort_key(" ".join(name_order(full_name)))


def text_sort_key(text: str) -> str:
    """Digits that sort `text` word by word in Vietnamese letter order (unit names and the like):
    per word, two digits a letter, the end of the word, then one digit a letter for the tones."""
    key = []
    for word in text.split():
        letters = _letters(word)
        key.append("".join(_CODES[letter] for letter, _tone in letters) + WORD_END)
        key.append("".join(str(tone) for _letter, tone in letters))
    return "".join(key)


def search_fold(text: str) -> str:
    """The form search compares: without diacritics, đ → d, lower case, no apostrophes ("kgioi")."""
    return fold("".join(ch for ch in text if ch not in APOSTROPHES))
