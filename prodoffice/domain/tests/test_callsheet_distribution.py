from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.callsheets.distribution import (
    PersonalCall,
    fingerprint,
    first_line,
    subject,
    text_message,
)

JUNE = PersonalCall(
    production="Salt Flats",
    day_number=3,
    on=date(2026, 12, 9),
    call=time(6, 30),
    pickup=time(6),
    pickup_place="Palomino Motor Lodge",
    scenes=("5", "6"),
)


def test_the_call_time_is_in_the_subject_and_the_first_line() -> None:
    assert subject(JUNE) == "Call sheet Salt Flats · Day 3, Wed Dec 9 · your call 06:30"
    assert first_line(JUNE) == "Your call: 06:30 (pickup 06:00 at Palomino Motor Lodge)."
    revised = PersonalCall(**{**JUNE.__dict__, "revised": True})
    assert subject(revised).startswith("REVISED Call sheet")


def test_someone_on_hold_is_told_so() -> None:
    held = PersonalCall(production="Salt Flats", day_number=3, on=date(2026, 12, 9), call=None)
    assert subject(held).endswith("no call (on hold)")
    assert first_line(held) == "You have no call on this day: you are on hold."


def test_the_text_message_is_short_and_carries_the_link() -> None:
    text = text_message(JUNE, "https://po.example/me/abc/")
    assert text == (
        "Salt Flats Day 3 Wed Dec 9, call 06:30, pickup 06:00 Palomino Motor Lodge, sc 5 6. "
        "Call sheet: https://po.example/me/abc/"
    )


@given(st.dictionaries(st.text(), st.text()), st.dictionaries(st.text(), st.text()))
def test_a_fingerprint_changes_only_when_what_is_said_changes(
    shared: dict[str, str], personal: dict[str, str]
) -> None:
    assert fingerprint(shared, personal) == fingerprint(dict(shared), dict(personal))
    changed = {**personal, "call": str(personal.get("call", "")) + "x"}
    assert fingerprint(shared, changed) != fingerprint(shared, personal)
