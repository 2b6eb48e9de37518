from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.domain.people.crew_sheet import CrewSheet, RowError
from prodoffice.people import imports
from prodoffice.people.import_jobs import run_crew_import
from prodoffice.people.imports import ImportResult, import_crew
from prodoffice.people.models import CrewImport, Engagement

Callbacks = Callable[..., AbstractContextManager[Any]]
HEADER = "First Name,Last Name,Department,Position,E-mail,Phone,Cast #,Start,End,Union,Status\n"
CLEAN = HEADER + (
    "Carla,Camera,camera,DP,carla@example.com,323.555.0102,,3/1/2027,Apr 9 2027,yes,confirmed\n"
    "Eli,Sparks,Electric,Gaffer,,,,2027-03-01,,no,\n"
    "Bo,Bell,Cast,Day Player,bo@example.com,,2,,,,Offered\n"
)
BAD = HEADER + (
    "Carla,Camera,Camera,DP,carla@example.com,,,,,,\n"
    "Eli,Sparks,Lighting,Gaffer,eli@,,,,,,\n"
    "Bo,Bell,Cast,Day Player,,,1,2027-03-09,2027-03-01,,\n"
    "Cy,Cole,Cast,Stand-in,,,5,,,maybe,hired\n"
    "Di,Dole,Cast,Stand-in,,,5,next week,,,\n"
    ",,Grip,,,,,,,,\n"
)


def people(world: World) -> set[str]:
    return {e.contact.name for e in Engagement.objects.filter(production=world.production)}


def run(
    world: World,
    content: str | bytes,
    *,
    role: Role = Role.COORDINATOR,
    filename: str = "crew.csv",
    valid_rows_only: bool = False,
) -> ImportResult:
    return import_crew(
        access=world.access(role),
        filename=filename,
        content=content.encode() if isinstance(content, str) else content,
        valid_rows_only=valid_rows_only,
    )


def test_a_clean_file_imports_every_row(world: World) -> None:
    result = run(world, CLEAN)
    assert (result.imported, result.errors, result.rows_seen) == (3, [], 3)
    carla = Engagement.objects.get(contact__first_name="Carla")
    assert carla.department == world.department("Camera")
    assert (carla.contact.phone, carla.contact.email) == ("(323) 555-0102", "carla@example.com")
    assert (carla.start_date, carla.end_date) == (date(2027, 3, 1), date(2027, 4, 9))
    assert (carla.union_member, carla.status) == (True, "confirmed")
    bo = Engagement.objects.get(contact__first_name="Bo")
    assert (bo.cast_number, bo.status, bo.rate_unit) == (2, "offered", "day")


def test_each_imported_person_is_recorded_in_the_history(world: World) -> None:
    before = ChangeRecord.objects.count()
    run(world, CLEAN)
    assert ChangeRecord.objects.count() == before + 6  # a contact and an engagement each


