from __future__ import annotations

from django.db import models

from prodoffice.core.models import TimeStamped
from prodoffice.domain.people.taxid import mask
from prodoffice.productions.models import Production
from prodoffice.vendors.choices import TaxIdKindChoices


class Vendor(TimeStamped):
    """A company the production rents from, buys from or pays: rental house, caterer, ..."""

    history_secret_fields = ("tax_id_encrypted",)
    history_ignored_fields = ("tax_id_last4",)
    history_tax_id_fields = ("tax_id_kind", "tax_id_encrypted")

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="vendors")
    company = models.CharField(max_length=200)
    # Category values from VendorCategory, kept as a list; a vendor is often several things.
    categories = models.JSONField(default=list, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    website = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    w9_received = models.DateField("W-9 received", null=True, blank=True)
    tax_id_kind = models.CharField(
        "tax ID type", max_length=4, choices=TaxIdKindChoices.choices, blank=True
    )
    # Fernet token; the plain number never touches the database.
    tax_id_encrypted = models.TextField("tax ID", blank=True)
    tax_id_last4 = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["company"]
        constraints = [
            models.UniqueConstraint(fields=["production", "company"], name="unique_vendor_company")
        ]

    def __str__(self) -> str:
        return self.company

    @property
    def tax_id_masked(self) -> str:
        return mask(self.tax_id_kind, self.tax_id_last4) if self.tax_id_kind else ""


class VendorContact(models.Model):
    """A person at a vendor: the rental agent, the account manager, the dispatcher."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.vendor})"
