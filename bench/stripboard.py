"""The stripboard page with 300+ scenes (issue 4 target: under 200 ms, constant queries).

    .venv/bin/python bench/stripboard.py                 # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/stripboard.py

Imports the 200-page synthetic script (372 scenes), accepts its cast, makes a first-pass
schedule with some unavailable dates and shoot-by dates (so the board has rules to check),
then times GET of the stripboard page for a coordinator through Django's test client:
median of 20 after a warm-up, and the number of queries, beside a 30-strip board of the
same schedule.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRODOFFICE_DATA_DIR", tempfile.mkdtemp(prefix="prodoffice-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.screenplay_speed import synthetic_script  # noqa: E402
from prodoffice.core.tests.personas import make_world  # noqa: E402
from prodoffice.domain.access import Role  # noqa: E402
from prodoffice.scheduling.services import add_unavailability, create_schedule, set_strip_rules  # noqa: E402
from prodoffice.scripts.models import BreakdownElement, SceneElement  # noqa: E402
from prodoffice.scripts.services import import_script  # noqa: E402

RUNS = 20


def _time_page(client: Client, url: str) -> tuple[float, int, int]:
    client.get(url)  # warm-up: templates compiled, caches filled
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times) * 1000, len(queries), len(response.content)


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    world = make_world(f"SB{os.getpid() % 10000}")
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="s.fountain", data=synthetic_script(200))
    SceneElement.objects.filter(scene__revision=revision, element__category="cast").update(
        state="accepted"
    )
    schedule = create_schedule(
        access=access, revision=revision, name="Bench", start_date=date(2027, 3, 1)
    )
    start = schedule.start_date
    for element in BreakdownElement.objects.filter(production=world.production, category="cast")[
        :5
    ]:
        add_unavailability(
            access=access, element=element, first_date=start, last_date=start + timedelta(4)
        )
    for strip in schedule.strips.order_by("-order")[:20]:
        set_strip_rules(access=access, strip=strip, must_shoot_by=start, together="")
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("stripboard", args=[world.production.code, schedule.pk])
    print(f"Database: {connection.vendor}")
    print("| strips | days | median ms | queries | page KB | target ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = []
    strips = schedule.strips.count()
    rows.append((strips, schedule.days.count(), *_time_page(client, url)))
    keep = list(schedule.strips.order_by("day__order", "order").values_list("pk", flat=True)[:30])
    schedule.strips.exclude(pk__in=keep).delete()
    rows.append((30, schedule.days.count(), *_time_page(client, url)))
    for count, days, ms, queries, size in rows:
        print(f"| {count} | {days} | {ms:.0f} | {queries} | {size / 1024:.0f} | 200 |")
    world.production.delete()


if __name__ == "__main__":
    main()
