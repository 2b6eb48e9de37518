"""The times most of the company shares, entered once: the meal and the wrap for everyone."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.reports.services.changes import note_change
from prodoffice.reports.timecards import (
    CAST_TIME_FIELDS,
    TIME_FIELDS,
    EntryTimes,
    entry_errors,
    local_zone,
    time_card,
)

Group = Literal["crew", "cast", "everyone"]
_MEALS = (("meal1_start", "meal1_end"), ("meal2_start", "meal2_end"))


@dataclass(frozen=True)
class SharedTimes:
    """The company's meals and wrap; None leaves that time as it is."""

    meal1_start: datetime | None = None
    meal1_end: datetime | None = None
    meal2_start: datetime | None = None
    meal2_end: datetime | None = None
    wrap: datetime | None = None


@dataclass(frozen=True)
class Filled:
    filled: list[str] = field(default_factory=list)
    # People left as they were, with why: their own times contradict the shared ones.
    skipped: list[tuple[str, str]] = field(default_factory=list)


@transaction.atomic
def fill_shared_times(
    *, access: ProductionAccess, report: DailyReport, shared: SharedTimes, group: Group
) -> Filled:
    """Give everyone in the group who was called the shared times they do not have yet.

    A time someone already has is never overwritten (it was entered for them); a meal is
    given only where both its ends are empty. Someone whose own times contradict the shared
    ones is left as they were and named, and everyone else is filled.
    """
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    _check(report, shared)
    entries = TimeEntry.objects.filter(report=report, call__isnull=False).select_related(
        "engagement__contact"
    )
    if group != "everyone":
        entries = entries.filter(engagement__cast_number__isnull=group == "crew")
    result = Filled()
    changed: list[TimeEntry] = []
    for entry in entries.order_by("engagement__cast_number", "pk"):
        times = _filled(entry, shared)
        if times is None:
            continue  # nothing to add: everything shared is there already
        name = entry.engagement.contact.name
        card = time_card(times, person=name, zone=local_zone(report))
        errors = entry_errors(times, card)
        if errors:
            result.skipped.append((name, next(iter(errors.values()))))
            continue
        before = history.snapshot(entry)
        for time_field in TIME_FIELDS:
            setattr(entry, time_field, getattr(times, time_field))
        changed.append(entry)
        history.record_change(access, entry, ChangeRecord.Action.CHANGED, before=before)
        result.filled.append(name)
    TimeEntry.objects.bulk_update(changed, list(TIME_FIELDS))
    if changed:
        note_change(report.pk)
    return result


def _check(report: DailyReport, shared: SharedTimes) -> None:
    """Shared times that contradict each other are refused before anyone is touched, each
    beside the field that was typed."""
    if not any(vars(shared).values()):
        raise RuleBroken("Enter a meal or a wrap to give everyone.")
    errors: dict[str, str] = {}
    for start, end in _MEALS:
        if (getattr(shared, start) is None) != (getattr(shared, end) is None):
            errors[end if getattr(shared, end) is None else start] = (
                "Enter both ends of the meal, or neither."
            )
    times = EntryTimes(**vars(shared))
    card = time_card(times, person="Everyone", zone=local_zone(report))
    errors |= entry_errors(times, card, lone_second_meal=True)
    if errors:
        raise FieldErrors(errors)


def _filled(entry: TimeEntry, shared: SharedTimes) -> EntryTimes | None:
    own = EntryTimes(**{name: getattr(entry, name) for name in (*TIME_FIELDS, *CAST_TIME_FIELDS)})
    changes: dict[str, datetime] = {}
    for start, end in _MEALS:
        wanted = getattr(shared, start), getattr(shared, end)
        if None not in wanted and getattr(own, start) is None and getattr(own, end) is None:
            changes[start], changes[end] = wanted
    if shared.wrap is not None and own.wrap is None:
        changes["wrap"] = shared.wrap
    return replace(own, **changes) if changes else None
