"""`prodoffice callsheet`: the day's call sheet as a PDF, made from the schedule when needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from prodoffice.callsheets.models import CallSheet
from prodoffice.demo.tests.fixtures import demo
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # built once, rolled back after each test (prodoffice/demo/tests/fixtures.py)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_it_makes_the_sheet_from_the_schedule_and_writes_the_pdf(
    demo: Production, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "day3.pdf"
    call_command("callsheet", production="demo", day=3, pdf=str(target))
    sheet = CallSheet.objects.get(day__number=3, schedule__is_current=True)
    assert sheet.created_by is not None and sheet.created_by.username == "coordinator"
    text = _text(target)
    assert "Day 3 of" in text and demo.title in text
    for scene in sheet.scenes.all():
        assert scene.number in text
    assert sheet.crew_call.strftime("%I:%M %p").lstrip("0") in text
    assert "made from the schedule" in capsys.readouterr().out


def test_it_prints_the_sheet_as_edited_when_one_exists(demo: Production, tmp_path: Path) -> None:
    call_command("callsheet", production="DEMO", day=2, pdf=str(tmp_path / "a.pdf"))
    CallSheet.objects.filter(day__number=2).update(weather="Gusts to 40 mph")
    call_command("callsheet", production="DEMO", day=2, pdf=str(tmp_path / "b.pdf"))
    assert CallSheet.objects.filter(day__number=2).count() == 1
    assert "Gusts to 40 mph" in _text(tmp_path / "b.pdf")


def test_it_explains_what_is_wrong(demo: Production, tmp_path: Path) -> None:
    target = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="No production 'NOPE'"):
        call_command("callsheet", production="NOPE", day=1, pdf=target)
    with pytest.raises(CommandError, match=r"has no Day 999; its shoot days are 1 to \d+"):
        call_command("callsheet", production="DEMO", day=999, pdf=target)
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("callsheet", production="DEMO", day=1, pdf=str(tmp_path / "no" / "x.pdf"))
    Schedule.objects.filter(production=demo).update(is_current=False)
    with pytest.raises(CommandError, match="DEMO has no current schedule"):
        call_command("callsheet", production="DEMO", day=1, pdf=target)
