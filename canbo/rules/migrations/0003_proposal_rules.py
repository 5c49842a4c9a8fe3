from django.db import migrations, models

NEW_PARAMETERS = ("nam_bat_dau_luan_chuyen", "thang_bat_dau_luan_chuyen")
NEW_RULES = ("R3", "R6", "R7", "R8", "D1", "D2", "D4")


def add_rows(apps, schema_editor):
    """Add the rules over proposals and their parameters to the shipped rule set, where missing."""
    from canbo.rules import kh_2017_2020

    rule_set = apps.get_model("rules", "RuleSet").objects.filter(code=kh_2017_2020.CODE).first()
    if rule_set is None:
        return
    parameter_model, rule_model = apps.get_model("rules", "Parameter"), apps.get_model("rules", "Rule")
    present = set(parameter_model.objects.filter(rule_set=rule_set).values_list("key", flat=True))
    for key, label, value, unit, low, high, citation in kh_2017_2020.PARAMETERS:
        if key in NEW_PARAMETERS and key not in present:
            parameter_model.objects.create(
                rule_set=rule_set, key=key, label=label, value=value, default=value, unit=unit,
                min_value=low, max_value=high, citation=citation,
            )
    present = set(rule_model.objects.filter(rule_set=rule_set).values_list("code", flat=True))
    for order, (code, group, title, text, citation, produces, keys) in enumerate(kh_2017_2020.RULES):
        if code in NEW_RULES and code not in present:
            rule_model.objects.create(
                rule_set=rule_set, code=code, group=group, order=order, title=title, text=text,
                citation=citation, produces=produces, parameter_keys=keys,
            )


def remove_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020

    apps.get_model("rules", "Rule").objects.filter(rule_set__code=kh_2017_2020.CODE, code__in=NEW_RULES).delete()
    apps.get_model("rules", "Parameter").objects.filter(
        rule_set__code=kh_2017_2020.CODE, key__in=NEW_PARAMETERS
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('rules', '0002_kh_2017_2020'),
    ]

    operations = [
        migrations.AlterField(
            model_name='rule',
            name='group',
            field=models.CharField(choices=[('dao_tao', 'Đào tạo (III.1.1)'), ('ra_soat', 'Rà soát nợ bằng (chú thích 1, 3–7)'), ('chuong_trinh', 'Chương trình được cử đi học'), ('luan_chuyen', 'Luân chuyển (II.3, III.2)'), ('dieu_dong', 'Điều động (III.3)'), ('khong_dia_phuong', 'Không là người địa phương (I.3)')], max_length=20, verbose_name='nhóm'),
        ),
        migrations.RunPython(add_rows, remove_rows),
    ]
