"""Distributing a call sheet to 250 people through a local SMTP server (issue 5 target: 15 s).

    .venv/bin/python bench/call_sheet_send.py             # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/call_sheet_send.py

Builds the demo, hires crew until 250 people are called on a shoot day, generates the call
sheet, then times publish (the issue, the PDF, 250 delivery rows) and the sending (each person
their own e-mail with the PDF attached, through aiosmtpd on 127.0.0.1), end to end.
"""

from __future__ import annotations

import os
import socket
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

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from prodoffice.callsheets.models import Delivery  # noqa: E402
from prodoffice.callsheets.pdf import call_sheet_pdf  # noqa: E402
from prodoffice.callsheets.services import generate_call_sheet, publish_call_sheet  # noqa: E402
from prodoffice.callsheets.services.distribution import send_queued  # noqa: E402
from prodoffice.demo.services import create_demo  # noqa: E402
from prodoffice.people.models import Contact, Engagement  # noqa: E402
from prodoffice.productions.access import access_production  # noqa: E402
from prodoffice.scheduling.models import Schedule  # noqa: E402

PEOPLE = 250


class Count:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.received += 1
        return "250 OK"


def main() -> None:
    call_command("migrate", verbosity=0)
    production = create_demo(today=date.today(), optimizer_seconds=1)  # noqa: DTZ011
    grip = production.departments.get(name="Grip")
    called = Engagement.objects.filter(production=production, status__in=["confirmed", "started"])
    crew = called.filter(cast_number__isnull=True)
    for n in range(PEOPLE - crew.count()):  # 250 crew, and the day's cast
        contact = Contact.objects.create(
            production=production,
            first_name="Extra",
            last_name=f"Hand {n}",
            email=f"hand{n}@example.com",
        )
        Engagement.objects.create(
            production=production,
            contact=contact,
            department=grip,
            position="Grip",
            status="confirmed",
        )
    access = access_production(get_user_model().objects.get(username="coordinator"), "DEMO")
    schedule = Schedule.objects.get(production=production, is_current=True)
    day = schedule.days.filter(kind="shoot").order_by("order")[2]
    sheet = generate_call_sheet(access=access, day=day)
    inbox = Count()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    start = time.perf_counter()
    issue = publish_call_sheet(access=access, sheet=sheet, render=call_sheet_pdf)
    published = time.perf_counter() - start
    sent = send_queued(issue.pk)
    total = time.perf_counter() - start
    server.stop()
    reachable = issue.deliveries.exclude(status=Delivery.Status.UNREACHABLE).count()
    print(f"Database: {connection.vendor}")
    print("| people called | e-mails sent | received | publish s | end to end s | target s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    row = [sheet.calls.count(), f"{sent} of {reachable}", inbox.received]
    print("| " + " | ".join(map(str, row)) + f" | {published:.2f} | {total:.2f} | 15 |")


if __name__ == "__main__":
    main()