@pytest.mark.django_db(transaction=True)
def test_a_long_crew_list_is_read_before_its_transaction_and_written_in_a_few_statements(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On SQLite an open transaction holds back every other write: 5,000 people hired one
    # by one (a dozen statements each) held the whole office for 20-40 seconds.
    read = imports.read_crew_sheet
    in_transaction: list[bool] = []

    def watched(filename: str, content: bytes) -> CrewSheet:
        in_transaction.append(connection.in_atomic_block)
        return read(filename, content)

    monkeypatch.setattr(imports, "read_crew_sheet", watched)
    rows = "".join(f"Pat{i},Grip,Grip,Grip,pat{i}@example.com,,,,,,\n" for i in range(300))
    with CaptureQueriesContext(connection) as queries:
        result = run(world, HEADER + rows)
    assert result.imported == 300
    assert in_transaction == [False]
    assert len(queries) < 40  # SQLite inserts about 50 rows a statement; it was 3,300
    grip = Engagement.objects.get(contact__first_name="Pat7")
    created = ChangeRecord.objects.filter(record_type="engagement", record_id=str(grip.pk))
    assert [(r.action, r.record_label) for r in created] == [("created", "Pat7 Grip, Grip")]
    assert created[0].changes["Department"] == ["", "Grip"]
    assert (grip.search_text, grip.contact_search_text) == ("pat7 grip grip", "pat7@example.com")


def test_a_file_with_bad_rows_imports_nothing_and_reports_every_bad_row_by_line_and_column(
    world: World,
) -> None:
    result = run(world, BAD)
    assert result.imported == 0
    assert people(world) == {"Gus Grip", "Ava Lead"}
    assert result.rows_seen == 6
    assert result.bad_lines == [3, 4, 5, 6, 7]
    by_cell = {(error.line, error.column): error.message for error in result.errors}
    assert by_cell[(3, "Department")].startswith("No department is called 'Lighting'.")
    assert (
        "This production has: Production, Assistant Directors, Cast" in by_cell[(3, "Department")]
    )
    assert by_cell[(3, "E-mail")] == "'eli@' is not an e-mail address."
    assert by_cell[(4, "Cast #")] == "Cast number 1 is already Ava Lead's."
    assert by_cell[(4, "End")] == "The end date is before the start date."
    assert by_cell[(5, "Union")] == "'maybe' is not yes or no."
    assert by_cell[(5, "Status")].startswith("'hired' is not a status; use one of: offered,")
    assert by_cell[(6, "Cast #")] == "Cast number 5 is also on line 5."
    assert by_cell[(6, "Start")].startswith("'next week' is not a date")
    assert by_cell[(7, "First Name")].startswith("Enter a first name")
    assert by_cell[(7, "Position")].startswith("Enter the position")
    assert len(result.errors) == 10


def test_import_the_valid_rows_imports_only_the_good_ones(world: World) -> None:
    result = run(world, BAD, valid_rows_only=True)
    assert result.imported == 1
    assert people(world) == {"Gus Grip", "Ava Lead", "Carla Camera"}
    assert result.bad_lines == [3, 4, 5, 6, 7]


def test_departments_match_whatever_their_case(world: World) -> None:
    run(world, "Name,Dept,Job\nHal Hair,HAIR & MAKEUP,Key Hair\n")
    assert Engagement.objects.get(position="Key Hair").department == world.department(
        "Hair & Makeup"
    )


def test_rates_in_the_file_are_set_for_a_producer(world: World) -> None:
    content = 'Name,Dept,Job,Rate,Unit\nCarla Camera,Camera,DP,"$1,250",weekly\n'
    result = run(world, content, role=Role.PRODUCER)
    assert result.ignored_columns == []
    carla = Engagement.objects.get(position="DP")
    assert (carla.rate, carla.rate_unit) == (Decimal("1250.00"), "week")


def test_rates_in_the_file_are_not_set_or_checked_for_a_coordinator(world: World) -> None:
    content = "Name,Dept,Job,Rate,Unit\nCarla Camera,Camera,DP,lots,fortnightly\n"
    result = run(world, content)
    assert (result.imported, result.ignored_columns) == (1, ["Rate", "Unit"])
    carla = Engagement.objects.get(position="DP")
    assert (carla.rate, carla.rate_unit) == (None, "day")


def test_a_bad_rate_or_unit_is_reported_to_a_producer(world: World) -> None:
    content = "Name,Dept,Job,Rate,Unit\nCarla Camera,Camera,DP,-5,fortnightly\n"
    result = run(world, content, role=Role.PRODUCER)
    assert result.errors == [
        RowError(2, "Rate", "A rate cannot be negative."),
        RowError(2, "Unit", "'fortnightly' is not a unit; use one of: hour, day, week, flat."),
    ]


def test_text_longer_than_a_column_holds_is_reported(world: World) -> None:
    result = run(world, f"Name,Dept,Job\nCarla Camera,Camera,{'D' * 121}\n")
    assert result.errors == [RowError(2, "Job", "At most 120 characters (this has 121).")]


def test_an_xlsx_crew_list_imports(world: World) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Department", "Title", "Start Date", "Cast Number"])
    sheet.append(["Bo Bell", "Cast", "Day Player", date(2027, 3, 2), 7])
    out = io.BytesIO()
    book.save(out)
    result = run(world, out.getvalue(), filename="Crew List.xlsx")
    assert result.imported == 1
    bo = Engagement.objects.get(contact__first_name="Bo")
    assert (bo.cast_number, bo.start_date) == (7, date(2027, 3, 2))


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("crew.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "crew.csv is a PNG image"),
        ("crew.csv", b"", "crew.csv is empty"),
        ("crew.pdf", b"%PDF-1.7", "crew.pdf is a .pdf file. Upload a .csv or .xlsx file."),
        ("crew.xls", b"\xd0\xcf\x11\xe0", "save it as .xlsx or .csv"),
        ("crew.csv", b"Name,Dept,Job\n", "a header row but nobody on it"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_the_reason(
    world: World, filename: str, content: bytes, message: str
) -> None:
    with pytest.raises(RuleBroken, match=message) as refused:
        run(world, content, filename=filename)
    assert refused.value.field == "file"
    assert people(world) == {"Gus Grip", "Ava Lead"}


def test_a_crew_member_may_not_import(world: World) -> None:
    with pytest.raises(PermissionDenied):
        run(world, CLEAN, role=Role.CREW)


# Through the page


def upload(client: Client, world: World, name: str, content: bytes, **data: str) -> HttpResponse:
    url = reverse("crew_import", args=[world.production.code])
    return client.post(url, {"file": SimpleUploadedFile(name, content), **data})


def import_in_background(
    client: Client,
    world: World,
    callbacks: Callbacks,
    name: str,
    content: bytes,
    **data: str,
) -> HttpResponse:
    """Upload the file, let the worker import it, and open the page that follows the import."""
    with callbacks(execute=True):  # the import is queued once the upload is committed
        response = upload(client, world, name, content, **data)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/p/{world.production.code}/crew/import/")
    return client.get(response["Location"])


@pytest.fixture
def coordinator(client: Client, world: World) -> Client:
    client.force_login(world.user(Role.COORDINATOR))
    return client


def test_the_import_page_shows_the_columns_it_reads(coordinator: Client, world: World) -> None:
    response = coordinator.get(reverse("crew_import", args=[world.production.code]))
    assert response.status_code == 200
    assert "First Name,Last Name,Position,Department,Cast #" in response.content.decode()
    assert 'name="valid_rows_only"' in response.content.decode()
    assert "Emergency Phone,Address,Notes" in response.content.decode()
    assert ",Rate,Unit," not in response.content.decode()  # a coordinator sets no rates


def test_the_import_page_offers_rate_columns_to_a_producer(client: Client, world: World) -> None:
    client.force_login(world.user(Role.PRODUCER))
    response = client.get(reverse("crew_import", args=[world.production.code]))
    assert "End Date,Rate,Unit,Dietary" in response.content.decode()


def test_a_clean_upload_is_imported_in_the_background_and_says_so(
    coordinator: Client, world: World, django_capture_on_commit_callbacks: Callbacks
) -> None:
    page = import_in_background(
        coordinator, world, django_capture_on_commit_callbacks, "crew.csv", CLEAN.encode()
    )
    assert len(people(world)) == 5
    html = page.content.decode()
    assert "3 people added to the crew list." in html
    assert 'hx-trigger="every 1s"' not in html  # done: the page stops asking
    assert CrewImport.objects.get().content == b""  # people's details are not kept


def test_the_import_page_follows_a_queued_import_until_the_worker_takes_it(
    coordinator: Client, world: World
) -> None:
    response = upload(coordinator, world, "crew.csv", CLEAN.encode())  # not yet committed
    page = coordinator.get(response["Location"]).content.decode()
    assert "Waiting for the background worker" in page
    assert 'hx-trigger="every 1s"' in page
    assert len(people(world)) == 2
    run_crew_import(CrewImport.objects.get().pk)
    partial = coordinator.get(response["Location"], headers={"HX-Request": "true"})
    assert "3 people added to the crew list." in partial.content.decode()
    assert "<html" not in partial.content.decode()


def test_an_import_the_worker_dropped_says_so_instead_of_running_forever(
    coordinator: Client, world: World
) -> None:
    response = upload(coordinator, world, "crew.csv", CLEAN.encode())
    quiet = timezone.now() - timedelta(minutes=6)
    CrewImport.objects.update(status=CrewImport.Status.RUNNING, updated_at=quiet)
    page = coordinator.get(response["Location"]).content.decode()
    assert "The import stopped before it finished" in page
    assert 'hx-trigger="every 1s"' not in page


def test_a_bad_upload_shows_each_problem_and_saves_nothing(
    coordinator: Client, world: World, django_capture_on_commit_callbacks: Callbacks
) -> None:
    page = import_in_background(
        coordinator, world, django_capture_on_commit_callbacks, "crew.csv", BAD.encode()
    ).content.decode()
    assert "5 of the 6 rows in crew.csv have problems; nothing was imported." in page
    assert (
        '<td class="num">4</td><td>Cast #</td><td>Cast number 1 is already Ava Lead&#x27;s.</td>'
        in page
    )
    assert "Import the valid rows" in page
    assert people(world) == {"Gus Grip", "Ava Lead"}


def test_ticking_import_the_valid_rows_adds_the_good_ones(
    coordinator: Client, world: World, django_capture_on_commit_callbacks: Callbacks
) -> None:
    page = import_in_background(
        coordinator,
        world,
        django_capture_on_commit_callbacks,
        "crew.csv",
        BAD.encode(),
        valid_rows_only="on",
    ).content.decode()
    assert people(world) == {"Gus Grip", "Ava Lead", "Carla Camera"}
    assert (
        "1 person added to the crew list. Skipped the rows with errors (line 3, 4, 5, 6, 7)."
        in page
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("crew.csv", bytes(range(256)) * 8, "crew.csv is not a text file."),
        ("crew.csv", b"", "crew.csv is empty."),
        ("crew.png", b"\x89PNG\r\n\x1a\n", "crew.png is a .png file. Upload a .csv or .xlsx file."),
        (
            "crew.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "Open it in Excel and save it as .xlsx or .csv.",
        ),
        (
            "crew.xlsx",
            b"First Name,Department,Position\n",
            "crew.xlsx is not a real Excel workbook",
        ),
        ("crew.csv", b"Ava,Lead,Cast\n", "The header row has no First Name (or Name), Department"),
    ],
)
def test_an_unreadable_upload_says_what_is_wrong(
    coordinator: Client,
    world: World,
    django_capture_on_commit_callbacks: Callbacks,
    name: str,
    content: bytes,
    message: str,
) -> None:
    page = import_in_background(
        coordinator, world, django_capture_on_commit_callbacks, name, content
    ).content.decode()
    assert message in page
    assert "Nothing was imported." in page
    assert people(world) == {"Gus Grip", "Ava Lead"}


def test_a_file_over_5_mb_is_refused_on_upload_and_not_kept(
    coordinator: Client, world: World
) -> None:
    response = upload(coordinator, world, "crew.csv", b"x" * (5 * 1024 * 1024 + 1))
    assert response.status_code == 400
    assert "crew.csv is over 5 MB" in response.content.decode()
    assert not CrewImport.objects.exists()


def test_an_import_whose_uploader_lost_the_role_imports_nothing(
    coordinator: Client, world: World
) -> None:
    response = upload(coordinator, world, "crew.csv", CLEAN.encode())
    membership = world.access(Role.COORDINATOR).membership
    membership.role = Role.CREW
    membership.save()
    job = run_crew_import(CrewImport.objects.get().pk)
    assert job.problem == "Whoever uploaded the file may no longer add crew; nothing was imported."
    assert response.status_code == 302
    assert people(world) == {"Gus Grip", "Ava Lead"}


def test_an_upload_without_a_file_asks_for_one(coordinator: Client, world: World) -> None:
    response = coordinator.post(reverse("crew_import", args=[world.production.code]), {})
    assert response.status_code == 400
    assert "Choose a CSV or XLSX file to import." in response.content.decode()


def test_a_crew_member_gets_403_from_the_import_page(client: Client, world: World) -> None:
    client.force_login(world.user(Role.CREW))
    assert upload(client, world, "crew.csv", CLEAN.encode()).status_code == 403
    assert client.get(reverse("crew_import", args=[world.production.code])).status_code == 403
    assert people(world) == {"Gus Grip", "Ava Lead"}
