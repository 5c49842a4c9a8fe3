import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="auditevent", old_name="object_id", new_name="object_key"),
        migrations.AddField(
            model_name="auditevent", name="seq",
            field=models.PositiveBigIntegerField(null=True, verbose_name="số thứ tự"),
        ),
        migrations.AddField(
            model_name="auditevent", name="cadre_code",
            field=models.CharField(blank=True, db_index=True, default="", max_length=30, verbose_name="mã cán bộ"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent", name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="trước"),
        ),
        migrations.AddField(
            model_name="auditevent", name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="sau"),
        ),
        migrations.AddField(
            model_name="auditevent", name="ip",
            field=models.GenericIPAddressField(blank=True, null=True, verbose_name="địa chỉ IP"),
        ),
        migrations.AddField(
            model_name="auditevent", name="prev_hash",
            field=models.CharField(default="", max_length=64, verbose_name="mã băm sự kiện trước"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent", name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="mã băm"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditevent", name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="thời điểm"),
        ),
    ]
