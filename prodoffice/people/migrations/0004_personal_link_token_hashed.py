"""Personal links are looked up by their token's hash; the token itself is kept only encrypted.

Existing links are converted, so links already sent by mail or text keep working. (Two
migrations: PostgreSQL refuses to alter a table in the transaction that updated its rows.)
"""

import hashlib

from cryptography.fernet import Fernet
from django.conf import settings
from django.db import migrations, models


def hash_and_seal(apps, schema_editor):
    PersonalLink = apps.get_model("people", "PersonalLink")
    fernet = Fernet(settings.FERNET_KEY.encode())
    links = list(PersonalLink.objects.only("pk", "token"))
    for link in links:
        link.digest = hashlib.sha256(link.token.encode()).hexdigest()
        link.sealed = fernet.encrypt(link.token.encode()).decode()
    PersonalLink.objects.bulk_update(links, ["digest", "sealed"], batch_size=500)


def unseal(apps, schema_editor):
    PersonalLink = apps.get_model("people", "PersonalLink")
    fernet = Fernet(settings.FERNET_KEY.encode())
    links = list(PersonalLink.objects.only("pk", "sealed"))
    for link in links:
        link.token = fernet.decrypt(link.sealed.encode()).decode()
    PersonalLink.objects.bulk_update(links, ["token"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_search_contact_details_apart"),
    ]

    operations = [
        migrations.AddField(
            model_name="personallink",
            name="digest",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="personallink",
            name="sealed",
            field=models.TextField(default=""),
            preserve_default=False,
        ),
        migrations.RunPython(hash_and_seal, unseal),
    ]
