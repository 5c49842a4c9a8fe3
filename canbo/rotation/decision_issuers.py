"""Who issues a rotation or transfer decision, by the authority SPEC §11 routes it to (`tham_quyen`; R7,
D4): the Ban Thường vụ Tỉnh ủy and the Ban Tổ chức Tỉnh ủy in the Party layout (DOCUMENTS.md §1); the
Chairman of the province's People's Committee, on the opinion of its Party committee (Ban cán sự đảng),
in the State layout (§2); and the standing board of the district Party committee the cadre leaves, or,
for a unit with no district committee above it, the unit itself."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from canbo.core.levels import Level
from canbo.documents.layouts import PARTY, STATE
from canbo.org.models import Unit
from canbo.people.issuers import Issuer, province_unit
from canbo.rotation.models import Proposal


@dataclass(frozen=True)
class Decider:
    """The issuer of a decision and what its text says in that body's voice."""

    issuer: Issuer
    series: str  # the document register's key: numbers run per issuing body
    collective: str  # the line above `QUYẾT ĐỊNH:`
    grounds: tuple[str, ...]  # before the plan in force
    proposer: str  # after it
    executors: str  # the bodies Điều 3 names first


_PARTY_GROUNDS = (_("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),)
_RECORDS = (_("- Như Điều 3,"), _("- Lưu hồ sơ cán bộ,"))

STANDING_BOARD = Decider(
    issuer=Issuer(
        layout=PARTY, code="TU", superior="", name=_("Tỉnh ủy {province}"), authority=_("T/M BAN THƯỜNG VỤ"),
        position=_("BÍ THƯ"), per_year=False, find=province_unit("dang"),
        recipients=(
            _("- Ban Tổ chức Trung ương (b/c),"), _("- Thường trực Tỉnh ủy,"), *_RECORDS, _("- Lưu VPTU."),
        ),
    ),
    series="TU",
    collective=_("BAN THƯỜNG VỤ TỈNH ỦY"),
    grounds=(
        *_PARTY_GROUNDS,
        _("- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy;"),
    ),
    proposer=_("- Xét đề nghị của Ban Tổ chức Tỉnh ủy,"),
    executors=_("Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy"),
)

ORGANIZATION_COMMITTEE = Decider(
    issuer=Issuer(
        layout=PARTY, code="BTCTU", superior=_("Tỉnh ủy {province}"), name=_("Ban Tổ chức"), authority="",
        position=_("TRƯỞNG BAN"), per_year=False, find=province_unit("dang", "Ban Tổ chức"),
        recipients=(_("- Thường trực Tỉnh ủy (b/c),"), *_RECORDS, _("- Lưu VT.")),
    ),
    series="BTCTU",
    collective=_("BAN TỔ CHỨC TỈNH ỦY"),
    grounds=(*_PARTY_GROUNDS, _("- Căn cứ ý kiến đồng ý bằng văn bản của Ban Thường vụ Tỉnh ủy;")),
    proposer=_("- Xét yêu cầu công tác cán bộ,"),
    executors=_("Ban Tổ chức Tỉnh ủy"),
)

PEOPLES_COMMITTEE = Decider(
    issuer=Issuer(
        layout=STATE, code="UBND", superior="", name=_("Ủy ban nhân dân tỉnh {province}"),
        authority=_("TM. ỦY BAN NHÂN DÂN"), position=_("CHỦ TỊCH"), per_year=True,
        find=province_unit("nha_nuoc", "Ủy ban nhân dân tỉnh"),
        recipients=(_("- Ban cán sự đảng UBND tỉnh (b/c);"), _("- Như Điều 3;"), _("- Lưu: VT, SNV.")),
    ),
    series="UBND",
    collective=_("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province}"),
    grounds=(_("Căn cứ Luật Tổ chức chính quyền địa phương;"), _("Căn cứ Luật Cán bộ, công chức;")),
    proposer=_("Theo ý kiến của Ban cán sự đảng Ủy ban nhân dân tỉnh và đề nghị của Giám đốc Sở Nội vụ."),
    executors=_("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ"),
)


def _committee(unit: Unit | None) -> Unit | None:
    """The district Party committee above (or at) `unit`; else its nearest Party unit below the province."""
    if unit is None:
        return None
    ids = [int(part) for part in unit.path.strip("/").split("/")]
    chain = Unit.objects.filter(pk__in=ids, bloc="dang").exclude(level=Level.TINH)
    party = sorted(chain, key=lambda u: -len(u.path))
    districts = [u for u in party if u.level == Level.HUYEN]
    return (districts or party or [None])[0]


def _own_body(proposal: Proposal) -> Decider:
    """The decision of the unit's own Party committee: a district committee's standing board, or the
    unit itself when canbo keeps no committee above it."""
    committee = _committee(proposal.from_unit)
    body = committee or proposal.from_unit
    city = body.name.startswith("Thành ủy")
    kind = _("THÀNH ỦY") if city else _("HUYỆN ỦY")
    return Decider(
        issuer=Issuer(
            layout=PARTY if committee else STATE, code=("TU" if city else "HU") if committee else body.code,
            superior=_("Đảng bộ tỉnh {province}") if committee else "", name=body.name,
            authority=_("T/M BAN THƯỜNG VỤ") if committee else "",
            position=_("BÍ THƯ") if committee else _("THỦ TRƯỞNG"),
            per_year=committee is None, find=lambda: body,
            recipients=(_("- Ban Tổ chức Tỉnh ủy (b/c),"), *_RECORDS, _("- Lưu VT.")),
        ),
        series=f"DV-{body.code}",
        collective=f"{_('BAN THƯỜNG VỤ')} {kind}" if committee else body.name.upper(),
        grounds=_PARTY_GROUNDS if committee else (),
        proposer=_("- Xét đề nghị của Ban Tổ chức,") if committee else _("Xét yêu cầu công tác cán bộ."),
        executors=body.name,
    )


def decider_of(proposal: Proposal) -> Decider:
    """The body whose decision the proposal becomes (the Standing Board while no authority is known)."""
    authority = proposal.authority
    if authority == "btc":
        return ORGANIZATION_COMMITTEE
    if authority == "bcs_dang_ubnd":
        return PEOPLES_COMMITTEE
    if authority == "cap_uy_don_vi" and proposal.from_unit_id:
        return _own_body(proposal)
    return STANDING_BOARD
