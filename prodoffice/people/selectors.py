"""Reads of the crew list, always scoped by the reader's access."""

from __future__ import annotations

from django.http import Http404

from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.people.filters import CrewFilter
from prodoffice.people.models import CrewImport, Engagement, EngagementQuerySet, PersonalLink
from prodoffice.productions.access import ProductionAccess


def crew_list(access: ProductionAccess, crew_filter: CrewFilter) -> EngagementQuerySet:
    rows = Engagement.objects.visible_to(access).select_related("contact", "department")
    return crew_filter.apply(rows, access)


def access_engagement(access: ProductionAccess, engagement_id: int) -> Engagement:
    engagement = (
        Engagement.objects.visible_to(access)
        .select_related("contact", "department", "contact__user")
        .filter(pk=engagement_id)
        .first()
    )
    if engagement is None:
        raise Http404("No such person on this production.")
    return engagement


def access_personal_link(access: ProductionAccess, link_id: int) -> PersonalLink:
    access.require(Capability.MANAGE_PERSONAL_LINKS)
    link = (
        PersonalLink.objects.select_related("contact")
        .filter(pk=link_id, contact__production=access.production)
        .first()
    )
    if link is None:
        raise Http404("No such link.")
    return link


def access_crew_import(access: ProductionAccess, import_id: int) -> CrewImport:
    access.require(Capability.EDIT_PEOPLE)
    job = CrewImport.objects.filter(pk=import_id, production=access.production).defer("content")
    found = job.first()
    if found is None:
        raise Http404("No such import.")
    return found


def shows_contact_details(access: ProductionAccess, engagement: Engagement) -> bool:
    """Cast phone numbers and e-mails stay with the office; everyone sees their own.

    The crew-list search follows the same rule in a query: models.contact_details_visible.
    """
    if not engagement.is_cast or access.can(Capability.VIEW_CAST_CONTACTS):
        return True
    return engagement.contact.user_id == access.user.pk


def shows_personal_details(access: ProductionAccess, engagement: Engagement) -> bool:
    """Home address, emergency contact, dietary/medical needs and notes: the office's, and each
    person's own (Capability.VIEW_PERSONAL_DETAILS says why)."""
    if access.can(Capability.VIEW_PERSONAL_DETAILS):
        return True
    return engagement.contact.user_id is not None and engagement.contact.user_id == access.user.pk


def record_history(access: ProductionAccess, engagement: Engagement) -> list[ChangeRecord]:
    access.require(Capability.VIEW_HISTORY)
    contact_records = ChangeRecord.objects.filter(
        record_type="contact", record_id=str(engagement.contact_id)
    )
    engagement_records = ChangeRecord.objects.filter(
        record_type="engagement", record_id=str(engagement.pk)
    )
    link_ids = [str(pk) for pk in engagement.contact.links.values_list("pk", flat=True)]
    link_records = ChangeRecord.objects.filter(record_type="personallink", record_id__in=link_ids)
    records = (contact_records | engagement_records | link_records).filter(
        production=access.production
    )
    return list(records.select_related("actor")[:200])
