"""The progress page moves when a day's report records what was shot."""

from __future__ import annotations

import pytest

from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.productions.models import Production
from prodoffice.reports.progress import production_progress
from prodoffice.reports.services import set_scene_result, start_report
from prodoffice.reports.tests.test_reports import _access, _client, _sheet

pytestmark = pytest.mark.django_db


def test_a_reported_day_moves_the_progress_and_the_chart(demo: Production) -> None:  # noqa: F811
    before = production_progress(_access())[1]
    assert before is not None and before.days_reported == 0
    report = start_report(access=_access(), call_sheet=_sheet())
    scenes = list(report.scenes.order_by("order"))
    for scene in scenes:
        set_scene_result(access=_access(), report_scene=scene, result="complete")
    after = production_progress(_access())[1]
    assert after is not None
    shot = sum(s.eighths for s in scenes)
    assert (after.days_reported, after.shot_to_date) == (1, shot)
    planned = {p.number: p.planned for p in after.points}
    number = report.day.number or 0
    assert after.planned_to_date == planned[number] - planned.get(number - 1, 0)
    page = _client().get(f"/p/{demo.code}/progress/").content.decode()
    assert f"1 of {after.days_scheduled}" in page and "<svg" in page
    assert "on schedule" in page or "ahead" in page or "behind" in page
    denied = _client("actor").get(f"/p/{demo.code}/progress/")
    assert denied.status_code == 403
