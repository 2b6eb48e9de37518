"""Reads of vendors, scoped by the reader's access."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.vendors.models import Vendor, VendorContact


def vendor_list(access: ProductionAccess, q: str = "", category: str = "") -> list[Vendor]:
    access.require(Capability.VIEW_VENDORS)
    rows: QuerySet[Vendor] = Vendor.objects.filter(production=access.production)
    for word in q.split():
        rows = rows.filter(
            Q(company__icontains=word) | Q(email__icontains=word) | Q(notes__icontains=word)
        )
    vendors = list(rows.prefetch_related("contacts"))
    # Categories are a short JSON list per vendor; filtering them here works on every database.
    return [v for v in vendors if category in v.categories] if category else vendors


def access_vendor(access: ProductionAccess, pk: int) -> Vendor:
    access.require(Capability.VIEW_VENDORS)
    vendor = (
        Vendor.objects.filter(pk=pk, production=access.production)
        .prefetch_related("contacts")
        .first()
    )
    if vendor is None:
        raise Http404("No such vendor.")
    return vendor


def access_vendor_contact(access: ProductionAccess, pk: int) -> VendorContact:
    access.require(Capability.VIEW_VENDORS)
    person = (
        VendorContact.objects.select_related("vendor")
        .filter(pk=pk, vendor__production=access.production)
        .first()
    )
    if person is None:
        raise Http404("No such vendor contact.")
    return person


def vendor_history(access: ProductionAccess, vendor: Vendor) -> list[ChangeRecord]:
    access.require(Capability.VIEW_HISTORY)
    contact_ids = [str(pk) for pk in vendor.contacts.values_list("pk", flat=True)]
    records = ChangeRecord.objects.filter(production=access.production).filter(
        Q(record_type="vendor", record_id=str(vendor.pk))
        | Q(record_type="vendorcontact", record_id__in=contact_ids)
    )
    return list(records.select_related("actor")[:200])
