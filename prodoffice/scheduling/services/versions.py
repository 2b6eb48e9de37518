"""Schedule versions: publishing one, and which one is current."""

from __future__ import annotations

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import Schedule


def _own(access: ProductionAccess, schedule: Schedule) -> None:
    access.require(Capability.EDIT_SCHEDULE)
    if schedule.production_id != access.production.pk:
        raise RuleBroken("That schedule is not on this production.")


@transaction.atomic
def make_current(*, access: ProductionAccess, schedule: Schedule) -> Schedule:
    """The version call sheets and reports are built from; exactly one per production."""
    _own(access, schedule)
    before = history.snapshot(schedule)
    Schedule.objects.filter(production=access.production).exclude(pk=schedule.pk).update(
        is_current=False
    )
    schedule.is_current = True
    schedule.save(update_fields=["is_current"])
    history.record_change(access, schedule, ChangeRecord.Action.CHANGED, before=before)
    return schedule


@transaction.atomic
def publish(*, access: ProductionAccess, schedule: Schedule) -> Schedule:
    """Mark a version published (shared with the company) and make it the current one."""
    _own(access, schedule)
    before = history.snapshot(schedule)
    schedule.status = Schedule.Status.PUBLISHED
    schedule.save(update_fields=["status"])
    history.record_change(access, schedule, ChangeRecord.Action.CHANGED, before=before)
    return make_current(access=access, schedule=schedule)
