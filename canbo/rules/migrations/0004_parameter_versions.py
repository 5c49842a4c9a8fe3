import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rules", "0003_proposal_rules"),
    ]

    operations = [
        migrations.AddField(
            model_name="parameter",
            name="scale",
            field=models.JSONField(blank=True, default=list, verbose_name="thang giá trị"),
        ),
        migrations.AddField(
            model_name="rule",
            name="enforced",
            field=models.BooleanField(default=True, verbose_name="canbo đang kiểm tra"),
        ),
        migrations.CreateModel(
            name="ParameterVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.IntegerField(verbose_name="giá trị")),
                ("valid_from", models.DateField(verbose_name="hiệu lực từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="hiệu lực đến ngày")),
                ("reason", models.CharField(max_length=500, verbose_name="lý do")),
                ("decision", models.CharField(blank=True, max_length=255, verbose_name="văn bản quyết định")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="ghi lúc")),
                (
                    "parameter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="rules.parameter",
                        verbose_name="tham số",
                    ),
                ),
            ],
            options={
                "verbose_name": "phiên bản tham số",
                "verbose_name_plural": "phiên bản tham số",
                "ordering": ["parameter", "valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_to__isnull", True),
                            ("valid_from__isnull", True),
                            ("valid_to__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="parameter_version_valid_range",
                    ),
                    models.UniqueConstraint(
                        fields=("parameter", "valid_from"), name="parameter_version_once_a_day"
                    ),
                ],
            },
        ),
    ]
