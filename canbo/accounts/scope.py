"""What each user may see: units and cadres in scope, and the selectors that check it.

Roles and the scope they grant (SPEC §1):

| role          | units visible                          | cadres visible at date D                   |
|---------------|----------------------------------------|--------------------------------------------|
| `btv`         | the whole province                     | every cadre                                |
| `thuong_truc` | the whole province                     | every cadre                                |
| `inspector`   | the whole province                     | every cadre                                |
| `school`      | the whole province                     | every cadre                                |
| `btc`         | blocs `dang`, `mttq_doan_the`          | holding at D a position in a visible unit, |
|               |                                        | or holding or planned at D for a           |
|               |                                        | `btv_managed` position type                |
| `snv`         | blocs `nha_nuoc`, `su_nghiep`          | holding at D a position in a visible unit  |
| `unit_hr`     | subtree of `scope_unit` (none if unset)| holding at D a position in a visible unit  |

A user's own `scope_unit` and `blocs`, when set, narrow any role further (a `btc` officer can be
limited to one bloc, a school to its own unit). Superusers see everything. "Holding at D" is the
subtree rule of SPEC §8: a position held at D (from ≤ D, no end or end ≥ D). Every test here is
one database query; no Python loop runs over cadres.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from canbo.accounts.models import Role
from canbo.core.dated import in_force_q
from canbo.core.levels import Bloc
from canbo.org.models import Unit
from canbo.people.models import Cadre, PlanningEntry, PositionHolding

PROVINCE_WIDE = frozenset({Role.BTV, Role.THUONG_TRUC, Role.INSPECTOR, Role.SCHOOL})
ROLE_BLOCS = {
    Role.BTC: (Bloc.DANG, Bloc.MTTQ_DOAN_THE),
    Role.SNV: (Bloc.NHA_NUOC, Bloc.SU_NGHIEP),
}


def _everything(actor) -> bool:
    return actor.is_superuser or (
        actor.role in PROVINCE_WIDE and actor.scope_unit_id is None and not actor.blocs
    )


def unit_q(actor, prefix: str = "") -> Q | None:
    """Condition on units (reached through `prefix`) that `actor` sees; None means every unit."""
    if actor.is_superuser:
        return None
    condition = Q()
    if actor.role == Role.UNIT_HR and actor.scope_unit_id is None:
        return Q(**{f"{prefix}pk__in": []})
    if actor.scope_unit_id is not None:
        condition &= Q(**{f"{prefix}path__startswith": actor.scope_unit.path})
    blocs = actor.blocs or ROLE_BLOCS.get(actor.role)
    if blocs:
        condition &= Q(**{f"{prefix}bloc__in": list(blocs)})
    return condition if condition else None


def visible_units(actor) -> QuerySet[Unit]:
    if not getattr(actor, "is_authenticated", False):
        return Unit.objects.none()
    condition = unit_q(actor)
    return Unit.objects.all() if condition is None else Unit.objects.filter(condition)


def planned_q(as_of: dt.date) -> Q:
    """Planning entries in force at D: approved on or before D, term covering D's year."""
    return Q(approved_on__lte=as_of, term_start__lte=as_of.year, term_end__gte=as_of.year)


def visible_cadres(actor, as_of: dt.date) -> QuerySet[Cadre]:
    if not getattr(actor, "is_authenticated", False):
        return Cadre.objects.none()
    if _everything(actor):
        return Cadre.objects.all()
    holdings = PositionHolding.objects.filter(in_force_q(as_of), cadre=OuterRef("pk"))
    condition = unit_q(actor, "unit__")
    in_units = holdings.filter(condition) if condition is not None else holdings
    scope = Exists(in_units)
    if actor.role == Role.BTC and not actor.is_superuser:
        btv_holding = holdings.filter(position_type__btv_managed=True)
        btv_planned = PlanningEntry.objects.filter(
            planned_q(as_of), cadre=OuterRef("pk"), position_type__btv_managed=True
        )
        scope = scope | Exists(btv_holding) | Exists(btv_planned)
    return Cadre.objects.filter(scope)


def cadre_get(*, actor, code: str, as_of: dt.date) -> Cadre:
    """The cadre with this code if `actor` may see them at `as_of`; Http404 otherwise."""
    cadre = (
        visible_cadres(actor, as_of)
        .select_related("hometown", "birthplace", "rank")
        .filter(code=code)
        .first()
    )
    if cadre is None:
        raise Http404(_("Không có cán bộ mã “%(code)s” trong phạm vi của bạn.") % {"code": code})
    return cadre


def unit_get(*, actor, code: str) -> Unit:
    """The unit with this code if `actor` may see it; Http404 otherwise."""
    unit = visible_units(actor).select_related("parent", "locality").filter(code=code).first()
    if unit is None:
        raise Http404(_("Không có đơn vị mã “%(code)s” trong phạm vi của bạn.") % {"code": code})
    return unit


def scope_label(actor) -> str:
    """The scope in words, for the top bar: a unit, blocs, or the whole province."""
    if actor.is_superuser:
        return _("Toàn tỉnh (quản trị)")
    parts = []
    if actor.scope_unit_id is not None:
        parts.append(actor.scope_unit.name)
    elif actor.role == Role.UNIT_HR:
        return _("Chưa được giao đơn vị")
    blocs = actor.blocs or ROLE_BLOCS.get(actor.role)
    if blocs:
        labels = dict(Bloc.choices)
        parts.append(", ".join(str(labels.get(bloc, bloc)) for bloc in blocs))
        if actor.role == Role.BTC:
            parts.append(_("cán bộ diện BTV quản lý"))
    return "; ".join(parts) if parts else _("Toàn tỉnh")
