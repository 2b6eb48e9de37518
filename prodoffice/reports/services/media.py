"""Media on the DPR: the cards, drives or rolls each camera and recorder used."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import DailyReport, MediaUsed
from prodoffice.reports.services.changes import note_change


@dataclass(frozen=True)
class MediaDetails:
    device: str  # "A camera", "Sound"
    count: int  # cards or rolls
    gigabytes: Decimal | None = None
    note: str = ""


@transaction.atomic
def save_media(
    *,
    access: ProductionAccess,
    report: DailyReport,
    details: MediaDetails,
) -> MediaUsed:
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    errors: dict[str, str] = {}
    if not details.device.strip():
        errors["device"] = "Name the camera or recorder: A camera, B camera, Sound, ..."
    if details.count < 1:
        errors["count"] = "Enter how many cards or rolls were used."
    if details.gigabytes is not None and details.gigabytes < 0:
        errors["gigabytes"] = "Gigabytes cannot be negative."
    if errors:
        raise FieldErrors(errors)
    media = MediaUsed(report=report)
    for name, value in vars(details).items():
        setattr(media, name, value.strip() if isinstance(value, str) else value)
    media.save()
    history.record_change(access, media, ChangeRecord.Action.CREATED)
    note_change(report.pk)
    return media


@transaction.atomic
def remove_media(*, access: ProductionAccess, media: MediaUsed) -> None:
    access.require(Capability.EDIT_REPORTS)
    if media.report.production_id != access.production.pk:
        raise RuleBroken("That media line is not on this production.")
    history.record_change(access, media, ChangeRecord.Action.DELETED)
    media.delete()
    note_change(media.report_id)
