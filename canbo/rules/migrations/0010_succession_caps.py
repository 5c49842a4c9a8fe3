"""Every rule set gets the caps of succession planning (Quy định 377-QĐ/TW): rule Q1 and its two
parameters, at most so many cadres planned for one position and so many positions for one cadre,
unset (0: no cap) from the set's start. The 2017–2020 plan sets none; a later set gives them a value
as a new version."""

from django.db import migrations, models

KEYS = ("so_nguoi_toi_da_mot_chuc_danh", "so_chuc_danh_toi_da_mot_nguoi")
CODE = "Q1"


def add_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    Parameter = apps.get_model("rules", "Parameter")
    ParameterVersion = apps.get_model("rules", "ParameterVersion")
    Rule = apps.get_model("rules", "Rule")
    parameters = [row for row in shipped.PARAMETERS if row[0] in KEYS]
    order = next(i for i, row in enumerate(shipped.RULES) if row[0] == CODE)
    _code, group, title, text, citation, produces, keys = shipped.RULES[order]
    for rule_set in apps.get_model("rules", "RuleSet").objects.all():
        for key, label, value, unit, low, high, cited in parameters:
            if Parameter.objects.filter(rule_set=rule_set, key=key).exists():
                continue
            parameter = Parameter.objects.create(rule_set=rule_set, key=key, label=label, default=value, unit=unit,
                                                 min_value=low, max_value=high, citation=cited)
            ParameterVersion.objects.create(parameter=parameter, value=value, valid_from=rule_set.valid_from,
                                            reason=shipped.REASONS[key], decision="")
        if not Rule.objects.filter(rule_set=rule_set, code=CODE).exists():
            Rule.objects.create(rule_set=rule_set, code=CODE, group=group, order=order, title=title, text=text,
                                citation=citation, produces=produces, parameter_keys=keys)


def remove_rows(apps, schema_editor):
    apps.get_model("rules", "Rule").objects.filter(code=CODE).delete()
    apps.get_model("rules", "Parameter").objects.filter(key__in=KEYS).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0009_rotation_allowance_amount")]

    operations = [
        migrations.AlterField(
            model_name="rule",
            name="group",
            field=models.CharField(
                choices=[
                    ("dao_tao", "Đào tạo (III.1.1)"),
                    ("ra_soat", "Rà soát nợ bằng (chú thích 1, 3–7)"),
                    ("chuong_trinh", "Chương trình được cử đi học"),
                    ("luan_chuyen", "Luân chuyển (II.3, III.2)"),
                    ("dieu_dong", "Điều động (III.3)"),
                    ("khong_dia_phuong", "Không là người địa phương (I.3)"),
                    ("quy_hoach", "Quy hoạch (Quy định 377-QĐ/TW)"),
                ],
                max_length=20,
                verbose_name="nhóm",
            ),
        ),
        migrations.RunPython(add_rows, remove_rows),
    ]
