"""Writes to the programme catalogue (btc and snv; each audited), and its copy into a new rule set."""

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.rules import kh_2017_2020 as shipped_rules
from canbo.rules.models import RuleSet
from canbo.rules.verdicts import PROGRAMMES_BY_KEY
from canbo.training import kh_2017_2020 as shipped_catalogue
from canbo.training.models import Programme, ProgrammeFamily

# What an edit may change; the code and the rule set stay (plans and the eligibility lists name them).
EDITABLE = frozenset({
    "family", "name", "order", "citation", "qualifications", "years", "full_time", "in_service",
    "cost_full_time", "cost_in_service", "commitment_years", "quota_source",
})


def _data(programme: Programme) -> dict:
    return {"bo_quy_tac": programme.rule_set.code}


@transaction.atomic
def programme_create(*, actor, rule_set: RuleSet, family: ProgrammeFamily, code: str, name: str,
                     **values) -> Programme:
    """A new programme of `family` in `rule_set`; `values` are further fields of EDITABLE."""
    require(actor, Action.EDIT_PROGRAMMES)
    unknown = set(values) - EDITABLE
    if unknown:
        raise TypeError(f"programme_create: unknown fields {sorted(unknown)}")
    programme = Programme(rule_set=rule_set, family=family, code=code.strip(), name=name.strip(), **values)
    if Programme.objects.filter(rule_set=rule_set, code=programme.code).exists():
        raise ValidationError({"code": _("Bộ quy tắc đã có chương trình mã này.")})
    programme.full_clean()
    programme.save()
    audit_record(actor=actor, action=AuditAction.PROGRAMME_CREATE, obj=programme, after=snapshot(programme),
                 data=_data(programme))
    return programme


@transaction.atomic
def programme_update(*, actor, programme: Programme, **changes) -> Programme:
    """Change fields of EDITABLE; a length or commitment that follows a rule-set parameter is changed
    on the rules page, not here."""
    require(actor, Action.EDIT_PROGRAMMES)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"programme_update: unknown fields {sorted(unknown)}")
    programme = Programme.objects.select_for_update().select_related("rule_set").get(pk=programme.pk)
    followed = {"years": programme.years_parameter, "commitment_years": programme.commitment_parameter}
    for field, parameter in followed.items():
        if parameter and changes.get(field) is not None:
            message = _("Giá trị này theo tham số “%(key)s” của bộ quy tắc; thay đổi ở trang Quy tắc.")
            raise ValidationError({field: message % {"key": parameter}})
    before = snapshot(programme)
    for field, value in changes.items():
        setattr(programme, field, value.strip() if isinstance(value, str) else value)
    programme.full_clean()
    after = snapshot(programme)
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        return programme
    programme.save()
    audit_record(
        actor=actor, action=AuditAction.PROGRAMME_UPDATE, obj=programme, data=_data(programme),
        before={name: before[name] for name in changed}, after={name: after[name] for name in changed},
    )
    return programme


def programme_delete_problem(programme: Programme) -> str | None:
    """Why a programme cannot be deleted; None when it can."""
    verdict = PROGRAMMES_BY_KEY.get(programme.code)
    if verdict is not None:
        message = _("Chương trình “%(name)s” là chương trình của quy tắc %(rule)s: danh sách đủ điều "
                    "kiện và kế hoạch đào tạo dùng mã này, nên không xóa được; có thể sửa thông tin của "
                    "chương trình.")
        return message % {"name": programme.name, "rule": verdict.rule}
    return None


@transaction.atomic
def programme_delete(*, actor, programme: Programme) -> None:
    require(actor, Action.EDIT_PROGRAMMES)
    programme = Programme.objects.select_for_update().select_related("rule_set").get(pk=programme.pk)
    problem = programme_delete_problem(programme)
    if problem:
        raise ValidationError(problem)
    audit_record(actor=actor, action=AuditAction.PROGRAMME_DELETE, obj=programme, before=snapshot(programme),
                 data=_data(programme))
    programme.delete()


def catalogue_for_new_rule_set(sender, *, rule_set: RuleSet, source: RuleSet | None, actor, **kwargs) -> None:
    """Receiver of `rules.signals.rule_set_created`: a copied rule set gets a copy of the source's
    catalogue (within the audited copy of the rule set, by the same actor); the shipped rule set,
    loaded again into an emptied database, gets the shipped catalogue, as its data migration gave it."""
    if source is not None:
        _catalogue_copy(actor=actor, source=source, target=rule_set)
    elif rule_set.code == shipped_rules.CODE:
        shipped_catalogue.load(django_apps, rule_set)


def _catalogue_copy(*, actor, source: RuleSet, target: RuleSet) -> None:
    families = {}
    for family in ProgrammeFamily.objects.filter(rule_set=source):
        old_id = family.pk
        family.pk, family.rule_set = None, target
        family.save()
        families[old_id] = family
    programmes = list(Programme.objects.filter(rule_set=source))
    for programme in programmes:
        programme.pk, programme.rule_set, programme.family = None, target, families[programme.family_id]
    Programme.objects.bulk_create(programmes)
    audit_record(actor=actor, action=AuditAction.PROGRAMMES_COPY, obj=target,
                 data={"tu": source.code, "so_chuong_trinh": len(programmes)})
