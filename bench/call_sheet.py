"""Building and rendering a call sheet PDF for a day with 250 people (issue 5 target: 100 ms).

    .venv/bin/python bench/call_sheet.py             # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/call_sheet.py

Builds the demo, hires crew until 250 people are called on a shoot day (the day's cast and
the rest crew, spread over the departments, a third with a dietary need), generates Day 3's
call sheet, then times `call_sheet_pdf(sheet)` (read the document, render it with the one
cached typst compiler) after a warm-up: median of 20, with its queries. The call sheet page
is timed beside it for a coordinator, with its queries for the 250-person day and for the same
sheet with 200 people taken off (the same number, whatever the crew).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRODOFFICE_DATA_DIR", tempfile.mkdtemp(prefix="prodoffice-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from prodoffice.callsheets.models import Call, CallSheet  # noqa: E402
from prodoffice.callsheets.pdf import call_sheet_pdf, render_call_sheet  # noqa: E402
from prodoffice.callsheets.selectors import call_sheet_document  # noqa: E402
from prodoffice.callsheets.services import generate_call_sheet  # noqa: E402
from prodoffice.demo.services import create_demo  # noqa: E402
from prodoffice.people.models import Contact, Engagement  # noqa: E402
from prodoffice.productions.access import access_production  # noqa: E402
from prodoffice.productions.models import Production  # noqa: E402
from prodoffice.scheduling.models import Schedule  # noqa: E402

PEOPLE = 250
RUNS = 20
DIETS = ["", "", "Vegetarian", "", "Vegan", "Gluten-free"]


def _hire(production: Production, count: int) -> None:
    departments = list(production.departments.exclude(name="Cast"))
    for n in range(count):
        contact = Contact.objects.create(
            production=production,
            first_name="Extra",
            last_name=f"Hand {n}",
            email=f"hand{n}@example.com",
            phone=f"(818) 555-{n:04d}",
            dietary_needs=DIETS[n % len(DIETS)],
        )
        Engagement.objects.create(
            production=production,
            contact=contact,
            department=departments[n % len(departments)],
            position="Assistant",
            status="confirmed",
        )


def _median_ms(action: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _page(client: Client, url: str) -> tuple[float, int]:
    client.get(url)
    ms = _median_ms(lambda: client.get(url))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return ms, len(queries)


def main() -> None:
    call_command("migrate", verbosity=0)
    production = create_demo(today=date.today(), optimizer_seconds=1)  # noqa: DTZ011
    coordinator = get_user_model().objects.get(username="coordinator")
    access = access_production(coordinator, "DEMO")
    schedule = Schedule.objects.get(production=production, is_current=True)
    days = list(schedule.days.filter(kind="shoot").order_by("order"))
    small = generate_call_sheet(access=access, day=days[3])  # the demo's crew as it is
    called = Call.objects.filter(call_sheet=small).count()
    _hire(production, PEOPLE - called)
    sheet = generate_call_sheet(access=access, day=days[2])
    people = Call.objects.filter(call_sheet=sheet).count()
    cast = Call.objects.filter(call_sheet=sheet, engagement__cast_number__isnull=False).count()
    sheet = CallSheet.objects.select_related("day", "schedule", "production").get(pk=sheet.pk)

    pdf = call_sheet_pdf(sheet)  # warm-up: the compiler made once, fonts loaded
    ms = _median_ms(lambda: call_sheet_pdf(sheet))
    with CaptureQueriesContext(connection) as queries:
        call_sheet_pdf(sheet)
    build_ms = _median_ms(lambda: call_sheet_document(sheet))
    document = call_sheet_document(sheet)
    render_ms = _median_ms(lambda: render_call_sheet(document))

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    client.force_login(coordinator)
    page_ms, page_queries = _page(client, reverse("callsheet_detail", args=["DEMO", sheet.pk]))
    # The same sheet with 200 of its crew taken off: the page reads as many queries.
    extra = Call.objects.filter(call_sheet=sheet, engagement__contact__first_name="Extra")
    Call.objects.filter(pk__in=list(extra.values_list("pk", flat=True)[:200])).delete()
    fewer = Call.objects.filter(call_sheet=sheet).count()
    url = reverse("callsheet_detail", args=["DEMO", sheet.pk])
    _, small_queries = _page(client, url)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}")
    print(f"Day 3: {people} people on the sheet ({cast} cast), PDF {len(pdf) // 1024} KB")
    print(f"build + render PDF: median {ms:.1f} ms of {RUNS}, {len(queries)} queries")
    print(f"  of which: build the document {build_ms:.1f} ms, render it {render_ms:.1f} ms")
    print(f"call sheet page: median {page_ms:.1f} ms, {page_queries} queries")
    print(f"page queries: {page_queries} for {people} people, {small_queries} for {fewer}")


if __name__ == "__main__":
    main()
