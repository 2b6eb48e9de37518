"""Publishing a daily production report: it goes, as a PDF, to the producers and department
heads, each e-mail a row with a status, sent through the outbox (`prodoffice.core.sending`) by
the background worker after the commit, as call sheets are.

Each reads the PDF their role may: pay and penalties only for those who see rates (an hourly
rate reads through a meal premium), so a publish renders at most two PDFs, kept on the report.
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from prodoffice.core import history, sending
from prodoffice.core.errors import RuleBroken
from prodoffice.core.mail import compose
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability, Role, role_can
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership
from prodoffice.reports.models import DailyReport, ReportDelivery

# Who the DPR goes to (DESIGN.md: producers and department heads).
RECIPIENTS = (Role.PRODUCER, Role.DEPARTMENT_HEAD)


class RenderReport(Protocol):
    """The report's PDF, with pay and penalties or without."""

    def __call__(self, report: DailyReport, *, money: bool) -> bytes: ...


@transaction.atomic
def publish_report(
    *, access: ProductionAccess, report: DailyReport, render: RenderReport
) -> list[ReportDelivery]:
    """Mark the report published, keep its PDFs as sent, and queue an e-mail to each producer
    and department head on the production (those without an address are listed as such); the
    PDF with money goes to those whose role sees rates, the one without to everyone else.

    A report changed after it was sent is published again as a correction (its next version),
    to everyone it goes to; one not changed since is not sent twice.
    """
    access.require(Capability.EDIT_REPORTS)
    report = DailyReport.objects.select_for_update().get(pk=report.pk)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    if report.status == DailyReport.Status.PUBLISHED and not report.changed_since_sent:
        raise RuleBroken("This report was sent and has not changed since; nothing to send.")
    version = report.version + 1
    members = Membership.objects.filter(
        production=access.production, role__in=[str(r) for r in RECIPIENTS]
    ).select_related("user")
    deliveries = []
    for member in members:
        email, status, error = (member.user.email or "").strip(), ReportDelivery.Status.QUEUED, ""
        try:
            validate_email(email)
        except ValidationError:
            status = ReportDelivery.Status.UNREACHABLE
            error = "No usable e-mail address: not reachable by e-mail."
        name = member.user.get_full_name() or member.user.get_username()
        deliveries.append(
            ReportDelivery(
                report=report,
                name=name,
                email=email,
                status=status,
                error=error,
                version=version,
                costed=role_can(member.role, Capability.VIEW_RATES),
            )
        )
    ReportDelivery.objects.bulk_create(deliveries)
    before = history.snapshot(report)
    report.status = DailyReport.Status.PUBLISHED
    report.version, report.published_at, report.changed_since_sent = version, timezone.now(), False
    fields = ["status", "version", "published_at", "changed_since_sent", "updated_at"]
    report.save(update_fields=fields)  # first, so the PDF prints the version it is
    report.published_pdf = render(report, money=False)
    costed = any(d.costed and d.status == ReportDelivery.Status.QUEUED for d in deliveries)
    report.published_costed_pdf = render(report, money=True) if costed else None
    report.save(update_fields=["published_pdf", "published_costed_pdf"])
    history.record_change(access, report, ChangeRecord.Action.CHANGED, before=before)
    transaction.on_commit(lambda: send_report.enqueue(report.pk))
    return deliveries


@task()
def send_report(report_pk: int) -> None:
    """The background task: send the report's queued e-mails, one at a time."""
    report = DailyReport.objects.select_related("production", "day").get(pk=report_pk)
    sent = sending.send_waiting(report.deliveries.all(), _Mailing(report).message)
    if sent.server_away:
        sending.retry_later(send_report, report.pk)


def resume_report_sending() -> int:
    """Queue the sending again for every report with e-mail still to go (after a restart)."""
    return sending.resume(ReportDelivery)


class _Mailing:
    """What every e-mail of one report shares: the subject, the link, the PDF."""

    def __init__(self, report: DailyReport) -> None:
        self.report = report
        self.link = settings.SITE_URL + reverse(
            "report_detail", args=[report.production.code, report.pk]
        )
        self.subject = (
            f"Daily production report {report.production.title} · Day {report.day.number}, "
            f"{report.day.date:%a %b %-d}"
        )

    def message(self, delivery: ReportDelivery) -> mail.EmailMessage:
        if delivery.version > 1:  # a correction: said first, in the subject and the message
            subject = f"Corrected: {self.subject}"
            body = (
                f"Hello {delivery.name}, the production report was corrected after it was sent; "
                f"the corrected report (version {delivery.version}) is attached and replaces "
                f"the earlier one.\n\n{self.link}"
            )
        else:
            subject = self.subject
            body = f"Hello {delivery.name}, the production report is attached.\n\n{self.link}"
        message = compose(subject=subject, body=body, to=delivery.email)
        version = f"-v{delivery.version}" if delivery.version > 1 else ""
        # Without a costed PDF (a delivery queued before the latest publish, which had no one
        # who sees rates), the one without money: never money to a reader who may not see it.
        costed = self.report.published_costed_pdf if delivery.costed else None
        message.attach(
            f"dpr-day-{self.report.day.number}{version}.pdf",
            bytes(costed or self.report.published_pdf or b""),
            "application/pdf",
        )
        return message
