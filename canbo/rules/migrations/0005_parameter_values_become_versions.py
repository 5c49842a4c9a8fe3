"""Parameter values become dated versions, and the shipped rule set takes its new data.

- Every parameter row, of whatever rule set, gets its value as a first version in force from its
  rule set's start.
- Every rule set gets the plan thresholds that left the SQL of the facts (grade, rating, years of
  evaluations) as parameters, with the shipped values, if it lacks them.
- Rule texts that still read as shipped get the shipped text with `{parameter}` placeholders; the
  rules canbo does not check yet are marked so; the shipped set gets the rules it lacks among
  `ADDED_RULES`.
"""

from django.db import migrations

ADDED_RULES = ("BC",)
THRESHOLDS = ("xep_loai_bang_toi_thieu", "muc_danh_gia_toi_thieu", "so_nam_danh_gia")


def forward(apps, schema_editor):
    from canbo.rules import kh_2017_2020 as shipped

    rule_set_model = apps.get_model("rules", "RuleSet")
    rule_model = apps.get_model("rules", "Rule")
    parameter_model = apps.get_model("rules", "Parameter")
    version_model = apps.get_model("rules", "ParameterVersion")

    for key, values in shipped.SCALES.items():
        parameter_model.objects.filter(key=key).update(scale=values)
    by_key = {row[0]: row for row in shipped.PARAMETERS}
    for rule_set in rule_set_model.objects.all():
        present = set(parameter_model.objects.filter(rule_set=rule_set).values_list("key", flat=True))
        for key in THRESHOLDS:
            if key not in present:
                _key, label, value, unit, low, high, citation = by_key[key]
                parameter_model.objects.create(
                    rule_set=rule_set,
                    key=key,
                    label=label,
                    value=value,
                    default=value,
                    unit=unit,
                    min_value=low,
                    max_value=high,
                    citation=citation,
                    scale=shipped.SCALES.get(key, []),
                )
    version_model.objects.bulk_create(
        version_model(
            parameter=parameter,
            value=parameter.value,
            valid_from=parameter.rule_set.valid_from,
            reason=shipped.INITIAL_REASON,
            decision=parameter.rule_set.source,
        )
        for parameter in parameter_model.objects.select_related("rule_set")
    )

    shipped_rules = {code: (text, keys) for code, _g, _t, text, _c, _p, keys in shipped.RULES}
    original = rule_set_model.objects.filter(code=shipped.CODE).first()
    if original is not None:
        old_texts = dict(rule_model.objects.filter(rule_set=original).values_list("code", "text"))
        for code, old_text in old_texts.items():
            if code in shipped_rules and old_text != shipped_rules[code][0]:
                text, keys = shipped_rules[code]
                rule_model.objects.filter(code=code, text=old_text).update(text=text, parameter_keys=keys)
        for index, (code, group, title, text, citation, produces, keys) in enumerate(shipped.RULES):
            if code in ADDED_RULES and code not in old_texts:
                rule_model.objects.create(
                    rule_set=original,
                    code=code,
                    group=group,
                    order=index,
                    title=title,
                    text=text,
                    citation=citation,
                    produces=produces,
                    parameter_keys=keys,
                )
    rule_model.objects.filter(code__in=shipped.NOT_CHECKED_YET).update(enforced=False)


def backward(apps, schema_editor):
    parameter_model = apps.get_model("rules", "Parameter")
    for parameter in parameter_model.objects.all():
        latest = parameter.versions.order_by("-valid_from").first()
        if latest is not None:
            parameter.value = latest.value
            parameter.save(update_fields=["value"])


class Migration(migrations.Migration):
    dependencies = [("rules", "0004_parameter_versions")]
    operations = [migrations.RunPython(forward, backward)]
