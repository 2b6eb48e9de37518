from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.imports import import_crew
from prodoffice.people.models import Engagement
from prodoffice.people.services import (
    ContactDetails,
    EngagementDetails,
    hire_person,
    remove_person,
)


def export(world: World, role: Role | str, fmt: str, **params: str) -> HttpResponse:
    client = Client()
    client.force_login(world.user(role))
    return client.get(reverse("crew_export", args=[world.production.code, fmt]), params)


def csv_rows(response: HttpResponse) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response: HttpResponse) -> list[dict[str, object]]:
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def pdf_text(response: HttpResponse) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def hire(world: World, first: str, department: str, **details: object) -> Engagement:
    contact = {k: v for k, v in details.items() if k in ContactDetails.__dataclass_fields__}
    rest = {k: v for k, v in details.items() if k not in contact}
    return hire_person(
        access=world.access(Role.PRODUCER),
        contact=ContactDetails(first_name=first, last_name="Tester", **contact),  # type: ignore[arg-type]
        engagement=EngagementDetails(
            department_id=world.department(department).pk,
            **{"position": "Assistant", **rest},  # type: ignore[arg-type]
        ),
    )


def test_the_csv_is_the_crew_list_in_call_sheet_order_without_rates_for_the_coordinator(
    world: World,
) -> None:
    rows = csv_rows(export(world, Role.COORDINATOR, "csv"))
    assert [(r["First Name"], r["Department"]) for r in rows] == [("Ava", "Cast"), ("Gus", "Grip")]
    ava, gus = rows
    assert (ava["Cast #"], ava["Character"], ava["Phone"]) == ("1", "MAYA", "(310) 555-0199")
    assert (gus["Position"], gus["E-mail"], gus["Status"]) == (
        "Key Grip",
        "gus@example.com",
        "Confirmed",
    )
    assert (gus["Union"], gus["Union/Local"]) == ("yes", "IATSE Local 80")
    assert "Rate" not in gus


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.PRODUCER])
def test_the_xlsx_shows_rates_to_the_accountant_and_producer(world: World, role: Role) -> None:
    response = export(world, role, "xlsx")
    ava, gus = xlsx_rows(response)
    assert (gus["Rate"], gus["Unit"]) == (650, "per day")
    assert ava["Rate"] == 1250
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "First Name"  # the header in row 1, so it imports again
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["H"].width > 10


def test_the_xlsx_has_no_rate_columns_for_the_coordinator(world: World) -> None:
    _, gus = xlsx_rows(export(world, Role.COORDINATOR, "xlsx"))
    assert "Rate" not in gus
    assert 650 not in gus.values()


def test_the_pdf_lists_people_by_department_with_rates_for_the_producer(world: World) -> None:
    text = pdf_text(export(world, Role.PRODUCER, "pdf"))
    assert "Night Owl" in text
    assert "Contact sheet" in text
    assert "Page 1 of 1" in text
    assert text.index("CAST") < text.index("Ava Lead") < text.index("GRIP") < text.index("Gus Grip")
    assert "Key Grip" in text
    assert "650.00 per day" in text
    assert "1,250.00 per day" in text


def test_the_pdf_has_no_rates_for_the_coordinator(world: World) -> None:
    text = pdf_text(export(world, Role.COORDINATOR, "pdf"))
    assert "Gus Grip" in text
    assert "650" not in text
    assert "Rate" not in text


def test_the_pdf_runs_to_more_pages_with_their_numbers(world: World) -> None:
    for n in range(80):
        hire(world, f"Extra{n:02}", "Grip")
    text = pdf_text(export(world, Role.COORDINATOR, "pdf"))
    assert "Page 1 of 3" in text
    assert "Page 3 of 3" in text
    assert text.count("E-mail") == 3  # the table header on every page


def test_cast_contact_details_are_kept_from_a_department_head(world: World) -> None:
    ava, gus = csv_rows(export(world, Role.DEPARTMENT_HEAD, "csv"))
    assert (ava["Phone"], ava["E-mail"]) == ("", "")
    assert (gus["Phone"], gus["E-mail"]) == ("(323) 555-0101", "gus@example.com")
    ava_xlsx, _ = xlsx_rows(export(world, Role.DEPARTMENT_HEAD, "xlsx"))
    assert (ava_xlsx["Phone"], ava_xlsx["E-mail"]) == (None, None)
    text = pdf_text(export(world, Role.DEPARTMENT_HEAD, "pdf"))
    assert "via production office" in text
    assert "(310) 555-0199" not in text
    assert "ava@example.com" not in text
    assert "(323) 555-0101" in text


