"""A report changed after it was sent: the page then offers to publish the correction."""

from __future__ import annotations

from prodoffice.reports.models import DailyReport


def note_change(report_id: int) -> None:
    """Every edit calls this after writing; only a published report is marked (one query)."""
    DailyReport.objects.filter(pk=report_id, status=DailyReport.Status.PUBLISHED).update(
        changed_since_sent=True
    )
