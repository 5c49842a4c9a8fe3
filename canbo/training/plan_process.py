"""The yearly cycle of a unit's training plan as a workflow table (plan IV.1; SPEC §4 "Organisation
of the work"): the unit drafts and sends; Ban Tổ chức or Sở Nội vụ, by the unit's bloc, aggregates it or
returns it, and reports it to the Standing Board (each office the plans of its own blocs, which it alone
may read); the Standing Board may return it; Ban Thường vụ approves it; the aggregating office puts it in
force, and the version it amends, if any, is then superseded. Every return goes one step back and needs a
reason; an approved plan is never returned, only amended as a new version."""

from django.utils.translation import gettext_lazy as _

from canbo.core.capabilities import Action, aggregated_blocs, plan_aggregator
from canbo.documents.services import NUMBER_ON_PAPER
from canbo.training.models import PlanState, TrainingPlan
from canbo.training.plan_document import number_on_paper
from canbo.training.plan_selectors import plan_in_scope
from canbo.workflow.process import Process, Transition
from canbo.workflow.services import record_step

S = PlanState


def _has_content(actor, plan: TrainingPlan) -> str | None:
    if plan.content.strip() or plan.lines.exists():
        return None
    return str(_("Kế hoạch chưa có nội dung, chưa có dòng nào; ghi nội dung hoặc thêm dòng trước khi gửi."))


def _aggregated_by_actor(actor, plan: TrainingPlan) -> str | None:
    if plan.unit.bloc in aggregated_blocs(actor):
        return None
    return str(_("Kế hoạch của %(bloc)s do %(role)s tổng hợp (Kế hoạch, mục IV.1).") % {
        "bloc": plan.unit.get_bloc_display(), "role": plan_aggregator(plan.unit.bloc)})


def _supersede_previous(actor, plan: TrainingPlan, step) -> None:
    """The version this plan amends stops being in force when this one starts."""
    previous = plan.previous
    if previous is not None and previous.state == S.CO_HIEU_LUC:
        comment = _("Thay thế bằng phiên bản %(v)s.") % {"v": plan.version}
        record_step(actor=actor, process=PLAN_PROCESS, obj=previous, source=previous.state,
                    target=S.DA_THAY_THE, comment=str(comment), at=step.at)


PLAN_PROCESS = Process(
    code="ke_hoach_dao_tao",
    label=_("Kế hoạch đào tạo, bồi dưỡng hằng năm"),
    states=PlanState,
    in_scope=plan_in_scope,
    transitions=(
        Transition(
            S.DU_THAO, S.DA_GUI, Action.DRAFT_PLANS, _("Gửi kế hoạch"), guards=(_has_content,),
            confirm=_("Gửi kế hoạch để tổng hợp? Sau khi gửi, đơn vị không sửa được nữa, trừ khi kế "
                      "hoạch bị trả lại."),
        ),
        Transition(
            S.DA_GUI, S.DU_THAO, Action.AGGREGATE_PLANS, _("Trả lại đơn vị"), guards=(_aggregated_by_actor,),
            comment_required=True, confirm=_("Trả lại kế hoạch cho đơn vị để sửa? Ghi rõ lý do."),
        ),
        Transition(
            S.DA_GUI, S.DA_TONG_HOP, Action.AGGREGATE_PLANS, _("Tổng hợp"), guards=(_aggregated_by_actor,),
            confirm=_("Đưa kế hoạch vào bản tổng hợp của khối?"),
        ),
        Transition(
            S.DA_TONG_HOP, S.DA_GUI, Action.REPORT_PLANS, _("Trả lại bước tổng hợp"), comment_required=True,
            guards=(_aggregated_by_actor,),
            confirm=_("Trả lại kế hoạch về bước tổng hợp? Ghi rõ lý do."),
        ),
        Transition(
            S.DA_TONG_HOP, S.DA_TRINH, Action.REPORT_PLANS, _("Trình Thường trực Tỉnh ủy"),
            guards=(_aggregated_by_actor,),
            confirm=_("Trình kế hoạch lên Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy?"),
        ),
        Transition(
            S.DA_TRINH, S.DA_TONG_HOP, Action.REVIEW_PLANS, _("Trả lại để hoàn chỉnh"), comment_required=True,
            confirm=_("Trả lại kế hoạch để hoàn chỉnh? Ghi rõ ý kiến."),
        ),
        Transition(
            S.DA_TRINH, S.DA_PHE_DUYET, Action.APPROVE_PLANS, _("Phê duyệt"),
            confirm=_("Phê duyệt kế hoạch? Sau khi phê duyệt, kế hoạch chỉ thay đổi bằng bản điều chỉnh."),
        ),
        Transition(
            S.DA_PHE_DUYET, S.CO_HIEU_LUC, Action.AGGREGATE_PLANS, _("Ban hành, đưa vào thực hiện"),
            guards=(_aggregated_by_actor,), effects=(_supersede_previous, number_on_paper),
            inputs=(NUMBER_ON_PAPER,),
            confirm=_("Ban hành kế hoạch đã phê duyệt để các đơn vị thực hiện? Bản trước (nếu có) hết "
                      "hiệu lực."),
        ),
    ),
)
