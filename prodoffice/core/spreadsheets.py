"""Every CSV and XLSX export writes its cells here, so no text becomes a formula.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula: a crew member named =HYPERLINK(...) or a set called =cmd|... would run on the
office's computer when the sheet is opened (OWASP, "CSV Injection"). In XLSX every text cell
is stored as text, exactly as typed; in CSV, which has no types, such text gets a leading
apostrophe, which the crew importer takes off again. Numbers and dates stay numbers and dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

Value = str | int | Decimal | date | None

# A phone number such as +44 20 7946 0958 or -0199 is left alone: digits, spaces and
# punctuation make no formula a spreadsheet could run.
_FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+\-](?![\d\s().\-/x]*$))")


def csv_text(value: Value) -> str:
    """A value as a CSV field: dates as ISO dates, text that would be a formula defused."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _FORMULA_START.match(value):
        return f"'{value}"
    return str(value)


def write_cell(ws: Worksheet, row: int, column: int, value: Value) -> Cell:
    """One XLSX cell; text is always stored as text, never as a formula."""
    if isinstance(value, str):
        # Control characters are not allowed in the file format; they would corrupt it.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def append_row(ws: Worksheet, values: Iterable[Value]) -> int:
    """A row below the last (as `Worksheet.append`), its text stored as text; its number."""
    row = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]
    ws.append(row)
    number = ws.max_row
    for column, value in enumerate(row, start=1):
        if isinstance(value, str):
            ws.cell(row=number, column=column).data_type = "s"
    return number
