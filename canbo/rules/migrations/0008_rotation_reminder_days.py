"""Every rule set gets the follow-up of rotated cadres (R10): the number of days before a rotation's term
ends that canbo lists it, with the shipped value in force from the set's start, and the rule citing it."""

from django.db import migrations

KEY, CODE = "ngay_nhac_han_luan_chuyen", "R10"
REASON = "Giá trị ban hành cùng bộ quy tắc"


def add_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    _key, label, value, unit, low, high, citation = next(row for row in shipped.PARAMETERS if row[0] == KEY)
    order = next(i for i, row in enumerate(shipped.RULES) if row[0] == CODE)
    _code, group, title, text, rule_citation, produces, keys = shipped.RULES[order]
    Parameter = apps.get_model("rules", "Parameter")
    ParameterVersion = apps.get_model("rules", "ParameterVersion")
    Rule = apps.get_model("rules", "Rule")
    for rule_set in apps.get_model("rules", "RuleSet").objects.all():
        if not Parameter.objects.filter(rule_set=rule_set, key=KEY).exists():
            parameter = Parameter.objects.create(rule_set=rule_set, key=KEY, label=label, default=value,
                                                 unit=unit, min_value=low, max_value=high, citation=citation)
            ParameterVersion.objects.create(parameter=parameter, value=value, valid_from=rule_set.valid_from,
                                            reason=REASON, decision=rule_set.source)
        if not Rule.objects.filter(rule_set=rule_set, code=CODE).exists():
            Rule.objects.create(rule_set=rule_set, code=CODE, group=group, order=order, title=title, text=text,
                                citation=rule_citation, produces=produces, parameter_keys=keys)


def remove_rows(apps, schema_editor):
    apps.get_model("rules", "Rule").objects.filter(code=CODE).delete()
    apps.get_model("rules", "Parameter").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0007_copied_rule_sets_get_later_parameters")]

    operations = [migrations.RunPython(add_rows, remove_rows)]
