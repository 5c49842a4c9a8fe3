"""Every rule set gets the amount of the one-time allowance of a rotation (R8; the plan's III.2.5 names
Quyết định 811-QĐ/TU without the amount): the shipped value in force from the set's start, with the
reason saying so, and R8's text naming it."""

from django.db import migrations

KEY, CODE = "muc_ho_tro_luan_chuyen", "R8"


def add_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    _key, label, value, unit, low, high, citation = next(row for row in shipped.PARAMETERS if row[0] == KEY)
    _code, _group, _title, text, _citation, _produces, keys = next(row for row in shipped.RULES if row[0] == CODE)
    Parameter = apps.get_model("rules", "Parameter")
    ParameterVersion = apps.get_model("rules", "ParameterVersion")
    Rule = apps.get_model("rules", "Rule")
    for rule_set in apps.get_model("rules", "RuleSet").objects.all():
        if not Parameter.objects.filter(rule_set=rule_set, key=KEY).exists():
            parameter = Parameter.objects.create(rule_set=rule_set, key=KEY, label=label, default=value,
                                                 unit=unit, min_value=low, max_value=high, citation=citation)
            ParameterVersion.objects.create(parameter=parameter, value=value, valid_from=rule_set.valid_from,
                                            reason=shipped.REASONS[KEY], decision=rule_set.source)
        # a database migrated afresh has it from the shipped set already, with the general reason
        ParameterVersion.objects.filter(parameter__rule_set=rule_set, parameter__key=KEY,
                                        reason=shipped.INITIAL_REASON).update(reason=shipped.REASONS[KEY])
        for rule in Rule.objects.filter(rule_set=rule_set, code=CODE):
            if KEY not in rule.parameter_keys:
                rule.text, rule.parameter_keys = text, keys
                rule.save(update_fields=["text", "parameter_keys"])


def remove_rows(apps, schema_editor):
    apps.get_model("rules", "Parameter").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0008_rotation_reminder_days")]

    operations = [migrations.RunPython(add_rows, remove_rows)]
