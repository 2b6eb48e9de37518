from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_personal_link_token_hashed"),
    ]

    operations = [
        migrations.RemoveField(model_name="personallink", name="token"),
        migrations.AlterField(
            model_name="personallink",
            name="digest",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
