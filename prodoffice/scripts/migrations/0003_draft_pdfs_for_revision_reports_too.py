from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scripts", "0002_breakdown_files_in_the_background"),
    ]

    operations = [
        migrations.RenameModel("BreakdownFile", "DraftPdf"),
        migrations.AddField(
            model_name="draftpdf",
            name="kind",
            field=models.CharField(
                choices=[("breakdown", "Breakdown sheets"), ("revisions", "Revision report")],
                default="breakdown",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="draftpdf",
            name="revision",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="draft_pdfs",
                to="scripts.scriptrevision",
            ),
        ),
        migrations.AlterField(
            model_name="draftpdf",
            name="key",
            field=models.CharField(db_index=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="draftpdf",
            name="sheets",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
