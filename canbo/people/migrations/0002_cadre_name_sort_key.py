from django.db import migrations, models

from canbo.core.names import name_sort_key, search_fold

BATCH = 2000


def fill_name_fields(apps, schema_editor):
    """Derive the sort key, and the search text without apostrophes, for every cadre."""
    Cadre = apps.get_model("people", "Cadre")
    batch = []
    for cadre in Cadre.objects.only("id", "code", "full_name").iterator(chunk_size=BATCH):
        cadre.sort_key = name_sort_key(cadre.full_name)
        cadre.search_text = f"{search_fold(cadre.full_name)} {cadre.code.lower()}"
        batch.append(cadre)
        if len(batch) == BATCH:
            Cadre.objects.bulk_update(batch, ["sort_key", "search_text"])
            batch = []
    Cadre.objects.bulk_update(batch, ["sort_key", "search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="cadre",
            name="sort_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=400),
        ),
        migrations.RunPython(fill_name_fields, migrations.RunPython.noop),
    ]
