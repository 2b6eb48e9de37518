from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.callsheets.selectors.deliveries import personal_call_sheets
from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.people import selectors, services
from prodoffice.people.agreements import EngagementAgreement, agreement_of
from prodoffice.people.choices import EngagementStatus
from prodoffice.people.filters import CrewFilter
from prodoffice.people.forms import PersonForm
from prodoffice.people.links import contact_for_link
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling.selectors import personal_schedule


@production_page(Capability.VIEW_CREW_LIST)
def crew_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    crew_filter = CrewFilter.from_params(request.GET)
    rows = list(selectors.crew_list(access, crew_filter))
    context = {
        "rows": rows,
        "filter": crew_filter,
        "departments": access.production.departments.all(),
        "statuses": EngagementStatus.choices,
        "show_rates": access.can(Capability.VIEW_RATES),
        "show_cast_contacts": access.can(Capability.VIEW_CAST_CONTACTS),
        "query": request.GET.urlencode(),
    }
    return render_page(request, "people/crew_list.html", "people/partials/crew_table.html", context)


@production_page(Capability.EDIT_PEOPLE)
def person_new(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    show_rates = access.can(Capability.VIEW_RATES)
    form = PersonForm(request.POST or None, production=access.production, show_rates=show_rates)
    if request.method == "POST" and form.is_valid():
        try:
            engagement = services.hire_person(
                access=access,
                contact=form.contact_details(),
                engagement=form.engagement_details(),
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{engagement.contact.name} added to the crew list.")
            _say_agreement(request, agreement_of(engagement), show_rates=show_rates)
            return redirect("person_detail", access.production.code, engagement.pk)
    status = 400 if form.errors else 200
    return render(request, "people/person_form.html", {"form": form, "is_new": True}, status=status)


@production_page(Capability.VIEW_CREW_LIST)
def person_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    engagement = selectors.access_engagement(access, pk)
    can_history = access.can(Capability.VIEW_HISTORY)
    records = selectors.record_history(access, engagement) if can_history else []
    context = {
        "e": engagement,
        "contact": engagement.contact,
        "show_contact": selectors.shows_contact_details(access, engagement),
        "show_personal": selectors.shows_personal_details(access, engagement),
        "show_rates": access.can(Capability.VIEW_RATES),
        "show_paperwork": access.can(Capability.VIEW_PAPERWORK),
        "links": (
            list(engagement.contact.links.all())
            if access.can(Capability.MANAGE_PERSONAL_LINKS)
            else []
        ),
        "records": history.readable(records, access=access),
        "agreement": agreement_of(engagement),
    }
    return render(request, "people/person_detail.html", context)


def _say_agreement(
    request: HttpRequest, agreement: EngagementAgreement, *, show_rates: bool
) -> None:
    """After a save: the agreement the union/local field now reads as, or why there is none; a
    rate below its scale is warned about (to those who see rates), the save stands."""
    if agreement.not_costed:
        messages.warning(request, agreement.not_costed)
    elif agreement.covered_by:
        messages.info(request, f"Costed under the {agreement.covered_by}. {agreement.note}".strip())
    if show_rates and agreement.below_scale:
        messages.warning(request, agreement.below_scale)


@production_page(Capability.EDIT_PEOPLE)
def person_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    engagement = selectors.access_engagement(access, pk)
    show_rates = access.can(Capability.VIEW_RATES)
    form = PersonForm(
        request.POST or None,
        initial=PersonForm.initial_for(engagement),
        production=access.production,
        show_rates=show_rates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(
                access=access,
                engagement=engagement,
                contact=form.contact_details(),
                details=form.engagement_details(),
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{engagement.contact.name} saved.")
            _say_agreement(request, agreement_of(engagement), show_rates=show_rates)
            return redirect("person_detail", access.production.code, engagement.pk)
    saved = agreement_of(engagement)
    form.fields["union_name"].help_text = f"As saved: {saved.not_costed or saved.covered_by}"
    status = 400 if form.errors else 200
    context = {"form": form, "is_new": False, "e": engagement}
    return render(request, "people/person_form.html", context, status=status)


@require_POST
@production_page(Capability.EDIT_PEOPLE)
def person_remove(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    engagement = selectors.access_engagement(access, pk)
    name = engagement.contact.name
    services.remove_person(access=access, engagement=engagement)
    messages.success(request, f"{name} removed from the crew list.")
    return redirect("crew_list", access.production.code)


@require_POST
@production_page(Capability.MANAGE_PERSONAL_LINKS)
def link_issue(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    engagement = selectors.access_engagement(access, pk)
    services.issue_personal_link(access=access, contact=engagement.contact)
    messages.success(request, f"New personal link made for {engagement.contact.name}.")
    return redirect("person_detail", access.production.code, engagement.pk)


@require_POST
@production_page(Capability.MANAGE_PERSONAL_LINKS)
def link_revoke(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    link = selectors.access_personal_link(access, pk)
    services.revoke_personal_link(access=access, link=link)
    messages.success(request, f"The link for {link.contact.name} no longer works.")
    engagement = link.contact.engagements.first()
    if engagement is None:
        return redirect("crew_list", access.production.code)
    return redirect("person_detail", access.production.code, engagement.pk)


def personal_page(request: HttpRequest, token: str) -> HttpResponse:
    """What a cast or crew member sees from their personal link: their own details only."""
    contact = contact_for_link(request, token)
    engagements = list(contact.engagements.select_related("department"))
    context = {
        "person": contact,
        "engagements": engagements,
        "the_production": contact.production,
        "token": token,
        "call_sheets": personal_call_sheets(contact),
        "days": [day for e in engagements for day in personal_schedule(e)],
    }
    response = render(request, "people/personal_page.html", context)
    # The token is in the URL: keep it off other sites. Not "no-referrer": with it, browsers
    # send `Origin: null` on the page's own forms ("I have my call sheet"), which CSRF refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response
