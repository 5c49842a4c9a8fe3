"""The bodies that issue canbo's documents (DOCUMENTS.md §1, §2): how a document names its issuing body
and its superior, how its number is written and counted, who signs it and for whom, and to whom it
goes. The body's unit is found in the unit tree, and its head at the document's date signs."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from canbo.core.levels import Level
from canbo.documents.layouts import Layout
from canbo.documents.services import party_term
from canbo.org.models import Unit
from canbo.people.active import held_q
from canbo.people.models import PositionHolding


@dataclass(frozen=True)
class Issuer:
    """A body that issues documents. `superior` and `name` may hold `{province}`, the province's name."""

    layout: Layout
    code: str  # the issuer's part of the number: TU, BTCTU, SNV, UBND, HU
    superior: str
    name: str
    authority: str  # `T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN`; empty when the head signs
    position: str
    per_year: bool  # numbers run per year (State); otherwise per five-year Party term
    recipients: tuple[str, ...]
    find: Callable[[], Unit | None]  # the body's unit, whose head signs

    def unit(self) -> Unit | None:
        return self.find()

    def term(self, day: dt.date) -> str:
        return str(day.year) if self.per_year else party_term(day)

    def number(self, number: int | None, doc_type: str) -> str:
        return self.layout.number(number, doc_type, self.code)

    def signer(self, day: dt.date) -> str:
        """The holder at D of the body's first key (or BTV-managed) post; empty when none, for the name
        to be written in by hand."""
        unit = self.unit()
        if unit is None:
            return ""
        holding = (
            PositionHolding.objects.filter(held_q(day), unit=unit)
            .filter(Q(position_type__key_position=True) | Q(position_type__btv_managed=True))
            .select_related("cadre")
            .order_by("-position_type__key_position", "position_type__code", "cadre__code")
            .first()
        )
        return holding.cadre.full_name if holding else ""


def province_unit(bloc: str, name_starts: str = "") -> Callable[[], Unit | None]:
    """A finder of the province-level unit of `bloc` (the root one, or the first named so)."""

    def find() -> Unit | None:
        units = Unit.objects.filter(level=Level.TINH, bloc=bloc).order_by("path")
        if name_starts:
            return units.filter(name__istartswith=name_starts).first()
        return units.filter(parent=None).first()

    return find
