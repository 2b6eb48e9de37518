"""`prodoffice resume-sending`: queue again the e-mails (call sheets, production reports) a
stopped worker left.

`prodoffice serve` runs it on start, so a restart finishes every distribution in progress.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from prodoffice.callsheets.services import resume_sending
from prodoffice.reports.publishing import resume_report_sending


class Command(BaseCommand):
    help = "Queue the sending of every call sheet and DPR e-mail still waiting (serve runs it)."

    def handle(self, *args: Any, **options: Any) -> None:
        issues = resume_sending()
        if issues:
            self.stdout.write(f"Sending resumed for {issues} call sheet issue(s).")
        reports = resume_report_sending()
        if reports:
            self.stdout.write(f"Sending resumed for {reports} production report(s).")
