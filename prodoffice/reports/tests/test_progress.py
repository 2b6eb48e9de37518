"""The progress page moves when a day's report records what was shot."""

from __future__ import annotations

import pytest

from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.productions.models import Production
from prodoffice.reports.progress import production_progress
from prodoffice.reports.services import set_scene_result, start_report
from prodoffice.reports.tests.support import client_for, office_access, sheet_with_cast

pytestmark = pytest.mark.django_db


def test_a_reported_day_moves_the_progress_and_the_chart(demo: Production) -> None:  # noqa: F811
    before = production_progress(office_access())[1]
    assert before is not None and before.days_reported == 0
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    scenes = list(report.scenes.order_by("order"))
    for scene in scenes:
        set_scene_result(access=office_access(), report_scene=scene, result="complete")
    after = production_progress(office_access())[1]
    assert after is not None
    shot = sum(s.eighths for s in scenes)
    assert (after.days_reported, after.shot_to_date) == (1, shot)
    planned = {p.number: p.planned for p in after.points}
    number = report.day.number or 0
    assert after.planned_to_date == planned[number] - planned.get(number - 1, 0)
    page = client_for().get(f"/p/{demo.code}/progress/").content.decode()
    assert f"1 of {after.days_scheduled}" in page and "<svg" in page
    assert "on schedule" in page or "ahead" in page or "behind" in page
    denied = client_for("actor").get(f"/p/{demo.code}/progress/")
    assert denied.status_code == 403
