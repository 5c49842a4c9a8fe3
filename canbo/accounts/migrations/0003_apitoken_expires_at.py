import datetime as dt

from django.db import migrations, models

# Keys issued before keys expired last 90 days from their issue, canbo's default since.
EXISTING_KEYS_DAYS = 90


def expire_existing_keys(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.update(expires_at=models.F("created_at") + dt.timedelta(days=EXISTING_KEYS_DAYS))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="hết hạn lúc"),
        ),
        migrations.RunPython(expire_existing_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(editable=False, verbose_name="hết hạn lúc"),
        ),
    ]
