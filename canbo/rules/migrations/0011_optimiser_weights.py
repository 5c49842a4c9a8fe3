"""Every rule set gets the fit of the optimal rotation proposals (SPEC §13) as parameters: the weights
of the standards met, of planning for the seat's type, of the years left, of women, ethnic minorities
and young cadres, and the cap of cadres sent from one unit (plan I.4), with rule P1 naming them; the
shipped values in force from the set's start."""

from django.db import migrations

CODE = "P1"


def _keys(shipped) -> list[str]:
    return next(row for row in shipped.RULES if row[0] == CODE)[6]


def add_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    keys = _keys(shipped)
    Parameter = apps.get_model("rules", "Parameter")
    ParameterVersion = apps.get_model("rules", "ParameterVersion")
    Rule = apps.get_model("rules", "Rule")
    order = next(i for i, row in enumerate(shipped.RULES) if row[0] == CODE)
    _code, group, title, text, citation, produces, _ = shipped.RULES[order]
    for rule_set in apps.get_model("rules", "RuleSet").objects.all():
        for key, label, value, unit, low, high, cited in shipped.PARAMETERS:
            if key not in keys or Parameter.objects.filter(rule_set=rule_set, key=key).exists():
                continue
            parameter = Parameter.objects.create(rule_set=rule_set, key=key, label=label, default=value, unit=unit,
                                                 min_value=low, max_value=high, citation=cited)
            ParameterVersion.objects.create(parameter=parameter, value=value, valid_from=rule_set.valid_from,
                                            reason=shipped.REASONS[key], decision="")
        # a database migrated afresh has them from the shipped set already, with the general reason
        for key in keys:
            if key in shipped.REASONS:
                ParameterVersion.objects.filter(parameter__rule_set=rule_set, parameter__key=key,
                                                reason=shipped.INITIAL_REASON).update(reason=shipped.REASONS[key])
        if not Rule.objects.filter(rule_set=rule_set, code=CODE).exists():
            Rule.objects.create(rule_set=rule_set, code=CODE, group=group, order=order, title=title, text=text,
                                citation=citation, produces=produces, parameter_keys=keys)


def remove_rows(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    apps.get_model("rules", "Rule").objects.filter(code=CODE).delete()
    keys = [key for key in _keys(shipped) if key in shipped.REASONS]
    apps.get_model("rules", "Parameter").objects.filter(key__in=keys).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0010_succession_caps")]

    operations = [migrations.RunPython(add_rows, remove_rows)]
