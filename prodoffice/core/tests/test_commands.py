"""The `prodoffice` command as a newcomer runs it: a real process, a real port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from prodoffice.demo.services import DEMO_CODE
from prodoffice.productions.models import Production
from prodoffice.scheduling.checks import board_checks

ROOT = Path(__file__).resolve().parents[3]
LINK_TOKEN = "Zx9-personal-link-token-that-must-not-be-logged"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.django_db
def test_demo_if_empty_makes_the_demo_once_and_prints_the_login(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("demo", if_empty=True, optimizer_seconds=2)
    first = capsys.readouterr().out
    assert "Demo login: user 'coordinator', password 'demo'" in first
    production = Production.objects.get(code=DEMO_CODE)
    assert production.engagements.filter(cast_number__isnull=False).count() == 10
    crew = production.engagements.filter(cast_number__isnull=True)
    assert 35 <= crew.count() <= 45
    assert crew.values("department").distinct().count() >= 12
    assert production.vendors.count() == 8
    script = production.scripts.get()
    assert script.is_locked
    assert script.revisions.get().scenes.count() == 66
    first_pass, optimised = production.schedules.order_by("created_at")
    assert first_pass.name == "First pass"
    assert 25 <= first_pass.days.count() <= 35  # a 30-day feature's first pass
    # The schedule the demo opens on is the optimizer's, accepted and published.
    assert (optimised.is_current, optimised.status) == (True, "published")
    assert first_pass.runs.get().accepted_as == optimised
    rules = board_checks(optimised).messages
    assert not [m for m in rules if "not available" in m or "cannot be had" in m], rules
    assert len(rules) < len(board_checks(first_pass).messages)
    call_command("demo", if_empty=True)
    assert "left as is" in capsys.readouterr().out
    assert Production.objects.get(code=DEMO_CODE).pk == production.pk


@pytest.mark.django_db
def test_demo_without_the_flag_recreates_it() -> None:
    call_command("demo", optimizer_seconds=1)
    first = Production.objects.get(code=DEMO_CODE).pk
    call_command("demo", optimizer_seconds=1)
    assert Production.objects.get(code=DEMO_CODE).pk != first
    assert Production.objects.filter(code=DEMO_CODE).count() == 1


def _status_of(url: str, **headers: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_serve_migrates_serves_masks_personal_links_in_its_log_and_stops_on_ctrl_c(
    tmp_path: Path,
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "PRODOFFICE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
    }
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "prodoffice.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as reply:
                    body = reply.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        assert "Log in" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/core/prodoffice.css") as css:
            assert b"--accent" in css.read()
        assert (tmp_path / "var" / "prodoffice.sqlite3").exists()
        # A personal link's token opens a person's page: it must not reach the logs.
        link = f"http://127.0.0.1:{port}/me/{LINK_TOKEN}/"
        assert _status_of(link) == 404
        assert _status_of(link + "calendar.ics?x=1", Referer=link) == 404
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert f"serving at http://127.0.0.1:{port}/" in output
    # Ctrl-C is gunicorn's quick shutdown: a request still in flight may be cut off then, and
    # gunicorn logs that. Everything before the interrupt must have run without an error.
    before_interrupt = output.split("Handling signal")[0]
    assert "Traceback" not in before_interrupt, output
    assert "No directory at" not in output
    assert '"GET /login/ HTTP/1.1" 200' in output  # the access log is on
    assert '"GET /me/[link]/ HTTP/1.1" 404' in output
    assert '"GET /me/[link]/calendar.ics?x=1 HTTP/1.1" 404' in output
    assert "Not Found: /me/[link]/" in output  # Django's own line for the 404
    assert LINK_TOKEN not in output
