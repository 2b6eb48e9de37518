"""The contact sheet: the crew list as the reader may see it, as CSV, XLSX or PDF.

CSV and XLSX use the importer's column headers with the header in row 1, so an exported
sheet can be edited and imported again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from prodoffice.core.pdf import render_pdf
from prodoffice.core.spreadsheets import Value, append_row, csv_text, write_cell
from prodoffice.domain.access import Capability
from prodoffice.domain.people.crew_sheet import HEADERS
from prodoffice.people import selectors
from prodoffice.people.filters import CrewFilter
from prodoffice.productions.access import ProductionAccess

TEMPLATE = Path(__file__).parent / "documents" / "contact_sheet.typ"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
HIDDEN_CONTACT = "via production office"
COLUMNS = [
    "first_name",
    "last_name",
    "position",
    "department",
    "cast_number",
    "character",
    "phone",
    "email",
    "status",
    "union_member",
    "union_name",
    "start_date",
    "end_date",
]
RATE_COLUMNS = ["rate", "rate_unit"]


@dataclass(frozen=True)
class ContactSheetRow:
    department: str
    department_order: int
    first_name: str
    last_name: str
    position: str
    cast_number: int | None
    character: str
    phone: str  # blank when the reader may not see it: see `contact_hidden`
    email: str
    contact_hidden: bool
    status: str
    union_member: bool
    union_name: str
    start_date: date | None
    end_date: date | None
    rate: Decimal | None  # None also when the reader may not see rates
    rate_unit: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ContactSheet:
    code: str
    title: str
    made_on: date
    show_rates: bool
    rows: list[ContactSheetRow]

    @property
    def columns(self) -> list[str]:
        return COLUMNS + RATE_COLUMNS if self.show_rates else COLUMNS

    def filename(self, fmt: str) -> str:
        return f"{self.code}-contact-sheet-{self.made_on.isoformat()}.{fmt}"


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes


def contact_sheet(access: ProductionAccess, crew_filter: CrewFilter) -> ContactSheet:
    """The crew list page's rows under the same filter, less what the reader may not see."""
    show_rates = access.can(Capability.VIEW_RATES)
    rows = []
    for e in selectors.crew_list(access, crew_filter):
        shown = selectors.shows_contact_details(access, e)
        rows.append(
            ContactSheetRow(
                department=e.department.name,
                department_order=e.department.order,
                first_name=e.contact.first_name,
                last_name=e.contact.last_name,
                position=e.position,
                cast_number=e.cast_number,
                character=e.character,
                phone=e.contact.phone if shown else "",
                email=e.contact.email if shown else "",
                contact_hidden=not shown,
                status=e.get_status_display(),
                union_member=e.union_member,
                union_name=e.union_name,
                start_date=e.start_date,
                end_date=e.end_date,
                rate=e.rate if show_rates else None,
                rate_unit=e.get_rate_unit_display() if show_rates else "",
            )
        )
    production = access.production
    return ContactSheet(
        code=production.code,
        title=production.title,
        made_on=timezone.localdate(timezone=ZoneInfo(production.time_zone)),
        show_rates=show_rates,
        rows=rows,
    )


def export_contact_sheet(
    *, access: ProductionAccess, crew_filter: CrewFilter, fmt: str
) -> ExportFile:
    """The contact sheet as a file to download; `fmt` is one of CONTENT_TYPES."""
    sheet = contact_sheet(access, crew_filter)
    writers = {"csv": as_csv, "xlsx": as_xlsx, "pdf": as_pdf}
    return ExportFile(sheet.filename(fmt), CONTENT_TYPES[fmt], writers[fmt](sheet))


def _cell(row: ContactSheetRow, column: str) -> Value:
    value = getattr(row, column)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def as_csv(sheet: ContactSheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_text(HEADERS[column]) for column in sheet.columns])
    for row in sheet.rows:
        writer.writerow([csv_text(_cell(row, column)) for column in sheet.columns])
    # The byte order mark makes Excel read the file as UTF-8 rather than the Windows code page.
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(sheet: ContactSheet) -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Contact sheet"
    append_row(ws, [HEADERS[column] for column in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(HEADERS[column]) for column in sheet.columns]
    for line, row in enumerate(sheet.rows, start=2):
        for index, column in enumerate(sheet.columns):
            value = _cell(row, column)
            cell = write_cell(ws, line, index + 1, value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            widths[index] = max(widths[index], len(csv_text(value)))
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(width + 2, 45)
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_pdf(sheet: ContactSheet) -> bytes:
    # Grouped by department in call-sheet order; within one, the crew list's own order holds.
    ordered = sorted(sheet.rows, key=lambda row: row.department_order)
    departments = [
        {
            "name": name,
            "people": [
                {
                    "name": row.name,
                    "position": _position(row),
                    "phone": row.phone,
                    "email": row.email,
                    "hidden": row.contact_hidden,
                    "rate": _rate(row),
                }
                for row in rows
            ],
        }
        for (_, name), rows in groupby(ordered, key=lambda r: (r.department_order, r.department))
    ]
    data = {
        "title": sheet.title,
        "code": sheet.code,
        "date": f"{sheet.made_on:%B} {sheet.made_on.day}, {sheet.made_on.year}",
        "show_rates": sheet.show_rates,
        "hidden_contact": HIDDEN_CONTACT,
        "count": len(sheet.rows),
        "departments": departments,
    }
    return render_pdf(TEMPLATE, data)


def _position(row: ContactSheetRow) -> str:
    if row.cast_number is None:
        return row.position
    character = f" {row.character}" if row.character else ""
    return f"{row.position} · #{row.cast_number}{character}"


def _rate(row: ContactSheetRow) -> str:
    if row.rate is None:
        return ""
    return f"{row.rate:,.2f} {row.rate_unit}"
