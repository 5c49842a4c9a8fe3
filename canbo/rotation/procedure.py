"""The five steps of a rotation or transfer (SPEC §4 R9, D4) as a workflow table, none skipped:

1. Ban Tổ chức (with Sở Nội vụ, who may draft) drafts the list and reports it to the Standing Board;
2. after the Standing Board's opinion, Ban Tổ chức consults the sending and receiving units' leaders;
3. Ban Tổ chức reports the list with the opinions of both units and of the cadre, and the authority
   SPEC §11 routes it to (`tham_quyen`) decides; only that authority's role may, and a transfer
   decided by Ban Tổ chức needs the Standing Board's written consent first;
4. the decision is issued with its number and date (and the amount of R8's allowance is fixed), and the
   Standing Board meets the cadre;
5. the decision is deployed: the cadre's records change (`canbo.rotation.deployment`).

Every forward step checks the proposal again (a violation refuses it with the rule and clause) and
keeps the warnings it went past with the step; each step takes the opinions it needs with it. A
return goes one stage back and needs a reason."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.capabilities import Action, decides_proposals_of, proposal_authority_role
from canbo.documents.services import NUMBER_ON_PAPER
from canbo.rotation.allowance import allowance_fix
from canbo.rotation.checking import check_of, refusal
from canbo.rotation.decision import decision_number
from canbo.rotation.deployment import deploy
from canbo.rotation.models import Opinion, Party, Proposal, ProposalState, StepCheck, Verdict
from canbo.rotation.proposal_selectors import proposal_in_scope
from canbo.workflow.process import Process, Transition

S = ProposalState
UNIT_OPINIONS = (Party.DON_VI_DI, Party.DON_VI_DEN, Party.CAN_BO)
# The opinions that may be recorded at each state, and who records them.
OPINIONS_AT = {
    S.TRINH_THUONG_TRUC: (Party.THUONG_TRUC, Party.VAN_BAN_DONG_Y),
    S.XIN_Y_KIEN: (*UNIT_OPINIONS, Party.VAN_BAN_DONG_Y),
    S.TRINH_BTV: (Party.VAN_BAN_DONG_Y,),
}
OPINION_ACTION = {
    Party.THUONG_TRUC: Action.REVIEW_PROPOSALS,
    Party.VAN_BAN_DONG_Y: Action.REVIEW_PROPOSALS,
    Party.DON_VI_DI: Action.RUN_PROPOSALS,
    Party.DON_VI_DEN: Action.RUN_PROPOSALS,
    Party.CAN_BO: Action.RUN_PROPOSALS,
}


def pending(proposal: Proposal, parties) -> list[Opinion]:
    """The opinions of `parties` recorded since the last step (not yet taken along by a step)."""
    return list(proposal.opinions.filter(step__isnull=True, party__in=parties))


def _passes_check(actor, proposal: Proposal) -> str | None:
    _result, explanation = check_of(proposal)
    return refusal(explanation)


def _standing_board_heard(actor, proposal: Proposal) -> str | None:
    opinions = pending(proposal, [Party.THUONG_TRUC])
    if not opinions:
        return _("Chưa có ý kiến của Thường trực Tỉnh ủy về đề xuất (bước 2 cần ý kiến này).")
    if opinions[-1].verdict == Verdict.KHONG_DONG_Y:
        return _("Thường trực Tỉnh ủy không đồng ý; trả lại dự thảo để xem xét lại.")
    return None


def _units_and_cadre_heard(actor, proposal: Proposal) -> str | None:
    given = {opinion.party for opinion in pending(proposal, UNIT_OPINIONS)}
    missing = [str(label) for value, label in Party.choices if value in UNIT_OPINIONS and value not in given]
    if missing:
        return _("Chưa có ý kiến của: %(who)s.") % {"who": ", ".join(missing)}
    return None


def _by_the_authority(actor, proposal: Proposal) -> str | None:
    result, _explanation = check_of(proposal)
    authority = result["tham_quyen"]
    if authority is None:
        return None  # the check refuses it
    if not decides_proposals_of(actor, authority):
        return _("Đề xuất này do %(role)s quyết định (thẩm quyền theo Quy định, mục R7, D4).") % {
            "role": proposal_authority_role(authority)
        }
    consented = proposal.opinions.filter(party=Party.VAN_BAN_DONG_Y, verdict=Verdict.DONG_Y).exists()
    if authority == "btc" and not consented:
        return _(
            "Điều động do Ban Tổ chức quyết định cần văn bản đồng ý của Thường trực Tỉnh ủy trước "
            "(Kế hoạch, mục III.3); chưa ghi nhận văn bản này."
        )
    return None


def _keep_check(actor, proposal: Proposal, step) -> None:
    """The check the step went past, its warnings kept with the step and on the proposal."""
    result, _explanation = check_of(proposal)
    StepCheck.objects.create(step=step, result=result)
    proposal.check_result = result
    proposal.save(update_fields=["check_result"])


def _takes_opinions(*parties):
    def take(actor, proposal: Proposal, step) -> None:
        proposal.opinions.filter(step__isnull=True, party__in=parties).update(step=step)

    return take


_ALL_PARTIES = tuple(Party.values)


def _forward(source, target, action, label, confirm, guards=(), effects=(), inputs=()):
    return Transition(
        source,
        target,
        action,
        label,
        guards=(_passes_check, *guards),
        confirm=confirm,
        effects=(_keep_check, *effects),
        inputs=inputs,
    )


def _back(source, target, action, label, guards=()):
    return Transition(
        source,
        target,
        action,
        label,
        guards=guards,
        comment_required=True,
        confirm=gettext_lazy("Trả lại đề xuất? Ghi rõ lý do."),
        effects=(_takes_opinions(*[p for p in _ALL_PARTIES if p != Party.VAN_BAN_DONG_Y]),),
    )


PROPOSAL_PROCESS = Process(
    code="luan_chuyen_dieu_dong",
    label=gettext_lazy("Luân chuyển, điều động cán bộ"),
    states=ProposalState,
    in_scope=proposal_in_scope,
    transitions=(
        _forward(
            S.DU_THAO,
            S.TRINH_THUONG_TRUC,
            Action.RUN_PROPOSALS,
            gettext_lazy("Trình Thường trực Tỉnh ủy"),
            gettext_lazy("Trình danh sách dự kiến lên Thường trực Tỉnh ủy? (Bước 1)"),
        ),
        _back(S.TRINH_THUONG_TRUC, S.DU_THAO, Action.REVIEW_PROPOSALS, gettext_lazy("Trả lại dự thảo")),
        _forward(
            S.TRINH_THUONG_TRUC,
            S.XIN_Y_KIEN,
            Action.RUN_PROPOSALS,
            gettext_lazy("Xin ý kiến đơn vị"),
            gettext_lazy("Thường trực đã cho ý kiến; xin ý kiến lãnh đạo đơn vị đi và đơn vị đến? (Bước 2)"),
            guards=(_standing_board_heard,),
            effects=(_takes_opinions(Party.THUONG_TRUC),),
        ),
        _back(S.XIN_Y_KIEN, S.DU_THAO, Action.RUN_PROPOSALS, gettext_lazy("Trả lại dự thảo")),
        _forward(
            S.XIN_Y_KIEN,
            S.TRINH_BTV,
            Action.RUN_PROPOSALS,
            gettext_lazy("Trình danh sách chính thức"),
            gettext_lazy(
                "Trình danh sách chính thức kèm ý kiến đơn vị đi, đơn vị đến và cán bộ lên cấp "
                "có thẩm quyền? (Bước 3)"
            ),
            guards=(_units_and_cadre_heard,),
            effects=(_takes_opinions(*UNIT_OPINIONS),),
        ),
        _back(
            S.TRINH_BTV,
            S.XIN_Y_KIEN,
            Action.DECIDE_PROPOSALS,
            gettext_lazy("Trả lại để xin ý kiến lại"),
            guards=(_by_the_authority,),
        ),
        _forward(
            S.TRINH_BTV,
            S.DA_QUYET_DINH,
            Action.DECIDE_PROPOSALS,
            gettext_lazy("Quyết định"),
            gettext_lazy("Quyết định luân chuyển, điều động cán bộ theo đề xuất? (Bước 3)"),
            guards=(_by_the_authority,),
            effects=(_takes_opinions(Party.VAN_BAN_DONG_Y),),
        ),
        _forward(
            S.DA_QUYET_DINH,
            S.DA_BAN_HANH,
            Action.RUN_PROPOSALS,
            gettext_lazy("Ban hành quyết định"),
            gettext_lazy(
                "Ban hành quyết định? Số và ngày quyết định được cấp từ sổ đăng ký số văn bản, hoặc giữ số "
                "đã cấp trên giấy nếu ghi dưới đây. (Bước 4)"
            ),
            effects=(decision_number, allowance_fix),
            inputs=(NUMBER_ON_PAPER,),
        ),
        _forward(
            S.DA_BAN_HANH,
            S.DA_GAP_CAN_BO,
            Action.REVIEW_PROPOSALS,
            gettext_lazy("Đã gặp cán bộ"),
            gettext_lazy("Xác nhận Thường trực Tỉnh ủy đã gặp cán bộ được luân chuyển, điều động? (Bước 4)"),
        ),
        _forward(
            S.DA_GAP_CAN_BO,
            S.DA_TRIEN_KHAI,
            Action.RUN_PROPOSALS,
            gettext_lazy("Triển khai quyết định"),
            gettext_lazy(
                "Triển khai quyết định? Chức vụ cũ của cán bộ kết thúc trước ngày bắt đầu, chức vụ "
                "mới bắt đầu, hồ sơ ghi nhận luân chuyển, điều động. (Bước 5)"
            ),
            effects=(deploy,),
        ),
    ),
)
