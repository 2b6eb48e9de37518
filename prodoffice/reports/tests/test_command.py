"""`prodoffice dpr`: a shoot day's production report as PDF, started from its call sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.callsheets.tests.test_generate import demo
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Production
from prodoffice.reports.models import DailyReport
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db
__all__ = ["demo"]


def _make_sheet(number: int) -> None:
    access = access_production(get_user_model().objects.get(username="coordinator"), "DEMO")
    schedule = Schedule.objects.get(production__code="DEMO", is_current=True)
    generate_call_sheet(access=access, day=schedule.days.get(kind="shoot", number=number))


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_it_starts_the_report_from_the_call_sheet_and_writes_the_pdf(
    demo: Production, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_sheet(2)
    target = tmp_path / "dpr.pdf"
    call_command("dpr", production="demo", day=2, pdf=str(target))
    report = DailyReport.objects.get(day__number=2)
    assert report.created_by is not None and report.created_by.username == "coordinator"
    text = _text(target)
    assert "Daily production report" in text and "Day 2 of" in text and demo.title in text
    for scene in report.scenes.all():
        assert scene.number in text
    assert "Missing" in text  # nobody's out-time is known yet
    assert "started from the call sheet" in capsys.readouterr().out
    call_command("dpr", production="DEMO", day=2, pdf=str(target))
    assert DailyReport.objects.count() == 1  # the second time prints the same report


def test_it_explains_what_is_wrong(demo: Production, tmp_path: Path) -> None:
    target = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="No production 'NOPE'"):
        call_command("dpr", production="NOPE", day=1, pdf=target)
    with pytest.raises(CommandError, match=r"has no Day 999; its shoot days are 1 to \d+"):
        call_command("dpr", production="DEMO", day=999, pdf=target)
    with pytest.raises(CommandError, match="Day 1 of DEMO has no call sheet"):
        call_command("dpr", production="DEMO", day=1, pdf=target)
    assert not DailyReport.objects.exists() and not Path(target).exists()
    _make_sheet(1)
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("dpr", production="DEMO", day=1, pdf=str(tmp_path / "no" / "x.pdf"))
