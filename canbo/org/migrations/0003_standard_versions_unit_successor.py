import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0002_posts"),
    ]

    operations = [
        migrations.CreateModel(
            name="StandardVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="áp dụng từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="áp dụng đến ngày")),
                (
                    "req_llct",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không"), (1, "Sơ cấp"), (2, "Trung cấp"), (3, "Cao cấp")],
                        default=0,
                        verbose_name="LLCT tối thiểu",
                    ),
                ),
                (
                    "req_chuyen_mon",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Không"),
                            (1, "Trung cấp"),
                            (2, "Cao đẳng"),
                            (3, "Đại học"),
                            (4, "Thạc sĩ"),
                            (5, "Tiến sĩ"),
                        ],
                        default=0,
                        verbose_name="chuyên môn tối thiểu",
                    ),
                ),
                (
                    "req_qlnn",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Không"),
                            (1, "Chuyên viên"),
                            (2, "Chuyên viên chính"),
                            (3, "Chuyên viên cao cấp"),
                        ],
                        default=0,
                        verbose_name="QLNN tối thiểu",
                    ),
                ),
                (
                    "req_ngoai_ngu",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Không"),
                            (1, "Bậc 1"),
                            (2, "Bậc 2"),
                            (3, "Bậc 3"),
                            (4, "Bậc 4"),
                            (5, "Bậc 5"),
                            (6, "Bậc 6"),
                        ],
                        default=0,
                        verbose_name="ngoại ngữ tối thiểu",
                    ),
                ),
                (
                    "req_tin_hoc",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không"), (1, "Cơ bản"), (2, "Nâng cao")],
                        default=0,
                        verbose_name="tin học tối thiểu",
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=255, verbose_name="căn cứ tiêu chuẩn")),
                ("reason", models.CharField(blank=True, max_length=500, verbose_name="lý do thay đổi")),
                ("decision", models.CharField(blank=True, max_length=255, verbose_name="văn bản quyết định")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="ghi lúc")),
            ],
            options={
                "verbose_name": "phiên bản tiêu chuẩn",
                "verbose_name_plural": "phiên bản tiêu chuẩn",
                "ordering": [
                    "position_type",
                    "rank",
                    models.OrderBy(models.F("valid_from"), nulls_first=True),
                ],
            },
        ),
        migrations.AddField(
            model_name="unit",
            name="successor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="predecessors",
                to="org.unit",
                verbose_name="đơn vị kế thừa",
            ),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_from__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="unit_valid_range",
            ),
        ),
        migrations.AddField(
            model_name="standardversion",
            name="position_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="standards",
                to="org.positiontype",
                verbose_name="chức danh",
            ),
        ),
        migrations.AddField(
            model_name="standardversion",
            name="rank",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="standards",
                to="org.civilservicerank",
                verbose_name="ngạch",
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_from__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="standard_valid_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("position_type__isnull", False), ("rank__isnull", True)),
                    models.Q(("position_type__isnull", True), ("rank__isnull", False)),
                    _connector="OR",
                ),
                name="standard_of_one_type_or_rank",
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.UniqueConstraint(
                fields=("position_type", "valid_from"), name="position_standard_once_a_day"
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.UniqueConstraint(
                fields=("rank", "valid_from"), name="rank_standard_once_a_day"
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.UniqueConstraint(
                condition=models.Q(("position_type__isnull", False), ("valid_from__isnull", True)),
                fields=("position_type",),
                name="position_standard_one_first",
            ),
        ),
        migrations.AddConstraint(
            model_name="standardversion",
            constraint=models.UniqueConstraint(
                condition=models.Q(("rank__isnull", False), ("valid_from__isnull", True)),
                fields=("rank",),
                name="rank_standard_one_first",
            ),
        ),
    ]
