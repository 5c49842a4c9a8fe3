"""The generic scope filter: conditions on units from the actor's scope.

The scope table (which role reaches which units, and how a user's own `scope_unit` and `blocs`
narrow it) lives in `canbo.core.capabilities`; this module turns an actor's scope into query
conditions on units, reached through any relation (`prefix`). Each domain builds its own
`visible_*` selector from them (`canbo.org.selectors.visible_units`,
`canbo.people.selectors.visible_cadres`), so this module knows no domain model.
"""

from django.db.models import Q

from canbo.core.capabilities import scope_of


def _units_within(prefix: str, unit_path: str | None, blocs: frozenset[str] | None) -> Q | None:
    condition = Q()
    if unit_path is not None:
        condition &= Q(**{f"{prefix}path__startswith": unit_path})
    if blocs is not None:
        condition &= Q(**{f"{prefix}bloc__in": sorted(blocs)})
    return condition if condition else None


def unit_condition(actor, prefix: str = "") -> Q | None:
    """Units (reached through `prefix`, e.g. "unit__") that `actor` sees; None means every unit."""
    scope = scope_of(actor)
    if scope.everything:
        return None
    if scope.nothing:
        return Q(**{f"{prefix}pk__in": []})
    return _units_within(prefix, scope.unit_path, scope.blocs)


def btv_managed_unit_condition(actor, prefix: str = "") -> Q | None:
    """Where the actor follows BTV-managed cadres: within the user's own narrowing (None: anywhere).

    Only meaningful when `reaches_btv_managed(actor)`."""
    scope = scope_of(actor)
    return _units_within(prefix, scope.unit_path, scope.own_blocs)


def reaches_btv_managed(actor) -> bool:
    return scope_of(actor).btv_managed


def sees_everything(actor) -> bool:
    return scope_of(actor).everything
