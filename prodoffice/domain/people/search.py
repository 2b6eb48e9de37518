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


_PLAIN = str.maketrans(
    {
        "\u00f8": "o",  # ø
        "\u0111": "d",  # đ
        "\u0142": "l",  # ł
        "\u0131": "i",  # dotless i of Turkish names
        "\u00e6": "ae",  # æ
        "\u0153": "oe",  # œ
        "\u00df": "ss",  # ß
    }
)


def search_words(query: str) -> list[str]:
    return fold(query).split()
