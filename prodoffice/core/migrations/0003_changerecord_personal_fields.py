from django.db import migrations, models

# The labels a contact's home address, emergency contact, dietary needs and notes were recorded
# under before this migration.
CONTACT_PERSONAL_LABELS = (
    "Address",
    "Emergency contact",
    "Emergency phone",
    "Dietary needs",
    "Notes",
)


def mark_recorded_personal_changes(apps, schema_editor):
    """Contact history written before personal details were marked: mark it, so that roles that
    may not see a person's home, family or health no longer read them in the history."""
    ChangeRecord = apps.get_model("core", "ChangeRecord")
    for record in ChangeRecord.objects.filter(record_type="contact").iterator():
        labels = [label for label in CONTACT_PERSONAL_LABELS if label in record.changes]
        if labels:
            record.personal_fields = labels
            record.save(update_fields=["personal_fields"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_changerecord_tax_id_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="changerecord",
            name="personal_fields",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(mark_recorded_personal_changes, migrations.RunPython.noop),
    ]
