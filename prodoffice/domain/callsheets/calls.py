"""Call times a first call sheet starts from: the crew call from day and night, the cast's
pickup, make-up, wardrobe and on-set times from the crew call. All are the coordinator's to
change; these are only where a sheet begins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# A day of day scenes is called at 7 am, a night at 6 pm, a day with both at noon (the same
# estimate the stripboard's turnaround check uses).
DAY_CALL, NIGHT_CALL, SPLIT_CALL = time(7), time(18), time(12)
SHOOTING_AFTER = timedelta(hours=1)  # first shot an hour after the crew call
PICKUP_BEFORE = timedelta(minutes=30)  # the drive from the hotel
WARDROBE_AFTER = timedelta(minutes=45)  # make-up first, then wardrobe


def crew_call(nights: Iterable[bool]) -> time:
    """The general crew call for a day whose scenes are at night (True) or by day (False)."""
    flags = list(nights)
    if flags and all(flags):
        return NIGHT_CALL
    return SPLIT_CALL if any(flags) else DAY_CALL


def shooting_call(call: time) -> time:
    return _shift(call, SHOOTING_AFTER)


@dataclass(frozen=True)
class CastCall:
    pickup: time
    call: time
    makeup: time
    wardrobe: time
    on_set: time


def cast_call(general: time, shooting: time) -> CastCall:
    """A working performer's times: called with the crew, into make-up at once, then wardrobe,
    on set for the first shot; picked up half an hour before the call."""
    return CastCall(
        pickup=_shift(general, -PICKUP_BEFORE),
        call=general,
        makeup=general,
        wardrobe=_shift(general, WARDROBE_AFTER),
        on_set=shooting,
    )


def _shift(clock: time, by: timedelta) -> time:
    """`clock` moved by `by`, round the clock (a 30-minute pickup before 00:15 is 23:45)."""
    return (datetime.combine(date(2000, 1, 1), clock) + by).time()
