"""'Not signatory to' names agreements by rule-set id ("iatse"), no longer unions ("IATSE")."""

from __future__ import annotations

from typing import Any

from django.db import migrations

AGREEMENT_OF_UNION = {"IATSE": "iatse", "SAG-AFTRA": "sag-aftra"}
UNION_OF_AGREEMENT = {agreement: union for union, agreement in AGREEMENT_OF_UNION.items()}


def _rename(apps: Any, names: dict[str, str]) -> None:
    Production = apps.get_model("productions", "Production")
    for production in Production.objects.only("not_signatory_to"):
        if production.not_signatory_to:
            production.not_signatory_to = [names.get(n, n) for n in production.not_signatory_to]
            production.save(update_fields=["not_signatory_to"])


def forwards(apps: Any, schema_editor: Any) -> None:
    _rename(apps, AGREEMENT_OF_UNION)


def backwards(apps: Any, schema_editor: Any) -> None:
    _rename(apps, UNION_OF_AGREEMENT)


class Migration(migrations.Migration):
    dependencies = [("productions", "0005_signatory")]

    operations = [migrations.RunPython(forwards, backwards)]
