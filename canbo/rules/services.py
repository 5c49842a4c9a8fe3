"""Writes to rule sets: a new dated value of a parameter, a copy of a set for the next period."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dated import version_succeed
from canbo.rules.models import Parameter, ParameterVersion, Rule, RuleSet
from canbo.rules.selectors import versions_in_force
from canbo.rules.signals import rule_set_created


def _version_json(version: ParameterVersion | None) -> dict | None:
    if version is None:
        return None
    return {"value": version.value, "valid_from": version.valid_from.isoformat()}


@transaction.atomic
def parameter_version_create(
    *, actor, parameter: Parameter, value: int, valid_from: dt.date, reason: str, decision: str
) -> ParameterVersion:
    """A new value of `parameter` in force from `valid_from`, with the reason and the document
    that decided it; the version in force until then ends the day before. Reviews as of dates
    before `valid_from` keep reading the earlier value."""
    require(actor, Action.EDIT_RULES)
    parameter = Parameter.objects.select_related("rule_set").get(pk=parameter.pk)
    versions = ParameterVersion.objects.select_for_update().filter(parameter=parameter)
    previous = versions.order_by("-valid_from").first()
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do thay đổi tham số.")})
    if previous is not None and valid_from <= previous.valid_from:
        raise ValidationError(
            {
                "valid_from": _("Giá trị mới phải có hiệu lực sau ngày %(d)s của giá trị đang áp dụng.")
                % {"d": previous.valid_from.strftime("%d/%m/%Y")}
            }
        )
    version = ParameterVersion(
        parameter=parameter,
        value=value,
        valid_from=valid_from,
        reason=reason.strip(),
        decision=decision.strip(),
    )
    version_succeed(previous, version)
    audit_record(
        actor=actor,
        action=AuditAction.PARAMETER_VERSION_CREATE,
        obj=parameter,
        before=_version_json(previous),
        after=_version_json(version),
        data={
            "bo_quy_tac": parameter.rule_set.code,
            "khoa": parameter.key,
            "ly_do": reason,
            "van_ban": decision,
        },
    )
    return version


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
    """A new rule set for the next period with the same rules, each parameter with its value in
    force at the new set's start, and the rows other apps date by rule set (`rule_set_created`)."""
    require(actor, Action.EDIT_RULES)
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
    values = versions_in_force(source, valid_from)
    parameters = Parameter.objects.bulk_create(
        _copied(parameter, copy) for parameter in source.parameters.all()
    )
    ParameterVersion.objects.bulk_create(
        ParameterVersion(
            parameter=parameter,
            value=values[parameter.key].value if parameter.key in values else parameter.default,
            valid_from=valid_from,
            reason=_("Sao chép từ bộ quy tắc %(code)s") % {"code": source.code},
            decision=document,
        )
        for parameter in parameters
    )
    audit_record(
        actor=actor,
        action=AuditAction.RULE_SET_COPY,
        obj=copy,
        after={"ma": code, "ten": name, "tu_ngay": valid_from.isoformat()},
        data={"tu": source.code},
    )
    rule_set_created.send(sender=RuleSet, rule_set=copy, source=source, actor=actor)
    return copy


def _copied(row, rule_set: RuleSet):
    """An unsaved copy of a rule or parameter, every field kept, belonging to `rule_set`."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name != "rule_set"
    }
    return type(row)(rule_set=rule_set, **values)
