"""No export runs a formula: a hostile title, name or set is text in every CSV and XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from prodoffice.core.spreadsheets import csv_text
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact
from prodoffice.productions.models import Production
from prodoffice.scheduling.services import create_schedule
from prodoffice.scripts.models import Scene
from prodoffice.scripts.services import import_script

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "salt_flats.fountain"
TITLE = '=HYPERLINK("http://evil.example","Salt Flats")'
NAME = "@SUM(1+1)*cmd|' /C calc'!A0"
SET = "-2+3+cmd|' /C calc'!A0"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _hostile_production(world: World) -> int:
    """The title, the lead's name and a set as an attacker would type them; the schedule's pk."""
    Production.objects.filter(pk=world.production.pk).update(title=TITLE)
    Contact.objects.filter(pk=world.cast_member.contact_id).update(first_name=NAME)
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="w.fountain", data=SCRIPT.read_bytes())
    Scene.objects.filter(revision=revision, set_name="GAS STATION").update(set_name=SET)
    schedule = create_schedule(
        access=access, revision=revision, name="First pass", start_date=world.production.shoot_start
    )
    return schedule.pk


def _get(world: World, name: str, *args: object) -> bytes:
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    response = client.get(reverse(name, args=[world.production.code, *args]))
    assert response.status_code == 200
    return response.content


def test_no_xlsx_or_csv_export_turns_a_hostile_title_name_or_set_into_a_formula(
    world: World,
) -> None:
    schedule = _hostile_production(world)
    books = {
        f"dood {of}": _get(world, "dood_export", schedule, of, "xlsx")
        for of in ("cast", "sets", "locations")
    }
    books["contact sheet"] = _get(world, "crew_export", "xlsx")
    texts: set[str] = set()
    for export, content in books.items():
        for row in load_workbook(io.BytesIO(content)).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (export, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    assert NAME in texts and SET in texts  # kept exactly as typed
    assert any(text.startswith(TITLE) for text in texts)

    rows = list(csv.reader(io.StringIO(_get(world, "crew_export", "csv").decode("utf-8-sig"))))
    fields = [field for row in rows for field in row]
    assert f"'{NAME}" in fields
    assert not [field for field in fields if field.startswith(FORMULA_STARTS)]


def test_genuine_numbers_stay_numbers_in_the_exports(world: World) -> None:
    schedule = _hostile_production(world)
    dood = load_workbook(io.BytesIO(_get(world, "dood_export", schedule, "sets", "xlsx"))).active
    gas = next(row for row in dood.iter_rows() if row[0].value == SET)
    assert [cell.data_type for cell in gas if isinstance(cell.value, int)]  # the day totals
    assert all(cell.data_type == "n" for cell in gas if isinstance(cell.value, int))
    sheet = load_workbook(io.BytesIO(_get(world, "crew_export", "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    lead = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == NAME)
    assert lead[header.index("Cast #")].value == 1


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("=1+1", "'=1+1"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),  # a phone number is no formula
        ("-0199", "-0199"),
        (-5, "-5"),  # a number is written as a number
    ],
)
def test_a_csv_field_that_would_be_a_formula_gets_an_apostrophe(value: object, field: str) -> None:
    assert csv_text(value) == field  # type: ignore[arg-type]
