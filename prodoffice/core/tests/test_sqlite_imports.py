"""On SQLite a large import and the office's other writes go on together, none refused."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import make_world
from prodoffice.domain.access import Role


@pytest.fixture
def to_file(transactional_db: None, tmp_path: Path) -> Iterator[Callable[[], Path]]:
    """Copies the test database into an SQLite file that threads started afterwards open, with
    the production settings (WAL, BEGIN IMMEDIATE, 20 s busy timeout): the test database
    itself is in memory, where SQLite locks differently."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-only: PostgreSQL locks rows, not the whole database")
    in_memory = connections.settings["default"]
    path = tmp_path / "office.sqlite3"

    def copy() -> Path:
        connection.ensure_connection()
        with sqlite3.connect(path) as file:
            connection.connection.backup(file)
        file.close()
        connections.settings["default"] = {**in_memory, "NAME": str(path)}
        return path

    yield copy
    connections.settings["default"] = in_memory


def _crew_list(rows: int) -> bytes:
    header = "First Name,Last Name,Department,Position,E-mail\n"
    body = "".join(f"Pat,Grip{i},Grip,Grip,pat{i}@example.com\n" for i in range(rows))
    return (header + body).encode()


def _script(scenes: int) -> bytes:
    action = "The wind takes the dust across the salt flats and the road goes on. " * 6
    return "".join(
        f"EXT. SALT FLATS {i} - DAY\n\n{action}\n\nJUNE\nNot yet.\n\n" for i in range(scenes)
    ).encode()


def test_api_writes_during_a_large_crew_and_script_import_are_all_saved(
    to_file: Callable[[], Path],
) -> None:
    world = make_world()
    code = world.production.code
    office = Client()
    office.force_login(world.user(Role.COORDINATOR))
    callers = [ApiCaller(world.user(Role.COORDINATOR)) for _ in range(3)]
    grip = world.department("Grip").pk
    crew, script = _crew_list(1000), _script(400)
    path = to_file()
    started, finished = threading.Event(), threading.Event()
    imported: list[int] = []
    written: list[int] = []
    lock = threading.Lock()

    def import_both() -> None:
        try:
            started.set()
            crew_file = SimpleUploadedFile("crew.csv", crew)
            answer = office.post(reverse("crew_import", args=[code]), {"file": crew_file})
            imported.append(answer.status_code)
            script_file = SimpleUploadedFile("long.fountain", script)
            answer = office.post(reverse("script_import", args=[code]), {"file": script_file})
            imported.append(answer.status_code)
        finally:
            finished.set()
            connections.close_all()

    def write(caller: ApiCaller, n: int) -> None:
        try:
            started.wait(timeout=5)
            i = 0
            while not finished.is_set():
                body = {"first_name": f"Al{n}-{i}", "department": grip, "position": "PA"}
                status = caller.post(f"/productions/{code}/crew", body).status_code
                with lock:
                    written.append(status)
                i += 1
                finished.wait(0.02)  # an office's pace, and room for the importer
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_both)]
    threads += [threading.Thread(target=write, args=(c, n)) for n, c in enumerate(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert imported == [302, 302]
    assert len(written) >= 3
    assert set(written) == {201}
    with sqlite3.connect(path) as office_file:
        crew_count = office_file.execute("SELECT count(*) FROM people_engagement").fetchone()[0]
        scenes = office_file.execute("SELECT count(*) FROM scripts_scene").fetchone()[0]
    office_file.close()
    assert (crew_count, scenes) == (
        len(world.production.engagements.all()) + 1000 + len(written),
        400,
    )