def test_a_crew_member_gets_crew_phone_numbers_but_not_cast_ones(world: World) -> None:
    ava, gus = csv_rows(export(world, Role.CREW, "csv"))
    assert ava["Phone"] == ""
    assert gus["Phone"] == "(323) 555-0101"


def test_the_crew_list_filter_narrows_every_export(world: World) -> None:
    grip = str(world.department("Grip").pk)
    by_department = csv_rows(export(world, Role.COORDINATOR, "csv", department=grip))
    assert [row["First Name"] for row in by_department] == ["Gus"]
    searched = xlsx_rows(export(world, Role.COORDINATOR, "xlsx", q="ava"))
    assert [row["First Name"] for row in searched] == ["Ava"]
    text = pdf_text(export(world, Role.COORDINATOR, "pdf", kind="cast"))
    assert "Ava Lead" in text
    assert "Gus Grip" not in text


def test_an_export_that_matches_nobody_says_so(world: World) -> None:
    assert csv_rows(export(world, Role.COORDINATOR, "csv", q="nobody-here")) == []
    assert xlsx_rows(export(world, Role.COORDINATOR, "xlsx", q="nobody-here")) == []
    text = pdf_text(export(world, Role.COORDINATOR, "pdf", q="nobody-here"))
    assert "Nobody on the crew list matches." in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_the_file_is_named_after_the_production_and_the_day(world: World, fmt: str) -> None:
    response = export(world, Role.COORDINATOR, fmt)
    today = timezone.localdate(timezone=ZoneInfo(world.production.time_zone))
    expected = f'attachment; filename="NIGHTOWL-contact-sheet-{today.isoformat()}.{fmt}"'
    assert response["Content-Disposition"] == expected


def test_an_unknown_format_is_not_found(world: World) -> None:
    assert export(world, Role.COORDINATOR, "docx").status_code == 404
    assert export(world, Role.COORDINATOR, "template.csv").status_code == 404


def test_the_cast_role_and_outsiders_get_no_export(world: World) -> None:
    assert export(world, Role.CAST, "csv").status_code == 403
    assert export(world, "outsider", "csv").status_code == 404


def test_text_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(world: World) -> None:
    hire(world, '=HYPERLINK("http://evil.example","Click")', "Grip", phone="+44 20 7946 0958")
    *_, evil = csv_rows(export(world, Role.COORDINATOR, "csv", q="tester"))
    assert evil["First Name"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert evil["Phone"] == "+44 20 7946 0958"
    sheet = load_workbook(io.BytesIO(export(world, Role.COORDINATOR, "xlsx", q="tester").content))
    assert sheet.active["A2"].data_type == "s"
    assert sheet.active["A2"].value == '=HYPERLINK("http://evil.example","Click")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_sheet_imports_back_as_the_same_crew_list(world: World, fmt: str) -> None:
    hire(
        world,
        "Carla",
        "Camera",
        email="carla@example.com",
        phone="323 555 0102",
        position="Director of Photography",
        rate=Decimal("4000"),
        rate_unit="week",
        start_date=date(2027, 2, 22),
        end_date=date(2027, 4, 9),
        union_member=True,
        union_name="ICG Local 600",
        status="started",
    )
    before = export(world, Role.PRODUCER, fmt)
    access = world.access(Role.PRODUCER)
    for engagement in Engagement.objects.filter(production=world.production):
        remove_person(access=access, engagement=engagement)
    result = import_crew(
        access=access,
        filename=before["Content-Disposition"].split('"')[1],
        content=before.content,
        valid_rows_only=False,
    )
    assert (result.imported, result.errors, result.ignored_columns) == (3, [], [])
    after = export(world, Role.PRODUCER, fmt)
    read = csv_rows if fmt == "csv" else xlsx_rows
    assert read(after) == read(before)
    assert len(read(after)) == 3


def test_the_export_costs_the_same_queries_for_2_people_as_for_22(world: World) -> None:
    client = Client()
    client.force_login(world.user(Role.DEPARTMENT_HEAD))
    url = reverse("crew_export", args=[world.production.code, "csv"])
    client.get(url)  # warm the session

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(20):
        hire(world, f"Extra{n}", "Cast" if n % 2 else "Grip", cast_number=n + 10 if n % 2 else None)
    assert count() == few


def test_names_that_look_like_markup_are_printed_as_written(world: World) -> None:
    hire(world, "Ray *Star* $x$ #set [a]", "Grip", position="Grip \\ <b>")
    text = pdf_text(export(world, Role.COORDINATOR, "pdf"))
    assert "Ray *Star* $x$ #set [a] Tester" in text
    assert "Grip \\ <b>" in text
