from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rules", "0004_parameter_values_become_versions")]
    operations = [migrations.RemoveField(model_name="parameter", name="value")]
