"""Each position type's and rank's standard becomes its first version, in force since always."""

from django.db import migrations

POSITION_FIELDS = ("req_llct", "req_chuyen_mon", "req_qlnn", "req_ngoai_ngu", "req_tin_hoc")
RANK_FIELDS = ("req_qlnn", "req_ngoai_ngu", "req_tin_hoc")


def forward(apps, schema_editor):
    version = apps.get_model("org", "StandardVersion")
    version.objects.bulk_create(
        version(
            position_type=row, source=row.source, **{name: getattr(row, name) for name in POSITION_FIELDS}
        )
        for row in apps.get_model("org", "PositionType").objects.all()
    )
    version.objects.bulk_create(
        version(rank=row, **{name: getattr(row, name) for name in RANK_FIELDS})
        for row in apps.get_model("org", "CivilServiceRank").objects.all()
    )


def backward(apps, schema_editor):
    """The version in force now goes back onto its type or rank."""
    version = apps.get_model("org", "StandardVersion")
    for model, key, fields in (
        (apps.get_model("org", "PositionType"), "position_type", (*POSITION_FIELDS, "source")),
        (apps.get_model("org", "CivilServiceRank"), "rank", RANK_FIELDS),
    ):
        for row in model.objects.all():
            current = version.objects.filter(**{key: row}, valid_to__isnull=True).first()
            if current is not None:
                for name in fields:
                    setattr(row, name, getattr(current, name))
                row.save(update_fields=list(fields))


class Migration(migrations.Migration):
    dependencies = [("org", "0003_standard_versions_unit_successor")]
    operations = [migrations.RunPython(forward, backward)]
