from __future__ import annotations

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import models


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class OutgoingEmail(TimeStamped):
    """One e-mail to one person (a call sheet, a DPR), a row with a status in the outbox.

    `prodoffice.core.sending` moves it along: queued, then sending while a worker has it in
    hand, then sent or failed; `updated_at` dates the claim, so one left by a dead worker is
    taken back once it is stale. `message_id` is written before the message goes to the mail
    server: a stale claim that has one may have reached the person.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        UNREACHABLE = "unreachable", "Not reachable by e-mail"
        # A revised call sheet's copy the person already has: nothing of theirs changed.
        NOT_SENT = "not_sent", "Unchanged, not re-sent"

    # How a row reaches its production, for the Outbox page ("report__production").
    production_path: str = ""
    # The background task that sends a batch, by dotted path (models import no services), and
    # the field that is its argument: what `sending.resume` queues again ("report").
    sending_task: str = ""
    batch_field: str = ""

    email = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    message_id = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def outboxes() -> list[type[OutgoingEmail]]:
    """Every kind of outgoing e-mail (call sheets, DPRs, ...)."""
    return [model for model in apps.get_models() if issubclass(model, OutgoingEmail)]


def message_ids_of(production: models.Model) -> set[str]:
    """The Message-IDs of every e-mail the production sent: call sheets, DPRs, any kind."""
    ids: set[str] = set()
    for model in outboxes():
        rows = model._default_manager.filter(**{model.production_path: production})
        ids |= set(rows.exclude(message_id="").values_list("message_id", flat=True))
    return ids


class WorkerBeat(models.Model):
    """A running background worker's sign of life, written every few seconds; the Outbox
    page reads it to say when no worker is sending."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"worker {self.pid} on {self.host}"


class ChangeRecord(models.Model):
    """One change to a shared record on a production: who, when, what changed."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="history", null=True
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    record_type = models.CharField(max_length=60)
    record_id = models.CharField(max_length=40)
    record_label = models.CharField(max_length=300)
    # {"field label": [old, new]}; values of secret fields are never stored, only that they changed.
    changes = models.JSONField(default=dict)
    money_fields = models.JSONField(default=list)
    # Labels in `changes` about a tax ID (its kind too): shown only to roles that see tax IDs.
    tax_id_fields = models.JSONField(default=list)
    # Labels about a person's home, family and health: shown only to roles that see those.
    personal_fields = models.JSONField(default=list)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.record_label}"

    @property
    def kind(self) -> str:
        """What sort of record changed, in words: "vendor contact", not "vendorcontact"."""
        return _record_kinds().get(self.record_type, self.record_type)


@cache
def _record_kinds() -> dict[str, str]:
    return {m._meta.model_name or "": str(m._meta.verbose_name) for m in apps.get_models()}


class FailedAttempts(models.Model):
    """Wrong passwords, API tokens or personal links from one address or for one account,
    counted from the first in a window (prodoffice/core/throttle.py). A table rather than a
    cache: it is shared by every web worker and machine, on SQLite and PostgreSQL alike."""

    scope = models.CharField(max_length=20)
    # A hash of the address or account name: what was typed (perhaps a password in the user
    # name field) is not kept.
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="one_count_per_scope_and_key")
        ]

    def __str__(self) -> str:
        return f"{self.count} failed {self.scope} since {self.window_start:%H:%M}"
