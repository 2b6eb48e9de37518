from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.vendors import selectors, services
from prodoffice.vendors.choices import VendorCategory
from prodoffice.vendors.forms import VendorContactForm, VendorForm
from prodoffice.vendors.models import Vendor


@production_page(Capability.VIEW_VENDORS)
def vendor_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    category = category if category in VendorCategory.values else ""
    context = {
        "vendors": selectors.vendor_list(access, q=q, category=category),
        "q": q,
        "category": category,
        "categories": VendorCategory.choices,
        "category_labels": dict(VendorCategory.choices),
    }
    return render_page(
        request, "vendors/vendor_list.html", "vendors/partials/vendor_table.html", context
    )


@production_page(Capability.EDIT_VENDORS)
def vendor_new(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    form = VendorForm(request.POST or None, show_tax_id=access.can(Capability.VIEW_TAX_IDS))
    if request.method == "POST" and form.is_valid():
        try:
            vendor = services.add_vendor(access=access, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{vendor.company} added.")
            return redirect("vendor_detail", access.production.code, vendor.pk)
    status = 400 if form.errors else 200
    return render(request, "vendors/vendor_form.html", {"form": form}, status=status)


@production_page(Capability.VIEW_VENDORS)
def vendor_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    vendor = selectors.access_vendor(access, pk)
    context = _detail_context(access, vendor, VendorContactForm())
    return render(request, "vendors/vendor_detail.html", context)


def _detail_context(
    access: ProductionAccess, vendor: Vendor, contact_form: VendorContactForm
) -> dict[str, Any]:
    can_history = access.can(Capability.VIEW_HISTORY)
    records = selectors.vendor_history(access, vendor) if can_history else []
    return {
        "vendor": vendor,
        "category_labels": [dict(VendorCategory.choices).get(c, c) for c in vendor.categories],
        "show_tax_id": access.can(Capability.VIEW_TAX_IDS),
        "contact_form": contact_form,
        "records": history.readable(records, access=access),
    }


@production_page(Capability.EDIT_VENDORS)
def vendor_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    vendor = selectors.access_vendor(access, pk)
    form = VendorForm(
        request.POST or None,
        initial=VendorForm.initial_for(vendor),
        show_tax_id=access.can(Capability.VIEW_TAX_IDS),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_vendor(access=access, vendor=vendor, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{vendor.company} saved.")
            return redirect("vendor_detail", access.production.code, vendor.pk)
    status = 400 if form.errors else 200
    return render(
        request, "vendors/vendor_form.html", {"form": form, "vendor": vendor}, status=status
    )


@require_POST
@production_page(Capability.EDIT_VENDORS)
def vendor_delete(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    vendor = selectors.access_vendor(access, pk)
    services.delete_vendor(access=access, vendor=vendor)
    messages.success(request, f"{vendor.company} deleted.")
    return redirect("vendor_list", access.production.code)


@production_page(Capability.EDIT_VENDORS)
def vendor_contact_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    vendor = selectors.access_vendor(access, pk)
    form = VendorContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_vendor_contact(access=access, vendor=vendor, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['name']} added to {vendor.company}.")
            return redirect("vendor_detail", access.production.code, vendor.pk)
    context = _detail_context(access, vendor, form)
    return render(
        request, "vendors/vendor_detail.html", context, status=400 if form.errors else 200
    )


@require_POST
@production_page(Capability.EDIT_VENDORS)
def vendor_contact_remove(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    person = selectors.access_vendor_contact(access, pk)
    services.remove_vendor_contact(access=access, person=person)
    messages.success(request, f"{person.name} removed.")
    return redirect("vendor_detail", access.production.code, person.vendor_id)
