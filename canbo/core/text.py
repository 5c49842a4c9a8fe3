"""Text helpers for Vietnamese: search without diacritics."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case ASCII form of a Vietnamese text: 'Nguyễn Thị Đào' -> 'nguyen thi dao'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
