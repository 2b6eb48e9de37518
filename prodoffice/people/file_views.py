"""Crew list import and export (contact sheet)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page


@production_page(Capability.EDIT_PEOPLE)
def crew_import(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    raise Http404("Import is being built.")


@production_page(Capability.VIEW_CREW_LIST)
def crew_export(request: HttpRequest, access: ProductionAccess, fmt: str) -> HttpResponse:
    raise Http404("Export is being built.")
