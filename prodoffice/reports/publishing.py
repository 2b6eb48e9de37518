"""Publishing a daily production report: it goes, as a PDF, to the producers and department
heads, each e-mail a row with a status, sent by the background worker after the commit."""

from __future__ import annotations

import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from prodoffice.callsheets.services.distribution import SERVER_AWAY, STALE_CLAIM
from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability, Role
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership
from prodoffice.reports.models import DailyReport, ReportDelivery

# Who the DPR goes to (DESIGN.md: producers and department heads).
RECIPIENTS = (Role.PRODUCER, Role.DEPARTMENT_HEAD)


@transaction.atomic
def publish_report(
    *, access: ProductionAccess, report: DailyReport, render: Callable[[DailyReport], bytes]
) -> list[ReportDelivery]:
    """Mark the report published, keep its PDF as sent, and queue an e-mail to each producer
    and department head on the production (those without an address are listed as such)."""
    access.require(Capability.EDIT_REPORTS)
    report = DailyReport.objects.select_for_update().get(pk=report.pk)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    if report.status == DailyReport.Status.PUBLISHED:
        raise RuleBroken("This report is already published.")
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
            ReportDelivery(report=report, name=name, email=email, status=status, error=error)
        )
    ReportDelivery.objects.bulk_create(deliveries)
    before = history.snapshot(report)
    report.status = DailyReport.Status.PUBLISHED
    report.published_pdf = render(report)
    report.save(update_fields=["status", "published_pdf", "updated_at"])
    history.record_change(access, report, ChangeRecord.Action.CHANGED, before=before)
    transaction.on_commit(lambda: send_report.enqueue(report.pk))
    return deliveries


@task()
def send_report(report_pk: int) -> None:
    send_queued_reports(report_pk)


def send_queued_reports(report_pk: int) -> int:
    """Send the report's queued e-mails, one claim at a time; returns how many went."""
    report = DailyReport.objects.select_related("production", "day").get(pk=report_pk)
    stale = timezone.now() - STALE_CLAIM
    waiting = Q(status=ReportDelivery.Status.QUEUED) | Q(
        status=ReportDelivery.Status.SENDING, updated_at__lt=stale
    )
    pending = list(report.deliveries.filter(waiting).values_list("pk", flat=True))
    sent = 0
    connection = mail.get_connection()
    link = settings.SITE_URL + reverse("report_detail", args=[report.production.code, report.pk])
    subject = (
        f"Daily production report {report.production.title} · Day {report.day.number}, "
        f"{report.day.date:%a %b %-d}"
    )
    try:
        for pk in pending:
            # A queued e-mail, or one a dead worker claimed long ago; never one in hand.
            claimed = ReportDelivery.objects.filter(waiting, pk=pk).update(
                status=ReportDelivery.Status.SENDING, updated_at=timezone.now()
            )
            if not claimed:
                continue
            delivery = ReportDelivery.objects.get(pk=pk)
            message = mail.EmailMessage(
                subject=subject,
                body=f"Hello {delivery.name}, the production report is attached.\n\n{link}",
                to=[delivery.email],
                connection=connection,
            )
            message.attach(
                f"dpr-day-{report.day.number}.pdf",
                bytes(report.published_pdf or b""),
                "application/pdf",
            )
            try:
                connection.open()
                message.send()
            except SERVER_AWAY as error:
                ReportDelivery.objects.filter(pk=pk).update(
                    status=ReportDelivery.Status.QUEUED,
                    error=f"Mail server not reachable ({error}); sent when it is back.",
                )
                return sent
            except (smtplib.SMTPException, OSError, ValueError) as error:
                ReportDelivery.objects.filter(pk=pk).update(
                    status=ReportDelivery.Status.FAILED, error=str(error)[:300]
                )
                continue
            ReportDelivery.objects.filter(pk=pk).update(
                status=ReportDelivery.Status.SENT, sent_at=timezone.now(), error=""
            )
            sent += 1
    finally:
        connection.close()
    return sent


def resume_report_sending() -> int:
    """Queue the sending again for every report with e-mail still to go (after a restart)."""
    reports = list(
        DailyReport.objects.filter(
            deliveries__status__in=[ReportDelivery.Status.QUEUED, ReportDelivery.Status.SENDING]
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    for pk in reports:
        send_report.enqueue(pk)
    return len(reports)
