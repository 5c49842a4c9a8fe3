"""Which rule set is in force at a date, and its parameters.

The rule set in force at D is the one whose validity covers D; when none does (the plan period
has ended and the next period's set is not defined yet), the latest set started on or before D
stays in force, and before the first set starts, the first set applies. A database without any
rule set gets the shipped one.
"""

import datetime as dt

from django.db import transaction

from canbo.core.dated import in_force_q, is_in_force
from canbo.rules.models import Parameter, ParameterVersion, Rule, RuleSet
from canbo.rules.signals import rule_set_created


def rule_set_in_force(as_of: dt.date) -> RuleSet:
    started = RuleSet.objects.filter(valid_from__lte=as_of).order_by("-valid_from", "-id")
    covering = started.filter(in_force_q(as_of)).first()
    rule_set = covering or started.first() or RuleSet.objects.order_by("valid_from", "id").first()
    if rule_set is None:
        # An emptied database (a flushed test database, a fresh restore) gets the shipped set back.
        rule_set = _load_shipped()
    return rule_set


@transaction.atomic
def _load_shipped() -> RuleSet:
    from django.apps import apps

    from canbo.rules import kh_2017_2020

    rule_set = kh_2017_2020.load(apps)
    rule_set_created.send(sender=RuleSet, rule_set=rule_set, source=None, actor=None)
    return rule_set


def versions_in_force(rule_set: RuleSet, as_of: dt.date) -> dict[str, ParameterVersion]:
    """Parameter key -> the version of the set's parameter in force at D. Before a parameter's
    first version (a date before the set starts, when the first set applies) the first one holds."""
    found: dict[str, ParameterVersion] = {}
    versions = ParameterVersion.objects.filter(parameter__rule_set=rule_set).select_related("parameter")
    for version in versions.order_by("parameter_id", "valid_from"):
        key = version.parameter.key
        if key not in found or is_in_force(version, as_of):
            found[key] = version
    return found


def parameters_in_force(as_of: dt.date) -> dict[str, int]:
    """Parameter key -> value in force at D, within the rule set in force at D."""
    rule_set = rule_set_in_force(as_of)
    return {key: version.value for key, version in versions_in_force(rule_set, as_of).items()}


def rules_in_force(rule_set: RuleSet) -> dict[str, Rule]:
    """Rule code -> rule of the set: a verdict runs only when its rule is here."""
    return {rule.code: rule for rule in Rule.objects.filter(rule_set=rule_set)}


def rules_catalogue(*, rule_set: RuleSet, as_of: dt.date) -> list[dict]:
    """Every rule of the set, grouped in display order, each with its text filled in with the
    parameter values in force at D, the parameters it uses, whether canbo checks it, and the
    conditions canbo runs for it, in words."""
    from canbo.rules.wording import conditions_by_rule  # the rules page's words, not every command's

    versions = versions_in_force(rule_set, as_of)
    shown = {key: version.parameter.shown(version.value) for key, version in versions.items()}
    conditions = conditions_by_rule({key: version.value for key, version in versions.items()})
    groups: dict[str, dict] = {}
    for rule in Rule.objects.filter(rule_set=rule_set).order_by("order"):
        group = groups.setdefault(
            rule.group, {"code": rule.group, "label": rule.get_group_display(), "rules": []}
        )
        group["rules"].append(
            {
                "rule": rule,
                "text": rule.render_text(shown),
                "parameters": [versions[key] for key in rule.parameter_keys if key in versions],
                "conditions": conditions.get(rule.code, []) if rule.enforced else [],
            }
        )
    return list(groups.values())


def parameter_history(parameter: Parameter) -> list[ParameterVersion]:
    return list(parameter.versions.order_by("-valid_from"))
