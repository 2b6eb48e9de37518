"""Every write to call sheets: building, editing, publishing and sending them."""

from prodoffice.callsheets.services.distribution import (
    confirm,
    publish_call_sheet,
    resend,
    resume_sending,
)
from prodoffice.callsheets.services.edits import (
    CallDetails,
    SheetDetails,
    edit_call,
    edit_call_sheet,
)
from prodoffice.callsheets.services.generate import generate_call_sheet

__all__ = [
    "CallDetails",
    "SheetDetails",
    "confirm",
    "edit_call",
    "edit_call_sheet",
    "generate_call_sheet",
    "publish_call_sheet",
    "resend",
    "resume_sending",
]
