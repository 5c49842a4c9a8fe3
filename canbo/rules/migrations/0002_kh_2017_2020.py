from django.db import migrations


def load(apps, schema_editor):
    from canbo.rules import kh_2017_2020

    kh_2017_2020.load(apps)


def unload(apps, schema_editor):
    apps.get_model("rules", "RuleSet").objects.filter(code="KH-2017-2020").delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
