from __future__ import annotations

from datetime import time

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.callsheets.calls import cast_call, crew_call, shooting_call


def test_the_crew_call_follows_day_and_night() -> None:
    assert crew_call([False, False]) == time(7)
    assert crew_call([True, True]) == time(18)
    assert crew_call([False, True]) == time(12)
    assert crew_call([]) == time(7)


def test_a_performer_is_picked_up_before_the_call_and_on_set_for_the_first_shot() -> None:
    general = time(7)
    times = cast_call(general, shooting_call(general))
    assert (times.pickup, times.call, times.makeup) == (time(6, 30), time(7), time(7))
    assert (times.wardrobe, times.on_set) == (time(7, 45), time(8))


@given(st.times())
def test_times_go_round_the_clock_without_error(general: time) -> None:
    times = cast_call(general, shooting_call(general))
    assert times.call == general.replace(microsecond=general.microsecond)
    assert times.pickup != times.call
