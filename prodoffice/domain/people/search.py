"""Search text for names as people type them: without accents, without case.

A coordinator types "jose" for José and "muller" for Müller; SQLite's LIKE folds ASCII case
only, so the folded text is stored and searched on every database alike.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # A few letters have no decomposition but are typed as their plain look-alikes.
    return bare.casefold().translate(_PLAIN)


_PLAIN = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"})


def search_words(query: str) -> list[str]:
    return fold(query).split()
