"""Reads of call sheets, permission-scoped: the sheets and shoot days, and one sheet's document."""

from prodoffice.callsheets.selectors.document import CallSheetDocument, call_sheet_document
from prodoffice.callsheets.selectors.sheets import (
    DaySheet,
    access_call,
    access_call_sheet,
    call_sheets,
    current_schedule,
    day_sheet,
    shoot_day,
    shoot_day_sheets,
    status_label,
)

__all__ = [
    "CallSheetDocument",
    "DaySheet",
    "access_call",
    "access_call_sheet",
    "call_sheet_document",
    "call_sheets",
    "current_schedule",
    "day_sheet",
    "shoot_day",
    "shoot_day_sheets",
    "status_label",
]
