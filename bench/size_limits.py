"""The largest files a real production sends, timed to decide what a web request may do.

    .venv/bin/python bench/size_limits.py                 # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/size_limits.py

Crew lists of 2,000 and 5,000 rows (the most the import takes) as CSV and as XLSX; a
400-scene script (the longest real ones run to 250 pages and 400 scenes) and 1,000 short
scenes (the most the limits let in) imported as new scripts; and the breakdown PDF of each,
a sheet per scene. Each is split into what runs before the transaction (reading and checking
the file) and the transaction that writes it, since on SQLite the transaction holds every
other writer back. Median of 3 runs after a warm-up; the PDFs of 3 freshly imported drafts,
since typst renders sheets it has rendered before ten times faster.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRODOFFICE_DATA_DIR", tempfile.mkdtemp(prefix="prodoffice-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench.screenplay_speed import synthetic_script  # noqa: E402
from prodoffice.core.tests.personas import World, make_world  # noqa: E402
from prodoffice.domain.access import Role  # noqa: E402
from prodoffice.domain.people.crew_sheet import read_crew_sheet  # noqa: E402
from prodoffice.people.imports import import_crew  # noqa: E402
from prodoffice.people.models import Contact  # noqa: E402
from prodoffice.scripts import pdf  # noqa: E402
from prodoffice.scripts.models import Script  # noqa: E402
from prodoffice.scripts.services import import_script, read_draft  # noqa: E402

HEADER = ["First Name", "Last Name", "Position", "Department", "Phone", "E-mail", "Start Date"]


def crew_rows(count: int, departments: list[str]) -> list[list[str]]:
    return [
        [
            f"First{i}",
            f"Last{i}",
            "Grip",
            departments[i % len(departments)],
            f"+1 310 555 {i % 10000:04d}",
            f"person{i}@example.com",
            "2027-03-01",
        ]
        for i in range(count)
    ]


def crew_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode()


def crew_xlsx(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in [HEADER, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def short_scenes(count: int, run: int = 0) -> bytes:
    return "".join(
        f"INT. ROOM {i} - NIGHT\n\nJune waits by window {run}.\n\nJUNE\nNot yet, {run}.\n\n"
        for i in range(count)
    ).encode()


class TransactionClock:
    """The time spent inside the outermost atomic blocks: how long other writers wait."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def watching(self):  # type: ignore[no-untyped-def]
        original = transaction.Atomic.__enter__, transaction.Atomic.__exit__
        started: list[float] = []
        clock = self

        def enter(atomic, *args):  # type: ignore[no-untyped-def]
            if not connection.in_atomic_block:
                started.append(time.perf_counter())
            return original[0](atomic, *args)

        def exit_(atomic, *args):  # type: ignore[no-untyped-def]
            result = original[1](atomic, *args)
            if not connection.in_atomic_block and started:
                clock.seconds += time.perf_counter() - started.pop()
            return result

        transaction.Atomic.__enter__, transaction.Atomic.__exit__ = enter, exit_  # type: ignore[method-assign]
        try:
            yield self
        finally:
            transaction.Atomic.__enter__, transaction.Atomic.__exit__ = original  # type: ignore[method-assign]


def timed(run: Callable[[], object], cleanup: Callable[[], object], repeat: int = 3):  # type: ignore[no-untyped-def]
    run()
    cleanup()
    totals, cpu, held = [], [], []
    result = None
    for _ in range(repeat):
        clock = TransactionClock()
        with clock.watching():
            start, start_cpu = time.perf_counter(), time.process_time()
            result = run()
            totals.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        held.append(clock.seconds)
        cleanup()
    return result, statistics.median(totals), statistics.median(cpu), statistics.median(held)


def main() -> None:
    call_command("migrate", verbosity=0)
    world: World = make_world(f"SIZE{os.getpid() % 10000}")
    access = world.access(Role.COORDINATOR)
    production = world.production
    departments = [d.name for d in production.departments.all()]
    print(f"Database: {connection.vendor}")
    print("| work | size | total s | CPU s | of which reading s | in the transaction s |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")

    def clear_crew() -> None:
        Contact.objects.filter(production=production).delete()

    lists = [(count, crew_rows(count, departments)) for count in (2000, 5000)]
    files = [(n, "CSV", crew_csv(rows)) for n, rows in lists]
    files += [(n, "XLSX", crew_xlsx(rows)) for n, rows in lists]
    for count, fmt, content in files:
        name = f"crew.{fmt.lower()}"
        reading = _median(lambda: read_crew_sheet(name, content))  # noqa: B023

        def run(name: str = name, content: bytes = content) -> object:
            return import_crew(access=access, filename=name, content=content, valid_rows_only=False)

        result, total, cpu, held = timed(run, clear_crew)
        assert result.imported == count, result.errors[:3]
        size = f"{count:,} rows, {len(content) // 1024} KB"
        _row(f"crew import ({fmt})", size, total, cpu, reading, held)

    def clear_scripts() -> None:
        Script.objects.filter(production=production).delete()

    # The longest real script, and the most scenes the limits let in (short ones, to stay
    # within 600 pages): the breakdown PDF prints a sheet for each.
    for make in (lambda run: synthetic_script(215, seed=run), lambda run: short_scenes(1000, run)):
        script = make(0)
        reading = _median(lambda: read_draft("long.fountain", script))  # noqa: B023
        analysis = read_draft("long.fountain", script)
        revision, total, cpu, held = timed(
            lambda: import_script(access=access, filename="long.fountain", data=script),  # noqa: B023
            clear_scripts,
        )
        pages, kb = analysis.script.pages, len(script) // 1024
        size = f"{len(analysis.script.scenes)} scenes, {pages} pages, {kb} KB"
        _row("script import (Fountain)", size, total, cpu, reading, held)

        # typst keeps what it rendered: a second render of the same sheets is ten times
        # faster, so each run renders a draft of other words, as after a new draft.
        renders, cpus = [], []
        for run in range(1, 4):
            clear_scripts()
            fresh = make(run)  # other words, which typst has not laid out before
            revision = import_script(access=access, filename="long.fountain", data=fresh)
            start, start_cpu = time.perf_counter(), time.process_time()
            document = pdf.breakdown_sheets(access, revision)
            renders.append(time.perf_counter() - start)
            cpus.append(time.process_time() - start_cpu)
        size = f"{revision.scenes.count()} sheets, {len(document.content) // 1024} KB"
        total, cpu = statistics.median(renders), statistics.median(cpus)
        _row("breakdown PDF", size, total, cpu, None, 0.0)
        clear_scripts()
    world.production.delete()


def _row(*cells: object) -> None:
    shown = ["—" if c is None else f"{c:.2f}" if isinstance(c, float) else str(c) for c in cells]
    print("| " + " | ".join(shown) + " |")


def _median(run: Callable[[], object]) -> float:
    return statistics.median(_seconds(run) for _ in range(3))


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
