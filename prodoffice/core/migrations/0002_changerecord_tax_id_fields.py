from django.db import migrations, models

# The labels a vendor's tax ID changes were recorded under before this migration.
VENDOR_TAX_ID_LABELS = ("Tax ID type", "Tax ID")


def mark_recorded_tax_id_changes(apps, schema_editor):
    """Vendor history written before tax-ID changes were marked: mark them, so that roles that
    may not see tax IDs no longer read their kind (SSN or EIN) in the history either."""
    ChangeRecord = apps.get_model("core", "ChangeRecord")
    for record in ChangeRecord.objects.filter(record_type="vendor").iterator():
        labels = [label for label in VENDOR_TAX_ID_LABELS if label in record.changes]
        if labels:
            record.tax_id_fields = labels
            record.save(update_fields=["tax_id_fields"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="changerecord",
            name="tax_id_fields",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(mark_recorded_tax_id_changes, migrations.RunPython.noop),
    ]
