from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("org", "0004_standards_as_first_versions")]
    operations = [
        migrations.RemoveField(model_name=model, name=name)
        for model, names in (
            ("civilservicerank", ("req_qlnn", "req_ngoai_ngu", "req_tin_hoc")),
            (
                "positiontype",
                ("req_llct", "req_chuyen_mon", "req_qlnn", "req_ngoai_ngu", "req_tin_hoc", "source"),
            ),
        )
        for name in names
    ]
