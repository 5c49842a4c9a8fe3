"""Reads of the programme catalogue: a rule set's families and programmes, with each length and
commitment that follows a parameter read as the value in force at the page's date."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from canbo.core.errors import NotFound
from canbo.core.levels import qualification_words
from canbo.rules.models import ParameterVersion, RuleSet
from canbo.rules.selectors import versions_in_force
from canbo.training.models import Programme, ProgrammeFamily


@dataclass(frozen=True)
class Years:
    """A length or commitment in years: its own value, or a parameter's value in force."""

    value: int | None
    parameter: ParameterVersion | None = None


def _years(own: int | None, key: str, versions: dict[str, ParameterVersion]) -> Years:
    if key:
        version = versions.get(key)
        return Years(version.value if version else None, version)
    return Years(own)


def catalogue(*, rule_set: RuleSet, as_of: dt.date) -> list[dict]:
    """The families of `rule_set` in order, each with its programmes, their lengths and commitments
    at D and what a pass gives, in words."""
    versions = versions_in_force(rule_set, as_of)
    programmes: dict[int, list[dict]] = {}
    for programme in Programme.objects.filter(rule_set=rule_set).order_by("order", "code"):
        programmes.setdefault(programme.family_id, []).append({
            "programme": programme,
            "years": _years(programme.years, programme.years_parameter, versions),
            "commitment": _years(programme.commitment_years, programme.commitment_parameter, versions),
            "qualifications": [qualification_words(item) for item in programme.qualifications],
        })
    return [
        {"family": family, "programmes": programmes.get(family.pk, [])}
        for family in ProgrammeFamily.objects.filter(rule_set=rule_set).order_by("order", "code")
    ]


def programme_get(*, pk: int) -> Programme:
    """A programme of any rule set: the catalogue is the whole province's, not scoped."""
    programme = Programme.objects.select_related("rule_set", "family").filter(pk=pk).first()
    if programme is None:
        raise NotFound(_("Không có chương trình đào tạo, bồi dưỡng này."))
    return programme


def rule_set_get(*, code: str) -> RuleSet:
    rule_set = RuleSet.objects.filter(code=code).first()
    if rule_set is None:
        raise NotFound(_("Không có bộ quy tắc mã “%(code)s”.") % {"code": code})
    return rule_set
