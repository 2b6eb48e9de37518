"""Building and rendering the DPR of a day with 250 people (issue 6 target: 200 ms).

    .venv/bin/python bench/dpr.py             # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/dpr.py

Builds the demo, hires crew until exactly 250 people are called on Day 3 (as
bench/call_sheet.py does), generates the call sheet, starts the production report from it,
and fills in everyone's in, first meal and out (valid times, some late meals and long days,
so penalties and overtime are costed); Days 1 and 2 are reported the same way first, in the
same workweek, so Day 3 is costed with each person's week so far. Then times
`report_document(report)` (read and cost the report) and `pdf.render_report(...)` (the typst
PDF) after a warm-up: median of 20 each, and the two together, with the queries of one build.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

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
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.call_sheet import _hire  # noqa: E402
from prodoffice.callsheets.models import Call  # noqa: E402
from prodoffice.callsheets.services import generate_call_sheet  # noqa: E402
from prodoffice.demo.services import create_demo  # noqa: E402
from prodoffice.productions.access import access_production  # noqa: E402
from prodoffice.reports import pdf  # noqa: E402
from prodoffice.reports.models import DailyReport, TimeEntry  # noqa: E402
from prodoffice.reports.selectors import report_document  # noqa: E402
from prodoffice.reports.services import start_report  # noqa: E402
from prodoffice.scheduling.models import Schedule  # noqa: E402

PEOPLE = 250
RUNS = 20
TARGET_MS = 200


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _fill_times(report: DailyReport) -> None:
    """Everyone in at 07:00 (or their call), a half-hour first meal, out 11-13 hours later.

    One in five has a late first meal (a penalty) and one in three a long day (overtime).
    """
    zone = ZoneInfo(report.production.time_zone)
    day = datetime.combine(report.day.date, datetime.min.time(), tzinfo=zone)
    entries = list(TimeEntry.objects.filter(report=report).order_by("pk"))
    for n, entry in enumerate(entries):
        call = entry.call or day + timedelta(hours=7)
        meal = call + timedelta(hours=6, minutes=40 if n % 5 == 0 else 0)
        entry.call = call
        entry.meal1_start = meal
        entry.meal1_end = meal + timedelta(minutes=30)
        entry.wrap = call + timedelta(hours=13 if n % 3 == 0 else 11)
        entry.status = entry.status or "W"
    TimeEntry.objects.bulk_update(
        entries, ["call", "meal1_start", "meal1_end", "wrap", "status"], batch_size=100
    )


# Days reported before the one timed, in its workweek: `--earlier 4` times Day 5, a Friday
# costed with four earlier days (the demo shoots five-day weeks).
EARLIER = int(sys.argv[sys.argv.index("--earlier") + 1]) if "--earlier" in sys.argv else 2


def main() -> None:
    call_command("migrate", verbosity=0)
    production = create_demo(today=date.today(), optimizer_seconds=1)  # noqa: DTZ011
    access = access_production(get_user_model().objects.get(username="coordinator"), "DEMO")
    schedule = Schedule.objects.get(production=production, is_current=True)
    days = list(schedule.days.filter(kind="shoot").order_by("order"))
    small = generate_call_sheet(access=access, day=days[-1])  # the demo's crew as it is
    # Days call different cast (and the demo's schedule is an optimizer's): hire a few more,
    # then take the spare hands off the sheet, so the report has exactly 250 people.
    _hire(production, PEOPLE - Call.objects.filter(call_sheet=small).count() + 10)
    # Days 1 and 2 reported in full too, in the same workweek as Day 3: Day 3 is then costed
    # with everyone's week so far (straight time towards weekly overtime, the day of the week).
    production.workweek_starts = days[0].date.weekday()
    production.save(update_fields=["workweek_starts"])
    for earlier in days[:EARLIER]:
        earlier_sheet = generate_call_sheet(access=access, day=earlier)
        _fill_times(start_report(access=access, call_sheet=earlier_sheet))
    sheet = generate_call_sheet(access=access, day=days[EARLIER])
    spare = Call.objects.filter(call_sheet=sheet, engagement__contact__first_name="Extra")
    excess = Call.objects.filter(call_sheet=sheet).count() - PEOPLE
    Call.objects.filter(pk__in=list(spare.values_list("pk", flat=True)[: max(excess, 0)])).delete()
    report = start_report(access=access, call_sheet=sheet)
    _fill_times(report)

    document = report_document(report)  # warm-up: rule sets read, compiler made, fonts loaded
    content = pdf.render_report(document)
    people = len(document.cast) + len(document.crew)
    assert people == PEOPLE, people
    assert document.missing == 0, "everyone's times are entered"
    with CaptureQueriesContext(connection) as queries:
        report_document(report)
    if "--profile" in sys.argv:  # where a build's time goes, for whoever makes it faster
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(report_document, report)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    build_ms = _median_ms(lambda: report_document(report))
    render_ms = _median_ms(lambda: pdf.render_report(document))
    total_ms = _median_ms(lambda: pdf.render_report(report_document(report)))

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"database: {engine}; Day {EARLIER + 1}, {len(document.cast)} cast, "
        f"PDF {len(content) // 1024} KB"
    )
    lines = [*document.cast, *document.crew]
    into_week = sum(1 for line in lines if line.result and line.result.card.day_of_workweek > 1)
    print(f"week so far: {into_week} of {people} people on day 2 or later of their workweek")
    print(
        f"costed: {len(document.violations)} violations, overtime ${document.labour.overtime:,}, "
        f"penalties ${document.labour.penalties:,}"
    )
    print("| people | build ms | render ms | total ms | queries | target ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {people} | {build_ms:.1f} | {render_ms:.1f} | {total_ms:.1f} | {len(queries)} "
        f"| {TARGET_MS} |"
    )


if __name__ == "__main__":
    main()
