"""Background on the DPR: each group's count and its call, meal and wrap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import BackgroundGroup, DailyReport
from prodoffice.reports.services.changes import note_change
from prodoffice.reports.timecards import EntryTimes, local_zone, time_card, time_errors

# The time card's names for the group's fields, so its checks land beside the right field.
_FIELD = {"call": "call", "meal1_start": "meal_start", "meal1_end": "meal_end", "wrap": "wrap"}


@dataclass(frozen=True)
class BackgroundDetails:
    description: str
    count: int
    call: datetime | None = None
    meal_start: datetime | None = None
    meal_end: datetime | None = None
    wrap: datetime | None = None
    remarks: str = ""


def _errors(report: DailyReport, details: BackgroundDetails) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not details.description.strip():
        errors["description"] = "Say who they are: diner patrons, stand-ins, ..."
    if details.count < 1:
        errors["count"] = "A group has at least one person."
    times = EntryTimes(
        call=details.call,
        meal1_start=details.meal_start,
        meal1_end=details.meal_end,
        wrap=details.wrap,
    )
    card = time_card(times, person=details.description, zone=local_zone(report))
    for name, problem in time_errors(card).items():
        errors.setdefault(_FIELD.get(name, "wrap"), problem)
    return errors


@transaction.atomic
def save_background(
    *,
    access: ProductionAccess,
    report: DailyReport,
    details: BackgroundDetails,
    group: BackgroundGroup | None = None,
) -> BackgroundGroup:
    """Add a background group to the report, or change one; contradictory times save nothing."""
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    if group is not None and group.report_id != report.pk:
        raise RuleBroken("That background group is not on this report.")
    errors = _errors(report, details)
    if errors:
        raise FieldErrors(errors)
    before = history.snapshot(group) if group is not None else None
    if group is None:
        group = BackgroundGroup(report=report)
    for name, value in vars(details).items():
        setattr(group, name, value.strip() if isinstance(value, str) else value)
    group.save()
    action = ChangeRecord.Action.CREATED if before is None else ChangeRecord.Action.CHANGED
    history.record_change(access, group, action, before=before)
    note_change(report.pk)
    return group


@transaction.atomic
def remove_background(*, access: ProductionAccess, group: BackgroundGroup) -> None:
    access.require(Capability.EDIT_REPORTS)
    if group.report.production_id != access.production.pk:
        raise RuleBroken("That background group is not on this production.")
    history.record_change(access, group, ChangeRecord.Action.DELETED)
    group.delete()
    note_change(group.report_id)
