"""`prodoffice serve` on PostgreSQL as an office uses it: many people at once, right after a
start, each on their own session, against real gunicorn workers; and its background worker,
killed, started again."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from prodoffice.core.models import WorkerBeat
from prodoffice.core.tests.personas import PASSWORD, make_user
from prodoffice.core.tests.processes import ROOT, prodoffice_env
from prodoffice.productions.services import ProductionDetails, create_production

PEOPLE = 8
REQUESTS = 240


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A running `prodoffice serve`, its output read as it comes (a full pipe would stall it)."""

    def __init__(self, url: str, process: subprocess.Popen[str]) -> None:
        self.url, self.process = url, process
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, pattern: str) -> re.Match[str]:
        """The first line of output matching `pattern`, once it is written."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            time.sleep(0.05)
        raise AssertionError(f"serve never wrote {pattern!r}:\n{''.join(self.lines)}")

    def output(self) -> str:
        """Stop it as Ctrl-C does; everything it wrote."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        self.reader.join(timeout=5)
        return "".join(self.lines)


def start_serve(tmp_path: Path, *arguments: str, **variables: str) -> Server:
    """`prodoffice serve` in its own process on a free port, on the test database, once it
    answers; `variables` are set in its environment."""
    port = _free_port()
    env = prodoffice_env(tmp_path, **variables)
    process = subprocess.Popen(
        [sys.executable, "-m", "prodoffice.cli", "serve", "--port", str(port), *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # The login form reads nothing from the database: waiting on it uses no connection.
            with urllib.request.urlopen(f"{url}/login/", timeout=2):
                return Server(url, process)
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"serve did not start:\n{Server(url, process).output()}")


@pytest.fixture
def postgres(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only: run with DATABASE_URL=postgres://... (CI's second pass)")


@dataclass
class Person:
    username: str
    title: str
    opener: urllib.request.OpenerDirector

    def get(self, url: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        """Status, final address and body of one request on this person's own session."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, data=body, timeout=5) as reply:
                return reply.status, reply.url, reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, url, error.read().decode(errors="replace")


def _people() -> list[Person]:
    people = []
    for n in range(PEOPLE):
        user = make_user(f"producer{n}")
        production = create_production(
            by_operator=True,
            creator=user,
            code=f"SHOW{n}",
            details=ProductionDetails(
                title=f"Picture Number {n} Of Eight",
                kind="feature",
                shoot_start=date(2027, 3, 1),
                shoot_end=date(2027, 4, 9),
            ),
        )
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        people.append(Person(user.username, production.title, opener))
    return people


def _log_in(server: Server, person: Person) -> str:
    try:
        return _try_log_in(server, person)
    except OSError as error:  # a worker stuck on a reply another process took
        return f"{person.username}: login {error}"


def _try_log_in(server: Server, person: Person) -> str:
    status, _, form = person.get(f"{server.url}/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    if status != 200 or token is None:
        return f"{person.username}: login page answered {status}"
    fields = {"csrfmiddlewaretoken": token[1], "username": person.username, "password": PASSWORD}
    status, url, _ = person.get(f"{server.url}/login/", fields)
    if status != 200 or url.rstrip("/") != server.url:
        return f"{person.username}: login answered {status} at {url}"
    return ""


def _problem(server: Server, person: Person, n: int, seen: threading.Event) -> str:
    """What is wrong with one page as this person sees it; empty when nothing is."""
    if seen.is_set():
        return ""  # one problem fails the test: the rest need not wait for their timeouts
    problem = _page_problem(server, person, n)
    if problem:
        seen.set()
    return problem


def _page_problem(server: Server, person: Person, n: int) -> str:
    page = f"{server.url}/" if n % 2 else f"{server.url}/p/SHOW{person.username[-1]}/"
    try:
        status, url, body = person.get(page)
    except OSError as error:
        return f"{person.username} {page}: {error}"
    if status >= 500:
        return f"{person.username} {page}: {status}"
    if "/login/" in url:
        return f"{person.username} {page}: sent to the login page"
    if person.title not in body:
        return f"{person.username} {page}: {status} without their production"
    others = set(re.findall(r"Picture Number \d Of Eight", body)) - {person.title}
    if others:
        return f"{person.username} {page}: shows {sorted(others)}"
    return ""


@pytest.fixture
def serving(postgres: None, tmp_path: Path) -> Iterator[Server]:
    # The test settings only for their quick password hasher: a real one takes a second of
    # the two cores per login.
    server = start_serve(
        tmp_path, "--workers", "2", "--no-worker", DJANGO_SETTINGS_MODULE="config.settings.test"
    )
    try:
        yield server
    finally:
        server.output()


@pytest.mark.postgres
def test_many_people_at_once_on_a_fresh_server_each_see_only_their_own_production(
    serving: Server,
) -> None:
    people = _people()
    with ThreadPoolExecutor(max_workers=PEOPLE * 2) as pool:
        logins = list(pool.map(lambda person: _log_in(serving, person), people))
        assert [problem for problem in logins if problem] == []
        seen = threading.Event()
        pages = pool.map(
            lambda n: _problem(serving, people[n % PEOPLE], n // PEOPLE, seen), range(REQUESTS)
        )
        problems = [problem for problem in pages if problem]
    assert problems == []
    output = serving.output()
    assert "Traceback" not in output.split("Handling signal")[0], output


def _wait_for(find: Callable[[], WorkerBeat | None]) -> WorkerBeat:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if (found := find()) is not None:
            return found
        time.sleep(0.1)
    raise AssertionError("no background worker gave a sign of life")


@pytest.mark.postgres
def test_a_killed_background_worker_is_started_again_and_why_it_stopped_is_logged(
    postgres: None, tmp_path: Path
) -> None:
    server = start_serve(tmp_path, "--workers", "1", WORKER_BEAT_SECONDS="0.2")
    try:
        first = int(server.wait_for(r"Background worker started \(pid (\d+)\)")[1])
        os.kill(first, signal.SIGKILL)
        server.wait_for(rf"Background worker \(pid {first}\) was killed by SIGKILL")
        # Started again, it is at work: it gives signs of life.
        second = _wait_for(lambda: WorkerBeat.objects.exclude(pid=first).first())
    finally:
        output = server.output()
    assert f"Background worker started (pid {second.pid})" in output
    # Stopped on purpose with serve, the new worker says so: no sign of life is left behind.
    assert not WorkerBeat.objects.filter(pid=second.pid).exists()
    assert "Traceback" not in output, output
