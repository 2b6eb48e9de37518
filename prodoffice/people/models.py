from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from prodoffice.core.crypto import decrypt, encrypt, token_digest
from prodoffice.core.models import TimeStamped
from prodoffice.domain.access import Capability
from prodoffice.people.choices import EngagementStatus, RateUnit, TaxForm
from prodoffice.productions.models import Department, Production

if TYPE_CHECKING:
    from prodoffice.productions.access import ProductionAccess


class Contact(TimeStamped):
    """A person the production office deals with: crew, cast, agent, location owner ..."""

    history_personal_fields = (
        "address",
        "emergency_contact_name",
        "emergency_contact_phone",
        "dietary_needs",
        "notes",
    )

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="contacts")
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    emergency_contact_name = models.CharField("emergency contact", max_length=120, blank=True)
    emergency_contact_phone = models.CharField("emergency phone", max_length=40, blank=True)
    dietary_needs = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class EngagementQuerySet(models.QuerySet["Engagement"]):
    def visible_to(self, access: ProductionAccess) -> EngagementQuerySet:
        """The crew-list rows this member may see; cast see only their own."""
        rows = self.filter(production=access.production)
        if access.can(Capability.VIEW_CREW_LIST):
            return rows
        return rows.filter(contact__user=access.user)


def contact_details_visible(access: ProductionAccess) -> Q:
    """The rows whose e-mail and phone this member sees: the rule of `shows_contact_details`.

    What a role may search is what it may see, so the crew-list search looks in e-mails and
    phones only on these rows; otherwise a number could be found digit by digit.
    """
    if access.can(Capability.VIEW_CAST_CONTACTS):
        return Q()
    return Q(cast_number__isnull=True) | Q(contact__user=access.user)


class Engagement(TimeStamped):
    """A person hired on the production: position, department, deal and start paperwork."""

    history_money_fields = ("rate", "rate_unit", "guaranteed_hours")
    history_ignored_fields = ("production", "search_text", "contact_search_text")

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="engagements")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="engagements")
    department = models.ForeignKey(
        Department, on_delete=models.RESTRICT, related_name="engagements"
    )
    position = models.CharField(max_length=120)
    cast_number = models.PositiveIntegerField(null=True, blank=True)
    character = models.CharField(max_length=120, blank=True)
    rate = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    rate_unit = models.CharField(max_length=4, choices=RateUnit.choices, default=RateUnit.DAY)
    # The hours the rate guarantees: a 10-hour day rate, a 50-hour week. Blank: the agreement's
    # own (an 8-hour day, a 40-hour week under the California rules).
    guaranteed_hours = models.DecimalField(
        "guaranteed hours", max_digits=4, decimal_places=1, null=True, blank=True
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    union_member = models.BooleanField("union", default=False)
    union_name = models.CharField("union/local", max_length=80, blank=True)
    status = models.CharField(
        max_length=10, choices=EngagementStatus.choices, default=EngagementStatus.OFFERED
    )
    deal_memo_received = models.DateField("deal memo received", null=True, blank=True)
    i9_received = models.DateField("I-9 received", null=True, blank=True)
    tax_form = models.CharField(max_length=2, choices=TaxForm.choices, blank=True, default="")
    tax_form_received = models.DateField("W-4/W-9 received", null=True, blank=True)
    nda_received = models.DateField("NDA received", null=True, blank=True)
    # Name, position, character and union folded (no accents or case), for search; e-mail and
    # phone apart, searched only by those who may see them (contact_details_visible). Written by
    # the people services whenever the contact or the engagement changes.
    search_text = models.TextField(blank=True, default="", editable=False)
    contact_search_text = models.TextField(blank=True, default="", editable=False)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        ordering = ["department__order", "cast_number", "contact__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "cast_number"],
                condition=Q(cast_number__isnull=False),
                name="unique_cast_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact.name}, {self.position}"

    @property
    def is_cast(self) -> bool:
        return self.cast_number is not None

    @property
    def paperwork_missing(self) -> list[str]:
        missing = []
        if not self.deal_memo_received:
            missing.append("deal memo")
        if not self.i9_received and self.tax_form != TaxForm.W9:
            missing.append("I-9")
        if not self.tax_form_received:
            missing.append("W-4/W-9")
        if not self.nda_received:
            missing.append("NDA")
        return missing


class PersonalLink(models.Model):
    """An unguessable link that lets one person see their own page without an account.

    A link is found by its token's hash, as an API token is. The office needs the link again
    for every call sheet it mails and text it sends, so the token is also kept encrypted with
    FERNET_KEY: a copy of the database alone opens no one's page.
    """

    history_secret_fields = ("digest", "sealed")
    history_ignored_fields = ("last_used_at", "created_by")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="links")
    digest = models.CharField(max_length=64, unique=True)
    sealed = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Link for {self.contact}"

    @classmethod
    def new(cls, *, contact_id: int, created_by: Any = None) -> PersonalLink:
        """A link not yet saved, with a fresh token: 256 bits from the OS generator."""
        token = secrets.token_urlsafe(32)
        return cls(
            contact_id=contact_id,
            created_by=created_by,
            digest=token_digest(token),
            sealed=encrypt(token),
        )

    @property
    def token(self) -> str:
        return decrypt(self.sealed)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


# A full import writes its progress every second or two; minutes of silence mean it died.
IMPORT_STALLED_AFTER = timedelta(minutes=5)


class CrewImport(TimeStamped):
    """A crew list uploaded for import: read, checked and hired by the background worker.

    A full list (5,000 rows) takes seconds to check and write, too long for a web request;
    the office follows it on its own page. The file is kept only until the import is done.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the background worker"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="crew_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(max_length=255)
    content = models.BinaryField(default=b"")
    valid_rows_only = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=200, blank=True)  # what it is doing now, for the page
    rows_seen = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    # [{"line": 4, "column": "Cast #", "message": "..."}], in file order.
    errors = models.JSONField(default=list, blank=True)
    ignored_columns = models.JSONField(default=list, blank=True)
    problem = models.TextField(blank=True)  # why the file as a whole was refused

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.filename} ({self.status})"

    @property
    def stalled(self) -> bool:
        """Running without a word for minutes: the worker was stopped in the middle (the
        people are hired in one transaction, so nothing was)."""
        quiet_since = timezone.now() - IMPORT_STALLED_AFTER
        return self.status == self.Status.RUNNING and self.updated_at < quiet_since

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING) and not self.stalled
