"""Sunrise and sunset at a location, computed offline (astral), for the call sheet.

Exterior day work is planned around the light: the call sheet gives sunrise and sunset at the
day's location, and the first shot is often set by it. Nothing here reaches the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from astral import Observer
from astral import sun as astral_sun

# The sun's centre is this far below the horizon at sunrise and sunset (refraction plus its
# radius); a noon elevation under it means the sun does not rise at all that day.
_HORIZON = -0.833

Coordinate = float | Decimal


@dataclass(frozen=True)
class SunTimes:
    """The day's light at one place: times in the time zone asked for, None where there is none."""

    on: date
    sunrise: datetime | None
    sunset: datetime | None
    dawn: datetime | None  # civil twilight begins: the sun 6 degrees below the horizon
    dusk: datetime | None  # civil twilight ends
    midnight_sun: bool = False  # the sun does not set at all this day
    polar_night: bool = False  # the sun does not rise at all this day

    @property
    def summary(self) -> str:
        if self.midnight_sun:
            return "The sun does not set this day (midnight sun)."
        if self.polar_night:
            return "The sun does not rise this day (polar night)."
        rise = _clock(self.sunrise) if self.sunrise else "none this day"
        set_ = _clock(self.sunset) if self.sunset else "none this day"
        return f"Sunrise {rise}, sunset {set_}."


def _clock(moment: datetime) -> str:
    return moment.strftime("%I:%M %p").lstrip("0")


def _valid(latitude: Coordinate, longitude: Coordinate) -> tuple[float, float]:
    lat, lon = float(latitude), float(longitude)
    if not -90 <= lat <= 90:
        raise ValueError(f"Latitude {lat} is outside -90..90.")
    if not -180 <= lon <= 180:
        raise ValueError(f"Longitude {lon} is outside -180..180.")
    return lat, lon


_EVENTS: dict[str, Callable[..., datetime]] = {
    "sunrise": astral_sun.sunrise,
    "sunset": astral_sun.sunset,
    "dawn": astral_sun.dawn,
    "dusk": astral_sun.dusk,
}


def _event(kind: str, observer: Observer, on: date, tz: tzinfo) -> datetime | None:
    """One of astral's events on the local date, or None where the sun does not get there.

    astral raises ValueError both for a sun that never crosses the line (polar day or night)
    and for a crossing that falls on the neighbouring local date; either way there is none.
    """
    function = _EVENTS[kind]
    try:
        moment: datetime = function(observer, on, tzinfo=tz)
    except ValueError:
        return None
    return moment


def _following(kind: str, observer: Observer, after: datetime, tz: ZoneInfo) -> datetime | None:
    """The first `kind` event within a day after `after`, or None (the sun stays up or down).

    Looked for on UTC dates, where astral's days line up with the clock, around `after`.
    """
    start = after.astimezone(UTC).date()
    found = (_event(kind, observer, start + timedelta(days=shift), UTC) for shift in (-1, 0, 1, 2))
    later = [moment for moment in found if moment is not None and moment > after]
    first = min(later, default=None)
    if first is None or first - after >= timedelta(days=1):
        return None
    return first.astimezone(tz)


def sun_times(
    latitude: Coordinate | None,
    longitude: Coordinate | None,
    on: date,
    tz: ZoneInfo,
) -> SunTimes | None:
    """Sunrise, sunset and civil twilight on `on` at a place; None without coordinates.

    >>> from zoneinfo import ZoneInfo
    >>> sun_times(None, None, date(2027, 3, 1), ZoneInfo("UTC")) is None
    True
    """
    if latitude is None or longitude is None:
        return None
    lat, lon = _valid(latitude, longitude)
    # astral divides by cos(latitude); at exactly +-90 the sun's height is the same all day.
    observer = Observer(latitude=max(-89.999, min(89.999, lat)), longitude=lon)
    sunrise = _event("sunrise", observer, on, tz)
    sunset = _event("sunset", observer, on, tz)
    if sunrise and sunset and sunset <= sunrise:
        # A time zone far from the place's own (a production in Los Angeles scouting in Asia)
        # puts the end of one solar day and the start of the next on one local date: give the
        # sunset that follows this sunrise, so the pair reads as one day of light.
        sunset = _following("sunset", observer, sunrise, tz)
    dawn = _event("dawn", observer, on, tz)
    dusk = _event("dusk", observer, on, tz)
    if dawn and dusk and dusk <= dawn:
        dusk = _following("dusk", observer, dawn, tz)
    midnight_sun = polar_night = False
    if sunrise is None and sunset is None:
        noon = astral_sun.noon(observer, on, tzinfo=tz)
        high = astral_sun.elevation(observer, noon)
        midnight_sun = high > _HORIZON
        polar_night = not midnight_sun
    return SunTimes(
        on=on,
        sunrise=sunrise,
        sunset=sunset,
        dawn=dawn,
        dusk=dusk,
        midnight_sun=midnight_sun,
        polar_night=polar_night,
    )


def map_link(latitude: Coordinate, longitude: Coordinate) -> str:
    """An OpenStreetMap page centred on the point, for the reader to open; the app fetches nothing.

    >>> map_link(40.76, -113.89)
    'https://www.openstreetmap.org/?mlat=40.76&mlon=-113.89#map=15/40.76/-113.89'
    """
    lat, lon = _valid(latitude, longitude)
    # Six decimals is about 10 cm; trailing zeros are dropped so links stay short.
    lat_text, lon_text = (f"{value:.6f}".rstrip("0").rstrip(".") for value in (lat, lon))
    return (
        f"https://www.openstreetmap.org/?mlat={lat_text}&mlon={lon_text}"
        f"#map=15/{lat_text}/{lon_text}"
    )
