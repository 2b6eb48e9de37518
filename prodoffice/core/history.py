"""Recording changes to shared records. Services call `record`; nothing else writes history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models

from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability

HIDDEN = "(hidden)"


@dataclass(frozen=True)
class Snapshot:
    values: dict[str, str]


def _display(instance: models.Model, field: models.Field[Any, Any]) -> str:
    value = getattr(instance, field.attname)
    if value is None or value == "":
        return ""
    if field.is_relation:
        related = getattr(instance, field.name)
        return str(related) if related is not None else ""
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _tracked_fields(instance: models.Model) -> list[models.Field[Any, Any]]:
    skip = {"id", "created_at", "updated_at", "production"} | set(
        getattr(instance, "history_ignored_fields", ())
    )
    return [f for f in instance._meta.concrete_fields if f.name not in skip]


def snapshot(instance: models.Model) -> Snapshot:
    secret = set(getattr(instance, "history_secret_fields", ()))
    values = {}
    for field in _tracked_fields(instance):
        shown = _display(instance, field)
        values[field.name] = (HIDDEN if shown else "") if field.name in secret else shown
    return Snapshot(values)


def _label(instance: models.Model, name: str) -> str:
    label = str(instance._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]  # not capitalize(): "NDA", "W-4/W-9" keep their capitals


def record(
    *,
    actor: Any,
    production: Any,
    instance: models.Model,
    action: str,
    before: Snapshot | None = None,
    actor_label: str = "",
) -> ChangeRecord | None:
    """Store what changed between `before` and the instance as it is now.

    An update that changed nothing records nothing. Money fields (rates) are marked so the
    history page can hide them from roles that may not see rates.
    """
    entry = _entry(actor, production, instance, action, before, actor_label)
    if entry is not None:
        entry.save()
    return entry


def created_records(access: Any, instances: Sequence[models.Model]) -> list[ChangeRecord]:
    """`record_change(..., CREATED)` for records about to be inserted together, built before
    the transaction opens; `save_created` stores them once the rows have their ids."""
    entries = [
        _entry(access.user, access.production, instance, ChangeRecord.Action.CREATED, None, "")
        for instance in instances
    ]
    return [entry for entry in entries if entry is not None]


def save_created(entries: list[ChangeRecord], instances: Sequence[models.Model]) -> None:
    for entry, instance in zip(entries, instances, strict=True):
        entry.record_id = str(instance.pk)
    ChangeRecord.objects.bulk_create(entries)


def _entry(
    actor: Any,
    production: Any,
    instance: models.Model,
    action: str,
    before: Snapshot | None,
    actor_label: str,
) -> ChangeRecord | None:
    after = snapshot(instance) if action != ChangeRecord.Action.DELETED else Snapshot({})
    old = before.values if before else {}
    changes: dict[str, list[str]] = {}
    for name in sorted(set(old) | set(after.values)):
        was, now = old.get(name, ""), after.values.get(name, "")
        if was != now:
            changes[_label(instance, name)] = [was, now]
    if action == ChangeRecord.Action.CHANGED and not changes:
        return None
    money = _changed_labels(instance, "history_money_fields", changes)
    tax_ids = _changed_labels(instance, "history_tax_id_fields", changes)
    personal = _changed_labels(instance, "history_personal_fields", changes)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return ChangeRecord(
        production=production,
        actor=user,
        actor_label=actor_label or (user.get_full_name() or user.get_username() if user else ""),
        action=action,
        record_type=instance._meta.model_name or "",
        record_id=str(instance.pk),
        record_label=str(instance)[:300],
        changes=changes,
        money_fields=money,
        tax_id_fields=tax_ids,
        personal_fields=personal,
    )


def _changed_labels(instance: models.Model, kind: str, changes: dict[str, list[str]]) -> list[str]:
    labels = (_label(instance, name) for name in getattr(instance, kind, ()))
    return [label for label in labels if label in changes]


def readable(records: list[ChangeRecord], *, access: Any) -> list[ChangeRecord]:
    """Attach `visible_changes` to each record, less what the reader may not see: rates, anything
    about a tax ID (even its kind, SSN or EIN), a person's home address, emergency contact and
    dietary/medical notes. A change of which nothing is left to show is left out: its line alone
    would tell that such a thing changed. `access` is the reader's access to the production
    (anything with `.can(capability)`)."""
    hidden_kinds = [
        kind
        for kind, capability in (
            ("money_fields", Capability.VIEW_RATES),
            ("tax_id_fields", Capability.VIEW_TAX_IDS),
            ("personal_fields", Capability.VIEW_PERSONAL_DETAILS),
        )
        if not access.can(capability)
    ]
    shown = []
    for entry in records:
        hidden = {label for kind in hidden_kinds for label in getattr(entry, kind)}
        entry.visible_changes = [  # type: ignore[attr-defined]
            (label, pair) for label, pair in entry.changes.items() if label not in hidden
        ]
        if entry.visible_changes or not entry.changes:  # type: ignore[attr-defined]
            shown.append(entry)
    return shown


def record_change(
    access: Any, instance: models.Model, action: str, *, before: Snapshot | None = None
) -> ChangeRecord | None:
    """`record` for a member changing something on their production (an access with .user and
    .production, as every service has)."""
    return record(
        actor=access.user,
        production=access.production,
        instance=instance,
        action=action,
        before=before,
    )
