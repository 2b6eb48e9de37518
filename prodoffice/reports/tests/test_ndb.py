"""A non-deductible breakfast on the DPR: entered with a person's times, checked like the meals,
costed under their rules and shown on the page and the PDF beside the meals.

IATSE (iatse728.org, "NDBs, Grace and Extensions", on the Hollywood Basic Agreement): with 30
uninterrupted minutes on the clock to eat it, lunch may start six hours after the NDB ends. (The
demo's performers shoot after the SAG-AFTRA agreement loaded has ended and are not costed, so
the DPR's example is a grip's; SAG-AFTRA's 15-minute NDB is held by the rules' own tests.)
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.callsheets.tests.test_generate import demo
from prodoffice.core.errors import FieldErrors
from prodoffice.productions.models import Production
from prodoffice.reports.selectors import report_document
from prodoffice.reports.services import EntryTimes, edit_times, start_report
from prodoffice.reports.tests.support import (
    at,
    client_for,
    entry_in_union,
    first_entry,
    office_access,
    sheet_with_cast,
    squeezed,
)

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # the call sheets' demo production, as a fixture here too


def test_iatse_ndb_on_the_dpr_moves_the_grips_first_meal(demo: Production) -> None:
    # A pre-call at 05:00 and lunch at 13:00: 2 hours past the 11:00 deadline from the call.
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = entry_in_union(report, "IATSE Local 80")
    name = entry.engagement.contact.name
    day = EntryTimes(
        call=at(report, 5),
        meal1_start=at(report, 13),
        meal1_end=at(report, 13, 30),
        wrap=at(report, 17, 30),
        status="W",
    )
    edit_times(access=office_access(), entry=entry, times=day)
    before = report_document(report, money=True)
    assert [v.explanation for v in before.violations if v.name == name] == [
        "First meal 8 h after the 05:00 call: 4 half hours late, $7.50 + $10 + $12.50 + $12.50 "
        "= $42.50 (IATSE 2024, meal period)"
    ]
    # The grip had a 30-minute NDB at 06:30: lunch was due at 13:00, on time.
    with_ndb = EntryTimes(**{**vars(day), "ndb_start": at(report, 6, 30), "ndb_end": at(report, 7)})
    edit_times(access=office_access(), entry=entry, times=with_ndb)
    entry.refresh_from_db()
    assert (entry.ndb_start, entry.ndb_end) == (at(report, 6, 30), at(report, 7))
    after = report_document(report, money=True)
    assert [v for v in after.violations if v.name == name] == []
    line = next(p for p in after.crew if p.pk == entry.pk)
    assert line.hours == Decimal("12.0")  # the NDB is paid, not deducted

    page = client_for().get(reverse("report_detail", args=["DEMO", report.pk]))
    assert "06:30\N{EN DASH}07:00" in page.content.decode()
    pdf = client_for("producer").get(reverse("report_pdf", args=["DEMO", report.pk]))
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert squeezed("NDB") in squeezed(text)
    assert squeezed("06:30-07:00") in squeezed(text)


def test_an_ndb_after_the_first_meal_is_refused_beside_the_field_and_nothing_saved(
    demo: Production,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    with pytest.raises(FieldErrors) as refused:
        edit_times(
            access=office_access(),
            entry=entry,
            times=EntryTimes(
                call=at(report, 7),
                ndb_start=at(report, 13),
                ndb_end=at(report, 13, 30),
                meal1_start=at(report, 12),
                meal1_end=at(report, 12, 30),
                wrap=at(report, 19),
            ),
        )
    assert "comes before the first meal" in refused.value.errors["ndb_start"]
    with pytest.raises(FieldErrors) as backwards:
        edit_times(
            access=office_access(),
            entry=entry,
            times=EntryTimes(
                call=at(report, 7), ndb_start=at(report, 8), ndb_end=at(report, 7, 45)
            ),
        )
    assert "the NDB ends (07:45) before it starts (08:00)" in backwards.value.errors["ndb_end"]
    url = reverse("report_entry_edit", args=["DEMO", report.pk, entry.pk])
    day = report.day.date.isoformat()
    answer = client_for().post(
        url,
        {"call": f"{day}T07:00", "ndb_start": f"{day}T06:00", "ndb_end": f"{day}T06:30"},
    )
    assert answer.status_code == 400
    assert "outside the day from call to wrap" in answer.content.decode()
    entry.refresh_from_db()
    assert entry.ndb_start is None and entry.ndb_end is None


def test_an_ndb_with_one_end_is_saved_and_flagged_missing(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(call=at(report, 7), ndb_start=at(report, 7, 30), wrap=at(report, 17)),
    )
    line = next(p for p in report_document(report, money=True).crew if p.pk == entry.pk)
    assert line.missing == ("NDB end",)
    assert not line.costed
