"""Writes to rule sets: edit a parameter, copy a set for the next plan period."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.accounts.models import Role
from canbo.audit.services import audit_record
from canbo.rules.models import Parameter, Rule, RuleSet


def _require_btc(actor) -> None:
    if not (getattr(actor, "is_superuser", False) or getattr(actor, "role", None) == Role.BTC):
        raise PermissionDenied(_("Chỉ Ban Tổ chức Tỉnh ủy được sửa tham số quy tắc."))


@transaction.atomic
def parameter_update(*, actor, parameter: Parameter, value: int) -> Parameter:
    _require_btc(actor)
    parameter = Parameter.objects.select_for_update().get(pk=parameter.pk)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({"value": _("Giá trị phải là số nguyên.")})
    old = parameter.value
    parameter.value = value
    parameter.full_clean()
    parameter.save(update_fields=["value"])
    audit_record(
        actor=actor,
        action="parameter_update",
        obj=parameter,
        summary=_("Sửa tham số “%(label)s” của %(set)s: %(old)s → %(new)s %(unit)s")
        % {
            "label": parameter.label,
            "set": parameter.rule_set.code,
            "old": old,
            "new": value,
            "unit": parameter.unit,
        },
        data={"bo_quy_tac": parameter.rule_set.code, "khoa": parameter.key, "cu": old, "moi": value},
    )
    return parameter


@transaction.atomic
def rule_set_copy(
    *,
    actor,
    source: RuleSet,
    code: str,
    name: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    document: str = "",
) -> RuleSet:
    """A new rule set for the next period with the same rules and parameter values, to edit."""
    _require_btc(actor)
    if valid_from <= source.valid_from:
        raise ValidationError(
            {
                "valid_from": _("Bộ quy tắc mới phải bắt đầu sau ngày %(d)s.")
                % {"d": source.valid_from.strftime("%d/%m/%Y")}
            }
        )
    copy = RuleSet(code=code, name=name, valid_from=valid_from, valid_to=valid_to, source=document)
    copy.full_clean()
    copy.save()
    Rule.objects.bulk_create(_copied(rule, copy) for rule in source.rules.all())
    Parameter.objects.bulk_create(_copied(parameter, copy) for parameter in source.parameters.all())
    audit_record(
        actor=actor,
        action="rule_set_copy",
        obj=copy,
        summary=_("Tạo bộ quy tắc %(new)s từ %(old)s") % {"new": code, "old": source.code},
        data={"tu": source.code},
    )
    return copy


def _copied(row, rule_set: RuleSet):
    """An unsaved copy of a rule or parameter, every field kept, belonging to `rule_set`."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name != "rule_set"
    }
    return type(row)(rule_set=rule_set, **values)
