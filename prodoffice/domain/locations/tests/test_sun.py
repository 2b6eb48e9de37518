from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prodoffice.domain.locations.sun import map_link, sun_times

LA = ZoneInfo("America/Los_Angeles")
ZONES = st.sampled_from(
    [
        "UTC",
        "America/Los_Angeles",
        "America/Denver",
        "Pacific/Auckland",
        "Asia/Tokyo",
        "Europe/Oslo",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
    ]
).map(ZoneInfo)
LATITUDES = st.floats(min_value=-90, max_value=90, allow_nan=False)
LONGITUDES = st.floats(min_value=-180, max_value=180, allow_nan=False)
DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


def _near(moment: datetime | None, hour: int, minute: int, *, within: int = 2) -> bool:
    assert moment is not None
    wanted = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return abs(moment - wanted) <= timedelta(minutes=within)


def test_it_gives_los_angeles_the_published_solstice_times() -> None:
    # Griffith Observatory (John Mosley), Los Angeles Times, 22 June 1995: on the summer
    # solstice the sun rose at 5:42 a.m. and set at 8:08 p.m. in Los Angeles (PDT).
    times = sun_times(34.0522, -118.2437, date(1995, 6, 21), LA)
    assert times is not None
    assert _near(times.sunrise, 5, 42)
    assert _near(times.sunset, 20, 8)
    assert times.dawn is not None and times.dawn < times.sunrise  # type: ignore[operator]
    assert times.summary.startswith("Sunrise 5:4")


def test_it_says_nothing_without_coordinates() -> None:
    assert sun_times(None, -113.89, date(2027, 3, 1), LA) is None
    assert sun_times(40.76, None, date(2027, 3, 1), LA) is None


def test_it_takes_decimals_as_the_database_stores_them() -> None:
    times = sun_times(Decimal("40.760000"), Decimal("-113.890000"), date(2027, 3, 1), LA)
    assert times is not None and times.sunrise is not None and times.sunset is not None


def test_it_says_so_when_the_sun_does_not_set_or_does_not_rise() -> None:
    svalbard = ZoneInfo("Europe/Oslo")
    summer = sun_times(78.22, 15.65, date(2027, 6, 21), svalbard)
    winter = sun_times(78.22, 15.65, date(2027, 12, 21), svalbard)
    assert summer is not None and summer.midnight_sun and summer.sunrise is None
    assert "does not set" in summer.summary
    assert winter is not None and winter.polar_night and winter.sunset is None
    assert "does not rise" in winter.summary


def test_it_refuses_coordinates_off_the_globe() -> None:
    with pytest.raises(ValueError, match="Latitude"):
        sun_times(91, 0, date(2027, 3, 1), LA)
    with pytest.raises(ValueError, match="Longitude"):
        map_link(0, 180.5)


def test_the_map_link_points_at_the_place() -> None:
    assert map_link(Decimal("40.760000"), Decimal("-113.890000")) == (
        "https://www.openstreetmap.org/?mlat=40.76&mlon=-113.89#map=15/40.76/-113.89"
    )
    assert map_link(0, 0).startswith("https://www.openstreetmap.org/?mlat=0&mlon=0")


def test_far_north_in_a_far_off_time_zone_the_sunset_is_the_one_after_that_sunrise() -> None:
    # Found by hypothesis: at 83 N, 81 E, read in Pago Pago time (UTC-11), the local date
    # holds the end of one day of light and the start of the next. The sunset given must be
    # the one that follows the sunrise, hours later, not one a day and more after it.
    times = sun_times(83.0, 81.0, date(2000, 9, 30), ZoneInfo("Pacific/Pago_Pago"))
    assert times is not None and times.sunrise is not None and times.sunset is not None
    assert timedelta(0) < times.sunset - times.sunrise < timedelta(hours=24)


@settings(max_examples=300, deadline=None)
@given(LATITUDES, LONGITUDES, DATES, ZONES)
def test_any_place_and_day_gives_an_answer_without_raising(
    latitude: float, longitude: float, on: date, tz: ZoneInfo
) -> None:
    times = sun_times(latitude, longitude, on, tz)
    assert times is not None
    if times.sunrise and times.sunset:
        assert times.sunrise < times.sunset
        assert times.sunset - times.sunrise < timedelta(hours=24)
    if times.dawn and times.dusk:
        assert times.dawn < times.dusk
    assert not (times.midnight_sun and times.polar_night)
    if times.midnight_sun or times.polar_night:
        assert times.sunrise is None and times.sunset is None
    assert times.summary


@given(LATITUDES, LONGITUDES)
def test_any_valid_point_has_a_map_link(latitude: float, longitude: float) -> None:
    assert map_link(latitude, longitude).startswith("https://www.openstreetmap.org/?mlat=")
