"""Every write to call sheets: building, editing, publishing and sending them."""

from prodoffice.callsheets.services.generate import generate_call_sheet

__all__ = ["generate_call_sheet"]
