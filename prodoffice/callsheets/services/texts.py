"""A person's call sent as a text message through the configured gateway (SMS_BACKEND)."""

from __future__ import annotations

from prodoffice.callsheets.models import Delivery
from prodoffice.callsheets.sms import gateway
from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess


def text_call(*, access: ProductionAccess, delivery: Delivery, text: str) -> str:
    """Send `text` (the person's call, as the sending page shows it) to their phone.

    Returns the number it went to; refusals, the gateway's own included, are RuleBroken
    with a sentence the office can act on.
    """
    access.require(Capability.EDIT_CALL_SHEETS)
    if delivery.issue.call_sheet.production_id != access.production.pk:
        raise RuleBroken("That call sheet is not on this production.")
    texts = gateway()
    if texts is None:
        raise RuleBroken("No text-message gateway is set up (SMS_BACKEND): copy the text.")
    contact = delivery.engagement.contact
    if not contact.phone:
        raise RuleBroken(f"{contact.name} has no phone number on file.")
    try:
        texts.send(contact.phone, text)
    except Exception as error:  # the gateway's own refusal, shown as it says it
        raise RuleBroken(f"The text to {contact.phone} was not sent: {error}") from error
    return contact.phone
