from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.people.search import fold, search_words


def test_accents_and_case_do_not_matter() -> None:
    assert fold("José Müller-Ørsted") == "jose muller-orsted"
    assert fold("ÉLODIE") == fold("élodie") == "elodie"
    assert fold("Łukasz Straße") == "lukasz strasse"


def test_a_query_is_split_into_folded_words() -> None:
    assert search_words("  Key   GRIP ") == ["key", "grip"]


@given(st.text(max_size=50))
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
