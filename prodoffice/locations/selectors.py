"""Reads of locations, scoped by the reader's access, and which of the script's sets each holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Q, QuerySet
from django.http import Http404

from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.locations.names import location_key
from prodoffice.domain.locations.sun import SunTimes, sun_times
from prodoffice.domain.scheduling.locations import default_location
from prodoffice.locations.models import Location
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import SetLocation, ShootDay
from prodoffice.scripts.models import Scene, ScriptRevision


def location_list(access: ProductionAccess, q: str = "") -> list[Location]:
    access.require(Capability.VIEW_LOCATIONS)
    rows: QuerySet[Location] = Location.objects.filter(production=access.production)
    for word in q.split():
        rows = rows.filter(
            Q(name__icontains=word) | Q(address__icontains=word) | Q(notes__icontains=word)
        )
    return list(rows)


def access_location(access: ProductionAccess, pk: int) -> Location:
    access.require(Capability.VIEW_LOCATIONS)
    location = Location.objects.filter(pk=pk, production=access.production).first()
    if location is None:
        raise Http404("No such location.")
    return location


def location_history(access: ProductionAccess, location: Location) -> list[ChangeRecord]:
    access.require(Capability.VIEW_HISTORY)
    records = ChangeRecord.objects.filter(
        production=access.production, record_type="location", record_id=str(location.pk)
    )
    return list(records.select_related("actor")[:200])


def set_location_names(production: Production, set_names: Iterable[str]) -> dict[str, str]:
    """The location name each set is shot at: the office's answer on the schedule's rules page,
    or else the place its heading names (DINER - KITCHEN is at the DINER). One query."""
    chosen = dict(
        SetLocation.objects.filter(production=production).values_list("set_name", "location")
    )
    folded = {name.casefold(): location for name, location in chosen.items()}
    return {
        name: chosen.get(name) or folded.get(name.casefold()) or default_location(name)
        for name in set_names
    }


def locations_for_sets(
    production: Production, set_names: Iterable[str]
) -> dict[str, Location | None]:
    """The Location record each set is shot at, None where none has that name yet: two queries.

    Names are matched without case, accents or extra spaces, so the script's BLUE MESA DINER
    is the Blue Mesa Diner the office entered.
    """
    names = set_location_names(production, set_names)
    by_key = {loc.name_key: loc for loc in Location.objects.filter(production=production)}
    return {set_name: by_key.get(location_key(name)) for set_name, name in names.items()}


def script_sets(production: Production) -> list[str]:
    """The sets of the production's scripts, as their latest drafts have them: two queries."""
    latest: dict[int, int] = {}
    revisions = ScriptRevision.objects.filter(script__production=production).order_by(
        "script_id", "-sequence"
    )
    for pk, script_id in revisions.values_list("pk", "script_id"):
        latest.setdefault(script_id, pk)
    if not latest:
        return []
    names = (
        Scene.objects.filter(revision__in=latest.values())
        .exclude(set_name="")
        .values_list("set_name", flat=True)
        .distinct()
    )
    return sorted(set(names))


@dataclass(frozen=True)
class UnmatchedPlace:
    """A location name the script's sets are shot at that has no Location record yet."""

    name: str
    sets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScriptPlaces:
    sets_at: dict[int, list[str]]  # location pk -> the script's sets shot there
    unmatched: list[UnmatchedPlace]


def script_places(access: ProductionAccess) -> ScriptPlaces:
    """The script's sets by Location, and the places with no Location yet: four queries."""
    access.require(Capability.VIEW_LOCATIONS)
    sets = script_sets(access.production)
    names = set_location_names(access.production, sets)
    by_key = {loc.name_key: loc for loc in Location.objects.filter(production=access.production)}
    sets_at: dict[int, list[str]] = {}
    missing: dict[str, UnmatchedPlace] = {}
    for set_name in sets:
        key = location_key(names[set_name])
        location = by_key.get(key)
        if location is not None:
            sets_at.setdefault(location.pk, []).append(set_name)
        else:
            missing.setdefault(key, UnmatchedPlace(names[set_name])).sets.append(set_name)
    return ScriptPlaces(sets_at=sets_at, unmatched=sorted(missing.values(), key=lambda p: p.name))


def production_zone(production: Production) -> ZoneInfo:
    try:
        return ZoneInfo(production.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class LocationLight:
    """Sunrise and sunset at a location on the day that matters: None without coordinates."""

    on: date
    why: str  # which day this is, in words
    sun: SunTimes | None
    zone: str  # the production's time zone, the one the times are told in


def location_light(
    access: ProductionAccess, location: Location, sets: list[str], *, now: datetime | None = None
) -> LocationLight:
    """The light on the next shoot day at this location, else the production's next shoot day,
    else today; all on the production's current schedule, in the production's time zone."""
    access.require(Capability.VIEW_LOCATIONS)
    zone = production_zone(access.production)
    today = (now or datetime.now(tz=zone)).astimezone(zone).date()
    days = ShootDay.objects.filter(
        schedule__production=access.production,
        schedule__is_current=True,
        number__isnull=False,
        date__gte=today,
    ).order_by("date")
    day = days.filter(strips__scene__set_name__in=sets).first() if sets else None
    why = f"Day {day.number}, the next shoot day here" if day else ""
    if day is None:
        day = days.first()
        why = f"Day {day.number}, the next shoot day" if day else "today"
    on = day.date if day else today
    if not location.has_coordinates:
        return LocationLight(on=on, why=why, sun=None, zone=zone.key)
    sun = sun_times(location.latitude, location.longitude, on, zone)
    return LocationLight(on=on, why=why, sun=sun, zone=zone.key)
