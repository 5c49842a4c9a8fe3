from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rules", "0005_parameter_values_become_versions")]
    operations = [
        # A default first, so that going back re-adds the column before 0004 refills it.
        migrations.AlterField(
            model_name="parameter", name="value", field=models.IntegerField(default=0, verbose_name="giá trị")
        ),
        migrations.RemoveField(model_name="parameter", name="value"),
    ]
