"""Which rule set is in force at a date, and its parameters.

The rule set in force at D is the one whose validity covers D; when none does (the plan period
has ended and the next period's set is not defined yet), the latest set started on or before D
stays in force, and before the first set starts, the first set applies. A database without any
rule set gets the shipped one.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from canbo.rules.models import Parameter, Rule, RuleSet
from canbo.rules.wording import conditions_by_rule


def rule_set_in_force(as_of: dt.date) -> RuleSet:
    started = RuleSet.objects.filter(valid_from__lte=as_of).order_by("-valid_from", "-id")
    covering = started.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=as_of)).first()
    rule_set = covering or started.first() or RuleSet.objects.order_by("valid_from", "id").first()
    if rule_set is None:
        # An emptied database (a flushed test database, a fresh restore) gets the shipped set back.
        rule_set = _load_shipped()
    return rule_set


@transaction.atomic
def _load_shipped() -> RuleSet:
    from canbo.rules import kh_2017_2020

    return kh_2017_2020.load(RuleSet, Rule, Parameter)


def parameters_in_force(as_of: dt.date) -> dict[str, int]:
    rule_set = rule_set_in_force(as_of)
    return dict(Parameter.objects.filter(rule_set=rule_set).values_list("key", "value"))


def rules_catalogue(*, rule_set: RuleSet) -> list[dict]:
    """Every rule of the set, grouped in display order, each with the parameters it uses and the
    conditions canbo runs for it, in words."""
    parameters = {p.key: p for p in Parameter.objects.filter(rule_set=rule_set)}
    conditions = conditions_by_rule({key: p.value for key, p in parameters.items()})
    groups: dict[str, dict] = {}
    for rule in Rule.objects.filter(rule_set=rule_set).order_by("order"):
        group = groups.setdefault(
            rule.group, {"code": rule.group, "label": rule.get_group_display(), "rules": []}
        )
        group["rules"].append(
            {
                "rule": rule,
                "parameters": [parameters[key] for key in rule.parameter_keys if key in parameters],
                "conditions": conditions.get(rule.code, []),
            }
        )
    return list(groups.values())
