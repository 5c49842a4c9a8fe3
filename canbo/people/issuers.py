"""The bodies that issue canbo's documents (DOCUMENTS.md §1, §2): how a document names its issuing body
and its superior, how its number is written and counted, who signs it and for whom, and to whom it
goes. The body's unit is found in the unit tree, and its head at the document's date signs, or one of
its deputies for the head (DOCUMENTS.md §1, §2: `K/T`, `KT.`).

Posts are the province's data and carry no "head" or "deputy" flag, so the words of their names say it,
as every Vietnamese post name does: a deputy's begins "Phó" or "Cấp phó", a member's "Ủy viên"."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from canbo.core.errors import NotFound
from canbo.core.levels import Level
from canbo.documents.content import Signature
from canbo.documents.layouts import Layout
from canbo.documents.services import party_term
from canbo.org.models import Unit
from canbo.people.active import held_q
from canbo.people.models import PositionHolding

DEPUTY_WORDS = ("phó ", "cấp phó")
MEMBER_WORDS = ("ủy viên", "uỷ viên")


def _is_deputy(post: str) -> bool:
    return post.casefold().startswith(DEPUTY_WORDS)


@dataclass(frozen=True)
class Signer:
    """Who may sign a document for the body: its head, or a deputy for the head."""

    cadre_id: int
    name: str
    post: str
    deputy: bool


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

    def signers(self, day: dt.date) -> list[Signer]:
        """At D, the body's head (the holder of its first key or BTV-managed post that is no deputy's or
        member's), when there is one, then its deputies (the holders of its posts named "Phó …")."""
        unit = self.unit()
        if unit is None:
            return []
        holdings = list(
            PositionHolding.objects.filter(held_q(day), unit=unit)
            .select_related("cadre", "position_type")
            .order_by("-position_type__key_position", "position_type__code", "cadre__code")
        )
        heads = [
            h for h in holdings
            if (h.position_type.key_position or h.position_type.btv_managed)
            and not h.position_type.name.casefold().startswith(DEPUTY_WORDS + MEMBER_WORDS)
        ]
        deputies = [h for h in holdings if _is_deputy(h.position_type.name)]
        return [
            Signer(h.cadre_id, h.cadre.full_name, h.position_type.name, deputy=h in deputies)
            for h in [*heads[:1], *deputies]
        ]

    def signature(self, day: dt.date, cadre_id: int | None = None) -> Signature:
        """The signature block at D: the head's, with their name (blank for the name to be written in
        when the post is vacant); or, when `cadre_id` is a deputy's, the deputy's for the head:
        `K/T TRƯỞNG BAN` / `PHÓ TRƯỞNG BAN`, `T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ` (a Party committee signs
        as a collective, with no K/T), `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`."""
        signers = self.signers(day)
        authority, position = str(self.authority), str(self.position)
        if cadre_id is None:
            head = next((s for s in signers if not s.deputy), None)
            return Signature(authority, position, head.name if head else "")
        signer = next((s for s in signers if s.cadre_id == cadre_id), None)
        if signer is None:
            raise NotFound(format_lazy(
                gettext_lazy("Người ký đã chọn không là người đứng đầu hay cấp phó của cơ quan ban hành vào "
                             "ngày {day}."),
                day=f"{day:%d/%m/%Y}",
            ))
        if not signer.deputy:
            return Signature(authority, position, signer.name)
        for_head = f"{self.layout.deputy_mark} {position}"
        if not authority:
            authority = for_head
        elif self.layout.deputy_under_collective:
            authority = f"{authority}\n{for_head}"
        return Signature(authority, f"PHÓ {position}", signer.name)


def province_unit(bloc: str, name_starts: str = "") -> Callable[[], Unit | None]:
    """A finder of the province-level unit of `bloc` (the root one, or the first named so)."""

    def find() -> Unit | None:
        units = Unit.objects.filter(level=Level.TINH, bloc=bloc).order_by("path")
        if name_starts:
            return units.filter(name__istartswith=name_starts).first()
        return units.filter(parent=None).first()

    return find
