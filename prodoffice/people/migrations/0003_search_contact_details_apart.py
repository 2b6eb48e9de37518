"""E-mail and phone leave the crew-list search text for a column of their own.

What a role may search is what it may see: cast e-mails and phones are searched only by the
roles that see them, so they can no longer be found digit by digit by crew.
"""

from django.db import migrations, models

from prodoffice.domain.people.search import fold


def split_search_text(apps, schema_editor):
    Engagement = apps.get_model("people", "Engagement")
    rows = Engagement.objects.select_related("contact").only(
        "position",
        "character",
        "union_name",
        "contact__first_name",
        "contact__last_name",
        "contact__email",
        "contact__phone",
    )
    changed = []
    for row in rows.iterator(chunk_size=500):
        person = row.contact
        names = [person.first_name, person.last_name, row.position, row.character, row.union_name]
        row.search_text = fold(" ".join(part for part in names if part))
        row.contact_search_text = fold(" ".join(p for p in (person.email, person.phone) if p))
        changed.append(row)
    Engagement.objects.bulk_update(
        changed, ["search_text", "contact_search_text"], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_engagement_search_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="engagement",
            name="contact_search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(split_search_text, migrations.RunPython.noop),
    ]
