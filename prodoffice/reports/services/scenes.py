"""What became of each scene on the day: shot, partial, not shot, moved on, added, retaken."""

from __future__ import annotations

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import DailyReport, ReportScene
from prodoffice.reports.services.changes import note_change
from prodoffice.scheduling.models import ShootDay, Strip
from prodoffice.scheduling.services import move_strip
from prodoffice.scripts.models import Scene


@transaction.atomic
def set_scene_result(
    *,
    access: ProductionAccess,
    report_scene: ReportScene,
    result: str,
    eighths_shot: int | None = None,
    setups: int = 0,
    note: str = "",
    to_boneyard: bool = False,
    to_day: ShootDay | None = None,
    retake: bool | None = None,
) -> ReportScene:
    """Record what was shot of a scene; one not finished goes to the boneyard or a later day.

    A complete scene is all its eighths unless told otherwise; a scene not shot has none.
    """
    access.require(Capability.EDIT_REPORTS)
    report = report_scene.report
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    errors: dict[str, str] = {}
    if result not in ReportScene.Result.values:
        errors["result"] = "Choose complete, partial or not shot."
    # A complete scene is credited with all its pages, whatever the form still holds from an
    # earlier partial (the page's form always sends the eighths field).
    complete = result == ReportScene.Result.COMPLETE
    shot = report_scene.eighths if complete else eighths_shot or 0
    if result == ReportScene.Result.NOT_SHOT and shot:
        errors["eighths_shot"] = "A scene not shot has no eighths shot; call it partial."
    if result == ReportScene.Result.PARTIAL and shot <= 0:
        errors["eighths_shot"] = "Enter how many eighths of the scene were shot."
    if shot < 0:
        errors["eighths_shot"] = "Eighths shot cannot be negative."
    if setups < 0:
        errors["setups"] = "Setups cannot be negative."
    strip = None
    if to_boneyard or to_day is not None:
        strip, problem = _strip_to_move(report, report_scene, complete, to_day)
        if problem:
            errors["move_to"] = problem
    if errors:
        raise FieldErrors(errors)
    before = history.snapshot(report_scene)
    report_scene.result = result
    report_scene.eighths_shot = shot
    report_scene.setups = setups
    report_scene.note = note.strip()
    if retake is not None:
        report_scene.retake = retake
    report_scene.save()
    history.record_change(access, report_scene, ChangeRecord.Action.CHANGED, before=before)
    note_change(report.pk)
    if strip is not None:
        # At the end of the later day: the 1st AD re-orders the day when it is planned.
        move_strip(
            access=access,
            strip=strip,
            day=to_day,
            position=10**6,
            version=strip.schedule.version,
        )
    return report_scene


def _strip_to_move(
    report: DailyReport, report_scene: ReportScene, complete: bool, to_day: ShootDay | None
) -> tuple[Strip | None, str]:
    """The scene's strip, to go to the boneyard or `to_day`, or why it cannot."""
    if complete:
        return None, "A complete scene stays where it was shot."
    schedule = report.call_sheet.schedule
    if to_day is not None and (
        to_day.schedule_id != schedule.pk
        or to_day.kind != DayKind.SHOOT
        or to_day.date <= report.day.date
    ):
        return None, "Choose a later shoot day of this schedule."
    strip = (
        Strip.objects.select_related("schedule")
        .filter(schedule=schedule, scene_id=report_scene.scene_id)
        .first()
    )
    if strip is None or report_scene.scene_id is None:
        return None, "That scene is no longer on the stripboard."
    return strip, ""


@transaction.atomic
def add_scene(*, access: ProductionAccess, report: DailyReport, number: str) -> ReportScene:
    """A scene shot on the day that the call sheet did not schedule, found by its number.

    A scene already completed on an earlier day is a retake: its pages are not counted twice.
    A scene still planned for another day moves to this day on the stripboard, where it was
    shot, so the later day no longer carries it.
    """
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    schedule = report.call_sheet.schedule
    wanted = number.strip().upper()
    scene = Scene.objects.filter(revision_id=schedule.revision_id, number__iexact=wanted).first()
    if not wanted or scene is None:
        raise RuleBroken(
            f"There is no scene {number.strip() or '(blank)'} in the script this schedule "
            "is built on.",
            field="number",
        )
    if report.scenes.filter(scene=scene).exists():
        raise RuleBroken(f"Scene {scene.number} is already on this report.", field="number")
    retake = ReportScene.objects.filter(
        report__call_sheet__schedule=schedule,
        report__day__date__lt=report.day.date,
        scene=scene,
        result=ReportScene.Result.COMPLETE,
    ).exists()
    last = report.scenes.order_by("-order").values_list("order", flat=True).first()
    added = ReportScene.objects.create(
        report=report,
        scene=scene,
        order=(last or 0) + 1,
        number=scene.number,
        set_name=scene.set_name,
        eighths=scene.eighths,
        added=True,
        retake=retake,
    )
    history.record_change(access, added, ChangeRecord.Action.CREATED)
    note_change(report.pk)
    strip = Strip.objects.select_related("schedule").filter(schedule=schedule, scene=scene).first()
    if not retake and strip is not None and strip.day_id != report.day_id:
        move_strip(
            access=access,
            strip=strip,
            day=report.day,
            position=10**6,
            version=strip.schedule.version,
        )
    return added
