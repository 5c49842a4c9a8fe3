"""A rule set copied before a parameter existed gets it: the parameters of the proposal rules
(0003) and of the evaluations were added to the seeded set only, and the rules read every
parameter they cite. Each missing one is copied from the earliest set that has it, with that set's
value in force at the copy's start, recorded as a version from the copy's start."""

from django.db import migrations

REASON = "Bổ sung tham số có sau khi sao chép bộ quy tắc"


def _value_at(versions, day):
    """The value in force at `day` among a parameter's versions (the first one before any)."""
    chosen = versions[0]
    for version in versions:
        if version.valid_from <= day:
            chosen = version
    return chosen.value


def add_missing_parameters(apps, schema_editor):
    RuleSet = apps.get_model("rules", "RuleSet")
    Parameter = apps.get_model("rules", "Parameter")
    ParameterVersion = apps.get_model("rules", "ParameterVersion")
    sets = list(RuleSet.objects.order_by("valid_from", "id"))
    for target in sets[1:]:
        have = set(Parameter.objects.filter(rule_set=target).values_list("key", flat=True))
        for source in sets:
            if source.pk == target.pk:
                continue
            for parameter in Parameter.objects.filter(rule_set=source).exclude(key__in=have).order_by("id"):
                versions = list(ParameterVersion.objects.filter(parameter=parameter).order_by("valid_from"))
                fields = {f.attname: getattr(parameter, f.attname) for f in Parameter._meta.concrete_fields
                          if not f.primary_key and f.name != "rule_set"}
                copy = Parameter.objects.create(rule_set=target, **fields)
                value = _value_at(versions, target.valid_from) if versions else parameter.default
                ParameterVersion.objects.create(parameter=copy, value=value, valid_from=target.valid_from,
                                                reason=REASON, decision="")
                have.add(parameter.key)


class Migration(migrations.Migration):
    dependencies = [("rules", "0006_parameter_value_in_versions_only")]
    operations = [migrations.RunPython(add_missing_parameters, migrations.RunPython.noop)]
