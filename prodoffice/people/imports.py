"""Crew list import: a CSV/XLSX file read and checked row by row, then hired in one transaction.

The file is read and checked before the transaction opens, and the rows are written together
in a few inserts: on SQLite every other write waits while a transaction is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Capability
from prodoffice.domain.people.crew_sheet import (
    CrewSheet,
    CrewSheetError,
    RowError,
    SheetRow,
    parse_amount,
    parse_choice,
    parse_date,
    parse_whole_number,
    parse_yes_no,
    read_crew_sheet,
)
from prodoffice.people.choices import EngagementStatus, RateUnit
from prodoffice.people.models import Engagement
from prodoffice.people.services import (
    MAX_CAST_NUMBER,
    ContactDetails,
    EngagementDetails,
    HireRefused,
    NewHire,
    check_hires,
    hire_crew,
)
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Department

_STATUSES = {value: [label] for value, label in EngagementStatus.choices}
# How rate units are written on deal memos and crew lists, besides the value and the label.
_UNIT_WORDS = {
    "hour": ["hourly", "hr"],
    "day": ["daily"],
    "week": ["weekly", "wk"],
    "flat": ["fee"],
}
_UNITS = {value: [label, *_UNIT_WORDS.get(value, [])] for value, label in RateUnit.choices}
_RATE_FIELDS = ("rate", "rate_unit")

T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    imported: int
    errors: list[RowError]
    rows_seen: int
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({error.line for error in self.errors})


@dataclass(frozen=True)
class _Hire:
    line: int
    hire: NewHire


def import_crew(
    *,
    access: ProductionAccess,
    filename: str,
    content: bytes,
    valid_rows_only: bool,
    on_stage: Callable[[str], object] = lambda stage: None,
) -> ImportResult:
    """Hire everyone on the crew list in the file, or nobody while any row is bad.

    With `valid_rows_only` the good rows are hired and the bad ones reported and skipped.
    A file that cannot be read at all raises RuleBroken with what is wrong with it.
    """
    access.require(Capability.EDIT_PEOPLE)
    on_stage(f"Reading {filename}")
    try:
        sheet = read_crew_sheet(filename, content)
    except CrewSheetError as error:
        raise RuleBroken(str(error), field="file") from None
    ignored = list(sheet.ignored_columns)
    if not access.can(Capability.VIEW_RATES):
        # hire_person drops rates for roles that may not see them; say so instead of checking them.
        ignored += [sheet.columns[name] for name in _RATE_FIELDS if name in sheet.columns]
    if not sheet.rows:
        raise RuleBroken("The file has a header row but nobody on it.", field="file")
    on_stage(f"Checking {len(sheet.rows):,} rows")
    departments = {d.name.casefold(): d for d in access.production.departments.all()}
    rows = [_read_row(access, sheet, row, departments) for row in sheet.rows]
    checked = check_hires(access=access, hires=[hire for hire, _ in rows])
    hires: list[_Hire] = []
    errors: list[RowError] = []
    cast_lines: dict[int, int] = {}
    for row, (_, problems), (tidied, rule_problems) in zip(sheet.rows, rows, checked, strict=True):
        # A cell that could not be read keeps its own message; the shared rules add the rest.
        for name, message in rule_problems.items():
            problems.setdefault(name, message)
        row_errors = [RowError(row.line, sheet.column(n), m) for n, m in problems.items()]
        number = tidied.engagement.cast_number
        if number is not None:
            first_line = cast_lines.setdefault(number, row.line)
            if first_line != row.line:
                row_errors.append(
                    RowError(
                        row.line,
                        sheet.column("cast_number"),
                        f"Cast number {number} is also on line {first_line}.",
                    )
                )
        errors += row_errors
        if not row_errors:
            hires.append(_Hire(row.line, tidied))
    order = list(sheet.columns.values())
    errors.sort(key=lambda e: (e.line, order.index(e.column) if e.column in order else len(order)))
    if errors and not valid_rows_only:
        return ImportResult(0, errors, len(sheet.rows), ignored)
    on_stage(f"Adding {len(hires):,} people to the crew list")
    try:
        hire_crew(access=access, hires=[hire.hire for hire in hires])
    except HireRefused as error:
        # Someone else saved a clashing row (a cast number) between the check and the write;
        # nothing was written, so the whole import is refused, as for any bad row.
        line = hires[error.index].line
        late = [RowError(line, sheet.column(name), text) for name, text in error.errors.items()]
        return ImportResult(0, errors + late, len(sheet.rows), ignored)
    except RuleBroken as error:
        first = hires[0].line if hires else 0
        late = [RowError(first, sheet.column(error.field or ""), error.message)]
        return ImportResult(0, errors + late, len(sheet.rows), ignored)
    return ImportResult(len(hires), errors, len(sheet.rows), ignored)


def _read_row(
    access: ProductionAccess,
    sheet: CrewSheet,
    row: SheetRow,
    departments: dict[str, Department],
) -> tuple[NewHire, dict[str, str]]:
    """The row as the details hire_crew takes, and the cells that could not be read (by field)."""
    cell = row.values.get
    problems: dict[str, str] = {}

    def parsed(name: str, result: tuple[T | None, str | None]) -> T | None:
        value, problem = result
        if problem:
            problems[name] = problem
        return value

    department = departments.get(cell("department", "").casefold())
    if not cell("department", ""):
        problems["department"] = "Enter the department."
    elif department is None:
        names = ", ".join(d.name for d in departments.values())
        problems["department"] = (
            f"No department is called {cell('department')!r}. This production has: {names}."
        )
    cast_number = parsed(
        "cast_number",
        parse_whole_number(cell("cast_number", ""), maximum=MAX_CAST_NUMBER),
    )
    rate: Decimal | None = None
    rate_unit: str | None = None
    if access.can(Capability.VIEW_RATES):
        rate_field = Engagement._meta.get_field("rate")
        rate = parsed(
            "rate",
            parse_amount(
                cell("rate", ""),
                max_digits=rate_field.max_digits or 10,
                decimal_places=rate_field.decimal_places or 2,
            ),
        )
        rate_unit = parsed("rate_unit", parse_choice(cell("rate_unit", ""), _UNITS, what="unit"))
    status = parsed("status", parse_choice(cell("status", ""), _STATUSES, what="status"))
    start_date: date | None = parsed("start_date", parse_date(cell("start_date", "")))
    end_date: date | None = parsed("end_date", parse_date(cell("end_date", "")))
    union_member = parsed("union_member", parse_yes_no(cell("union_member", "")))

    contact = ContactDetails(
        first_name=cell("first_name", ""),
        last_name=cell("last_name", ""),
        email=cell("email", ""),
        phone=cell("phone", ""),
        address=cell("address", ""),
        emergency_contact_name=cell("emergency_contact_name", ""),
        emergency_contact_phone=cell("emergency_contact_phone", ""),
        dietary_needs=cell("dietary_needs", ""),
        notes=cell("notes", ""),
    )
    engagement = EngagementDetails(
        department_id=department.pk if department else 0,
        position=cell("position", ""),
        cast_number=cast_number,
        character=cell("character", ""),
        rate=rate,
        rate_unit=rate_unit or RateUnit.DAY,
        start_date=start_date,
        end_date=end_date,
        union_member=bool(union_member),
        union_name=cell("union_name", ""),
        status=status or EngagementStatus.OFFERED,
    )
    return NewHire(contact, engagement), problems
