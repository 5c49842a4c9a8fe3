"""The programme catalogue of the 2017–2020 plan (SPEC §9, T9, plan III.1.2), into its rule set and
into any rule set already copied from it (copies made from now on copy the catalogue themselves)."""

from django.db import migrations

from canbo.training import kh_2017_2020


def load(apps, schema_editor):
    for rule_set in apps.get_model("rules", "RuleSet").objects.all():
        kh_2017_2020.load(apps, rule_set)


def unload(apps, schema_editor):
    apps.get_model("training", "Programme").objects.all().delete()
    apps.get_model("training", "ProgrammeFamily").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_programme_catalogue"),
    ]

    operations = [migrations.RunPython(load, unload)]
