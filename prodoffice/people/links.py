"""Opening a personal link from a request: counted per address, and a clear answer when the
link does not work (a mistyped, old or revoked link is the common case, not an attack)."""

from __future__ import annotations

from django.http import HttpRequest

from prodoffice.core import throttle
from prodoffice.core.throttle import LINK_ADDRESS
from prodoffice.core.views import NotFoundSaying
from prodoffice.people.models import Contact
from prodoffice.people.services import open_personal_link

LINK_GONE = (
    "This link does not work: it was mistyped, or the production office has replaced it. "
    "Ask the production office for a new link."
)


def contact_for_link(request: HttpRequest, token: str) -> Contact:
    """The person a live link belongs to; raises Throttled past the limit of wrong links."""
    address = throttle.client_address(request)
    throttle.refuse_if_throttled(LINK_ADDRESS, address)
    contact = open_personal_link(token)
    if contact is None:
        throttle.count_failure(LINK_ADDRESS, address)
        raise NotFoundSaying("This link does not work", LINK_GONE)
    return contact
