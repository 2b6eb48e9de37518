"""Day Out of Days as a spreadsheet: the printed grid, with dates as dates and totals as numbers.

Rows 1-2 say what the sheet is; row 4 holds the day numbers (or Off, Hol, Trv), row 5 their
dates; a line per element follows, then the legend of codes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from prodoffice.core.spreadsheets import Value, append_row
from prodoffice.domain.scheduling.dood import Code
from prodoffice.scheduling.reports import DoodSheet, day_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_ROW = 4  # day numbers; the dates are on the row below
# The DOOD page's colours (prodoffice.css): starts and finishes blue, holds amber.
_FILLS = {
    Code.START_WORK: "E0EFFF",
    Code.WORK_FINISH: "E0EFFF",
    Code.START_WORK_FINISH: "E0EFFF",
    Code.HOLD: "FFF7E0",
    Code.HOLIDAY: "EEEEEE",
}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content: bytes


def day_out_of_days_xlsx(sheet: DoodSheet) -> ExportFile:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = f"DOOD {sheet.title}"[:31].replace("/", "-")
    schedule = sheet.schedule
    # Every row through append_row: a title, a name or a set is text, never a formula.
    title = f"{schedule.production.title} — {schedule.name} — Day Out of Days: {sheet.title}"
    append_row(ws, [title])
    ws["A1"].font = Font(bold=True, size=13)
    draft = f"{schedule.revision.script.title}, {schedule.revision.color} draft"
    append_row(ws, [f"{draft} · printed {sheet.printed.isoformat()}"])
    append_row(ws, [])
    totals = sheet.totals_columns
    first_total = len(sheet.days) + 2
    days = [day_label(day) for day in sheet.days]
    append_row(ws, ["Day", *days, *[label for _, label in totals]])
    append_row(ws, ["Date", *[day.date for day in sheet.days]])
    for cell in (*ws[HEADER_ROW], *ws[HEADER_ROW + 1]):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column in range(2, first_total):
        ws.cell(row=HEADER_ROW + 1, column=column).number_format = "ddd m/d"
    for line in sheet.lines:
        values: list[Value] = [line.label]
        values += [str(code) or None for code in line.codes]
        values += [getattr(line.totals, key) for key, _ in totals]
        row = append_row(ws, values)
        for index, code in enumerate(line.codes, start=2):
            cell = ws.cell(row=row, column=index)
            cell.alignment = Alignment(horizontal="center")
            if code in _FILLS:
                cell.fill = PatternFill("solid", fgColor=_FILLS[code])
        for index in range(first_total, first_total + len(totals)):
            cell = ws.cell(row=row, column=index)
            if isinstance(cell.value, date):
                cell.number_format = "m/d/yyyy"
    append_row(ws, [])
    ws.cell(row=append_row(ws, ["Codes"]), column=1).font = Font(bold=True)
    for mark, meaning in sheet.legend:
        append_row(ws, [mark, meaning])
    ws.column_dimensions["A"].width = max([12, *(len(line.label) + 2 for line in sheet.lines)])
    for column in range(2, first_total):
        ws.column_dimensions[get_column_letter(column)].width = 8
    for column in range(first_total, first_total + len(totals)):
        ws.column_dimensions[get_column_letter(column)].width = 10
    ws.freeze_panes = f"B{HEADER_ROW + 2}"
    ws.page_setup.orientation = "landscape"
    out = io.BytesIO()
    book.save(out)
    name = slugify(schedule.name) or "schedule"
    prefix, printed = schedule.production.code, sheet.printed.isoformat()
    return ExportFile(f"{prefix}-{name}-dood-{sheet.of}-{printed}.xlsx", out.getvalue())
