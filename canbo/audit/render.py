"""Events into words, when they are read and in the reader's language.

Nothing but values is stored: one renderer per action words an event from the action's label,
the object and its before/after values, with field labels and choice labels of the object's model.
"""

import datetime as dt
import re
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Value
from django.db.models.functions import Concat, Trim
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.audit.actions import AuditAction
from canbo.core.levels import LEVELS, qualification_words

EMPTY = "—"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")
# Shown in its own column of the log, not among the changed fields.
OWN_COLUMN_FIELDS = frozenset({"cadre"})


@cache
def _model(label: str):
    try:
        return apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None


def _field(label: str, name: str):
    model = _model(label)
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def display(value, field=None) -> str:
    """One recorded value as officials read it: choice labels, dd/mm/yyyy dates, có/không."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return pgettext("có hay không", "có") if value else pgettext("có hay không", "không")
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    if isinstance(value, str):
        if value in choices:
            return str(choices[value])
        if _DATE.match(value):
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        if _DATETIME.match(value):
            return timezone.localtime(dt.datetime.fromisoformat(value)).strftime("%d/%m/%Y %H:%M")
        return value
    if isinstance(value, list):
        return ", ".join(display(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {display(item)}" for key, item in value.items())
    return str(value)


def _level(values: dict, level) -> str:
    for code, _rank, label in LEVELS.get(values.get("kind"), ()):
        if code == level:
            return str(label)
    return display(level)


def _qualifications(values, items) -> str:
    return "; ".join(qualification_words(item) for item in items or ()) or EMPTY


# Values whose label depends on another field of the same object, or that are lists of records.
LABELLED_BY_VALUES = {
    ("people.Qualification", "level"): _level,
    ("training.Programme", "qualifications"): _qualifications,
}


# The names of the units, position types, ranks, localities, users and cadres the codes of the events
# being shown point to (`codes_named`); outside it a code is shown as recorded.
_NAMES: ContextVar[dict | None] = ContextVar("audit_code_names", default=None)
CADRE = "people.Cadre"


def _coded_target(field):
    """The model a recorded code points to, when it is one with a code and a name, or the users
    (recorded by their user name, read by their full name as the log's actor column reads them)."""
    target = getattr(field, "related_model", None) if field is not None and field.many_to_one else None
    if target is None:
        return None
    if target is get_user_model() or {"code", "name"} <= {f.name for f in target._meta.concrete_fields}:
        return target
    return None


def _names_of(target, codes):
    """(the model's label, code, name) of the objects of `target` with those `codes`."""
    rows = target._default_manager.order_by()
    if target is get_user_model():
        name = Trim(Concat("first_name", Value(" "), "last_name", output_field=CharField()))
        return rows.filter(username__in=codes).values_list(Value(target._meta.label), "username", name)
    return rows.filter(code__in=codes).values_list(Value(target._meta.label), "code", "name")


@contextmanager
def codes_named(events):
    """While `events` are rendered, their codes of units, position types, ranks and localities read
    as names, and the cadre each is about by name and code: read in one query for all the events,
    whatever their number."""
    wanted = defaultdict(set)
    cadres = {event.cadre_code for event in events if event.cadre_code}
    for event in events:
        values_model = VALUES_MODEL.get(event.action, event.object_type)
        ended = _ended_holding(event.data or {})
        for model, values in ((values_model, event.before or {}), (values_model, event.after or {}),
                              ("people.PositionHolding", ended)):
            for name, value in values.items():
                target = _coded_target(_field(model, name))
                if target is not None and isinstance(value, str):
                    wanted[target].add(value)
    parts = [_names_of(target, codes) for target, codes in wanted.items()]
    if cadres:
        cadre = _model(CADRE)
        parts.append(cadre.objects.order_by().filter(code__in=cadres)
                     .values_list(Value(CADRE), "code", "full_name"))
    found = parts[0].union(*parts[1:], all=True) if parts else []
    token = _NAMES.set({(label, code): name for label, code, name in found})
    try:
        yield
    finally:
        _NAMES.reset(token)


def shown(object_type: str, name: str, values: dict) -> str:
    """Field `name` of recorded `values` as officials read it (a code by its name within
    `codes_named`)."""
    labelled = LABELLED_BY_VALUES.get((object_type, name))
    if labelled is not None:
        return labelled(values, values.get(name))
    field = _field(object_type, name)
    target, names = _coded_target(field), _NAMES.get()
    if target is not None and names:
        named = names.get((target._meta.label, values.get(name)))
        if named:
            return named
    return display(values.get(name), field)


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


# Actions whose values are fields of another model than the object's: a new version of a
# parameter or a standard records the version's fields against the parameter, type or rank.
VALUES_MODEL = {
    AuditAction.PARAMETER_VERSION_CREATE: "rules.ParameterVersion",
    AuditAction.STANDARD_VERSION_CREATE: "org.StandardVersion",
}


def changes(event) -> list[Change]:
    """The fields an event recorded, before and after, in the model's field order."""
    before, after = event.before or {}, event.after or {}
    names = list(after) + [name for name in before if name not in after]
    values_model = VALUES_MODEL.get(event.action, event.object_type)
    model = _model(values_model)
    if model is not None:
        order = {field.name: index for index, field in enumerate(model._meta.concrete_fields)}
        names.sort(key=lambda name: order.get(name, len(order)))
    rows = []
    for name in names:
        if name in OWN_COLUMN_FIELDS or (before.get(name) in (None, "") and after.get(name) in (None, "")):
            continue
        field = _field(values_model, name)
        label = str(field.verbose_name) if field is not None else name
        old = shown(values_model, name, before) if name in before else ""
        new = shown(values_model, name, after) if name in after else ""
        rows.append(Change(name, label, old, new))
    return rows


class _Words:
    """What a renderer reads from an event: its key, its cadre and its values, shown."""

    def __init__(self, event):
        self.event = event
        self.key = event.object_key
        named = (_NAMES.get() or {}).get((CADRE, event.cadre_code))
        self.cadre = f"{named} ({event.cadre_code})" if named else event.cadre_code
        self.data = event.data or {}

    def value(self, name: str) -> str:
        after = self.event.after or {}
        return shown(self.event.object_type, name, after if name in after else self.event.before or {})

    @property
    def object_name(self) -> str:
        model = _model(self.event.object_type)
        return str(model._meta.verbose_name) if model else self.event.object_type

    @cached_property
    def changed(self) -> str:
        """The changed values: "35 → 36" for one field, "label: old → new; …" for several."""
        changed = [change for change in changes(self.event) if change.before != change.after]
        if len(changed) == 1:
            return f"{changed[0].before or EMPTY} → {changed[0].after or EMPTY}"
        return "; ".join(f"{c.label}: {c.before or EMPTY} → {c.after or EMPTY}" for c in changed)


def _created(text):
    return lambda w: text() % {"key": w.key, "name": w.value("name")}


def _named(text):
    return lambda w: text() % {"key": w.key, "object": w.object_name, "set": w.data.get("bo_quy_tac", "")}


def _with_changes(text):
    def render(w):
        words = _named(text)(w)
        return f"{words}: {w.changed}" if w.changed else words

    return render


def _result(w) -> str:
    """An enrolment's result, keyed "course/cadre": the trainee by name when known."""
    course = w.key.split("/")[0]
    words = _("Ghi kết quả học tập của %(cadre)s, khóa học %(course)s") % {"cadre": w.cadre, "course": course}
    return f"{words}: {w.changed}" if w.changed else words


def _document_export(w) -> str:
    values = {"title": w.data.get("van_ban", EMPTY), "file": w.data.get("tep", EMPTY)}
    if w.data.get("nguoi_ky"):
        return _("Tải văn bản %(title)s (tệp %(file)s), người ký %(signer)s") % {
            **values, "signer": w.data["nguoi_ky"]}
    return _("Tải văn bản %(title)s (tệp %(file)s)") % values


def _numbered(w) -> str:
    """What a number was given to, recorded as "app.Model key": its kind in the reader's language and its
    key ("kế hoạch đào tạo, bồi dưỡng 12")."""
    label, _space, key = w.data.get("doi_tuong", "").partition(" ")
    model = _model(label)
    return f"{model._meta.verbose_name} {key}" if model else w.data.get("doi_tuong", EMPTY)


def _number_issue(w) -> str:
    values = {"key": w.key, "day": w.value("issued_on"), "object": _numbered(w)}
    if w.data.get("tren_giay"):
        return _("Ghi số văn bản đã cấp trên giấy %(key)s ngày %(day)s cho %(object)s") % values
    return _("Lấy số văn bản %(key)s ngày %(day)s cho %(object)s") % values


def _import(w) -> str:
    counts = display(w.data.get("so_dong"))
    return _("Nhập tệp %(file)s: %(counts)s") % {"file": w.data.get("tep", ""), "counts": counts}


def _backup(w) -> str:
    return _("Sao lưu dữ liệu vào tệp %(file)s (%(rows)s dòng, %(files)s tệp đính kèm)") % {
        "file": w.data.get("tep", ""), "rows": display(w.data.get("so_dong")),
        "files": display(w.data.get("so_tep")),
    }


def _restore(w) -> str:
    replaced = (w.data.get("nhat_ky_bi_thay") or {}).get("so_su_kien")
    return _(
        "Khôi phục dữ liệu từ tệp %(file)s, sao lưu lúc %(at)s; thay %(events)s sự kiện nhật ký trước đó"
    ) % {
        "file": w.data.get("tep", ""), "at": display(w.data.get("tao_luc")), "events": display(replaced)}


def _locked(w) -> str:
    values = {"name": w.data.get("ten", w.key), "failures": w.data.get("so_lan", EMPTY),
              "until": display(w.data.get("den"))}
    if w.data.get("theo") == "dia_chi":
        return _("Tạm khóa đăng nhập từ địa chỉ này, mọi tên, sau %(failures)s lần sai (lần cuối với tên "
                 "%(name)s), đến %(until)s") % values
    return _("Tạm khóa đăng nhập tên %(name)s từ địa chỉ này sau %(failures)s lần sai, "
             "đến %(until)s") % values


def _workflow_step(w) -> str:
    words = capfirst(_with_changes(lambda: _("%(object)s %(key)s"))(w))
    comment = (w.data.get("y_kien") or "").rstrip(". ")  # the sentence goes on after it
    files = ", ".join(item.get("ten", "") for item in w.data.get("tep", []))
    return "".join([words, _("; ý kiến: %(c)s") % {"c": comment} if comment else "",
                    _("; tệp: %(f)s") % {"f": files} if files else ""])


def _proposal(w) -> str:
    """The proposal an opinion is about, in the reader's language (by its number, recorded among the
    opinion's values; older events by the words they were written with)."""
    number = (w.event.after or {}).get("proposal")
    return _("Đề xuất số %(n)s") % {"n": number} if number is not None else w.data.get("de_xuat", EMPTY)


def _history_row_delete(w) -> str:
    values = "; ".join(f"{c.label}: {c.before}" for c in changes(w.event) if c.before)
    return _("%(cadre)s: xóa %(object)s (%(values)s)") % {
        "cadre": w.cadre, "object": w.object_name, "values": values or EMPTY}


def _ended_holding(data: dict) -> dict:
    """The holding a position change ended (`thoi_giu`: codes and its last day) as holding values."""
    ended = data.get("thoi_giu") or {}
    return {"position_type": ended.get("chuc_danh"), "unit": ended.get("don_vi")} if ended else {}


def _holding_move(w) -> str:
    ended = _ended_holding(w.data)
    words = _("%(cadre)s: giữ chức danh %(type)s tại %(unit)s từ %(start)s") % {
        "cadre": w.cadre, "type": w.value("position_type"), "unit": w.value("unit"),
        "start": w.value("valid_from")}
    if not ended:
        return words
    return words + _("; thôi giữ %(type)s tại %(unit)s từ sau %(end)s") % {
        "type": shown("people.PositionHolding", "position_type", ended) or EMPTY,
        "unit": shown("people.PositionHolding", "unit", ended) or EMPTY,
        "end": display(w.data["thoi_giu"].get("den_ngay"))}


def _parameter(w) -> str:
    if w.data.get("bo_quy_tac"):
        return _with_changes(lambda: _("Sửa tham số %(key)s của %(set)s"))(w)
    return _with_changes(lambda: _("Sửa tham số %(key)s"))(w)


RENDERERS = {
    AuditAction.LOCALITY_CREATE: _created(lambda: _("Thêm địa bàn %(key)s – %(name)s")),
    AuditAction.UNIT_CREATE: _created(lambda: _("Thêm đơn vị %(key)s – %(name)s")),
    AuditAction.UNIT_CLOSE: _with_changes(lambda: _("Giải thể, sáp nhập đơn vị %(key)s")),
    AuditAction.POSITION_TYPE_CREATE: _created(lambda: _("Thêm chức danh %(key)s – %(name)s")),
    AuditAction.RANK_CREATE: _created(lambda: _("Thêm ngạch %(key)s – %(name)s")),
    AuditAction.STANDARD_VERSION_CREATE: _with_changes(lambda: _("Ban hành tiêu chuẩn mới của %(key)s")),
    AuditAction.CADRE_CREATE: lambda w: _("Thêm cán bộ %(key)s – %(name)s") % {
        "key": w.key, "name": w.value("full_name")},
    AuditAction.CADRE_VIEW: lambda w: _("Xem hồ sơ cán bộ %(cadre)s") % {"cadre": w.cadre},
    AuditAction.CADRE_UPDATE: _with_changes(lambda: _("Sửa thông tin cán bộ %(key)s")),
    AuditAction.HOLDING_ADD: lambda w: _("%(cadre)s: giữ chức danh %(type)s tại %(unit)s từ %(start)s") % {
        "cadre": w.cadre, "type": w.value("position_type"), "unit": w.value("unit"),
        "start": w.value("valid_from")},
    AuditAction.QUALIFICATION_ADD: lambda w: _("%(cadre)s: thêm trình độ %(kind)s – %(level)s") % {
        "cadre": w.cadre, "kind": w.value("kind"), "level": w.value("level")},
    AuditAction.PLANNING_ADD: lambda w: _("%(cadre)s: quy hoạch %(type)s nhiệm kỳ %(start)s–%(end)s") % {
        "cadre": w.cadre, "type": w.value("position_type"), "start": w.value("term_start"),
        "end": w.value("term_end")},
    AuditAction.DISCIPLINE_ADD: lambda w: _("%(cadre)s: kỷ luật %(form)s ngày %(day)s") % {
        "cadre": w.cadre, "form": w.value("form"), "day": w.value("decided_on")},
    AuditAction.EVALUATION_ADD: lambda w: _("%(cadre)s: đánh giá năm %(year)s – %(rating)s") % {
        "cadre": w.cadre, "year": w.value("year"), "rating": w.value("rating")},
    AuditAction.MOVEMENT_ADD: lambda w: _("%(cadre)s: %(kind)s từ %(source)s sang %(target)s") % {
        "cadre": w.cadre, "kind": w.value("kind"), "source": w.value("from_unit"),
        "target": w.value("to_unit")},
    AuditAction.RESIDENCE_ADD: lambda w: _("%(cadre)s: %(kind)s tại %(address)s từ %(start)s") % {
        "cadre": w.cadre, "kind": w.value("kind"), "address": w.value("address"),
        "start": w.value("valid_from")},
    AuditAction.AWARD_ADD: lambda w: _("%(cadre)s: khen thưởng %(form)s ngày %(day)s") % {
        "cadre": w.cadre, "form": w.value("form"), "day": w.value("decided_on")},
    AuditAction.SALARY_STEP_ADD: lambda w: _("%(cadre)s: ngạch %(rank)s bậc %(step)s, hệ số %(coef)s từ "
                                             "%(start)s") % {
        "cadre": w.cadre, "rank": w.value("rank"), "step": w.value("step"),
        "coef": w.value("coefficient"), "start": w.value("valid_from")},
    AuditAction.FAMILY_MEMBER_ADD: lambda w: _("%(cadre)s: thêm %(relation)s %(name)s") % {
        "cadre": w.cadre, "relation": w.value("relation"), "name": w.value("full_name")},
    AuditAction.POST_ADD: _named(lambda: _("Thêm vị trí %(key)s")),
    AuditAction.HISTORY_ROW_UPDATE: lambda w: _("%(cadre)s: sửa %(object)s: %(changes)s") % {
        "cadre": w.cadre, "object": w.object_name, "changes": w.changed or EMPTY},
    AuditAction.HISTORY_ROW_DELETE: _history_row_delete,
    AuditAction.HISTORY_ROW_RESTORE: lambda w: _(
        "%(cadre)s: khôi phục %(object)s đã xóa ở sự kiện #%(seq)s") % {
        "cadre": w.cadre, "object": w.object_name, "seq": w.data.get("xoa", EMPTY)},
    AuditAction.HOLDING_MOVE: _holding_move,
    AuditAction.PARAMETER_VERSION_CREATE: _parameter,
    AuditAction.RULE_SET_COPY: lambda w: _("Tạo bộ quy tắc %(key)s từ %(source)s") % {
        "key": w.key, "source": w.data.get("tu", EMPTY)},
    AuditAction.RULE_TOGGLE: _with_changes(lambda: _("Bật, tắt quy tắc %(key)s")),
    AuditAction.PROGRAMME_CREATE: lambda w: _("Thêm chương trình %(name)s vào %(set)s") % {
        "name": w.value("name"), "set": w.data.get("bo_quy_tac", EMPTY)},
    AuditAction.PROGRAMME_UPDATE: lambda w: _("Sửa chương trình %(name)s của %(set)s: %(changes)s") % {
        "name": w.value("name"), "set": w.data.get("bo_quy_tac", EMPTY), "changes": w.changed},
    AuditAction.PROGRAMME_DELETE: lambda w: _("Xóa chương trình %(name)s khỏi %(set)s") % {
        "name": w.value("name"), "set": w.data.get("bo_quy_tac", EMPTY)},
    AuditAction.QUOTA_SET: lambda w: _("Chỉ tiêu %(name)s năm %(year)s: %(changes)s") % {
        "name": w.data.get("chuong_trinh", EMPTY), "year": w.data.get("nam", EMPTY), "changes": w.changed},
    AuditAction.PLAN_CREATE: lambda w: _("Lập kế hoạch đào tạo, bồi dưỡng %(key)s") % {"key": w.key},
    AuditAction.PLAN_UPDATE: lambda w: _("Sửa dự thảo kế hoạch đào tạo, bồi dưỡng %(key)s") % {"key": w.key},
    AuditAction.PLAN_AMEND: lambda w: _("Điều chỉnh kế hoạch đào tạo, bồi dưỡng thành %(key)s: %(why)s") % {
        "key": w.key, "why": w.value("amendment_reason")},
    AuditAction.PLAN_LINE_ADD: lambda w: _("Thêm dòng %(key)s: %(programme)s, %(n)s người") % {
        "key": w.key, "programme": w.value("programme"), "n": w.value("headcount")},
    AuditAction.PLAN_LINE_REMOVE: lambda w: _("Bỏ dòng %(key)s: %(programme)s, %(n)s người") % {
        "key": w.key, "programme": w.value("programme"), "n": w.value("headcount")},
    AuditAction.COURSE_CREATE: lambda w: _("Mở khóa học %(key)s – %(name)s") % {
        "key": w.key, "name": w.value("name")},
    AuditAction.ENROLMENT_ADD: lambda w: _("Ghi danh %(cadre)s vào khóa học %(course)s") % {
        "cadre": w.cadre, "course": w.value("course")},
    AuditAction.ENROLMENT_REMOVE: lambda w: _("Bỏ ghi danh %(cadre)s khỏi khóa học %(course)s") % {
        "cadre": w.cadre, "course": w.value("course")},
    AuditAction.RESULT_RECORD: _result,
    AuditAction.RESULTS_IMPORT: lambda w: _("Nhập bảng kết quả %(file)s của khóa học %(key)s: %(n)s học "
                                            "viên") % {
        "file": w.data.get("tep", ""), "key": w.key, "n": w.data.get("so_dong", 0)},
    AuditAction.QUALIFICATION_AWARD: lambda w: _("%(cadre)s: thêm trình độ %(kind)s – %(level)s do hoàn "
                                                 "thành khóa học %(course)s") % {
        "cadre": w.cadre, "kind": w.value("kind"), "level": w.value("level"),
        "course": w.data.get("khoa_hoc", EMPTY)},
    AuditAction.PROGRAMMES_COPY: lambda w: _("Sao chép %(n)s chương trình đào tạo, bồi dưỡng từ %(source)s "
                                             "sang %(key)s") % {
        "n": w.data.get("so_chuong_trinh", 0), "source": w.data.get("tu", EMPTY), "key": w.key},
    AuditAction.WORKFLOW_STEP: _workflow_step,
    AuditAction.PROPOSAL_CREATE: lambda w: _(
        "%(cadre)s: đề xuất %(kind)s sang %(unit)s, %(type)s, từ %(start)s") % {
        "cadre": w.cadre, "kind": w.value("kind"), "unit": w.value("to_unit"),
        "type": w.value("position_type"), "start": w.value("start")},
    AuditAction.SCENARIO_CREATE: lambda w: _("Lập kịch bản dự báo “%(name)s”, năm %(first)s – %(last)s") % {
        "name": w.value("name"), "first": w.value("first_year"), "last": w.value("last_year")},
    AuditAction.SCENARIO_UPDATE: lambda w: _("Sửa kịch bản dự báo “%(name)s”: %(changes)s") % {
        "name": w.value("name"), "changes": w.changed or EMPTY},
    AuditAction.PROPOSAL_OPINION: lambda w: _("%(object)s: ý kiến của %(party)s – %(verdict)s") % {
        "object": _proposal(w), "party": w.value("party"), "verdict": w.value("verdict")},
    AuditAction.HOLDING_END: lambda w: _(
        "%(cadre)s: thôi giữ chức danh %(type)s tại %(unit)s từ sau %(end)s") % {
        "cadre": w.cadre, "type": w.value("position_type"), "unit": w.value("unit"),
        "end": w.value("valid_to")},
    AuditAction.ROTATION_EVALUATION_ADD: lambda w: (
        _("%(cadre)s: đánh giá cuối thời hạn luân chuyển – %(rating)s")
        if (w.event.after or {}).get("end_of_term")
        else _("%(cadre)s: đánh giá luân chuyển năm %(year)s – %(rating)s")
    ) % {"cadre": w.cadre, "year": w.value("year"), "rating": w.value("rating")},
    AuditAction.WORKBOOK_IMPORT: _import,
    AuditAction.DATA_EXPORT: lambda w: _("Xuất dữ liệu cá nhân: %(list)s (%(rows)s dòng, tệp %(file)s)") % {
        "list": w.data.get("danh_sach", ""), "rows": w.data.get("so_dong", ""),
        "file": w.data.get("tep", "")},
    AuditAction.DOCUMENT_NUMBER_ISSUE: _number_issue,
    AuditAction.DOCUMENT_SIGNER_RECORD: lambda w: _("Ghi người ký văn bản %(key)s: %(signer)s") % {
        "key": w.key, "signer": w.data.get("nguoi_ky") or _("để trống tên, ký tay")},
    AuditAction.DOCUMENT_EXPORT: _document_export,
    AuditAction.USER_CREATE: lambda w: _("Tạo tài khoản %(key)s (%(role)s)") % {
        "key": w.key, "role": w.value("role")},
    AuditAction.API_TOKEN_CREATE: lambda w: _("Cấp khóa API %(key)s… cho %(user)s") % {
        "key": w.key, "user": w.value("user")},
    AuditAction.API_TOKEN_REVOKE: lambda w: _("Thu hồi khóa API %(key)s… của %(user)s") % {
        "key": w.key, "user": w.data.get("nguoi_dung", EMPTY)},
    AuditAction.ADMIN_CREATE: _named(lambda: _("Quản trị thêm %(object)s %(key)s")),
    AuditAction.ADMIN_UPDATE: _with_changes(lambda: _("Quản trị sửa %(object)s %(key)s")),
    AuditAction.ADMIN_DELETE: _named(lambda: _("Quản trị xóa %(object)s %(key)s")),
    AuditAction.SIGN_IN: lambda w: _("Đăng nhập"),
    AuditAction.SIGN_IN_FAILED: lambda w: _("Đăng nhập sai với tên %(key)s") % {
        "key": w.data.get("ten", w.key)},
    AuditAction.BACKUP_CREATE: _backup,
    AuditAction.BACKUP_RESTORE: _restore,
    AuditAction.ACCOUNT_LOCKED: _locked,
    AuditAction.PASSWORD_CHANGE: lambda w: _("Đổi mật khẩu của %(key)s") % {"key": w.key},
    AuditAction.SECOND_FACTOR_ENROL: lambda w: (
        _("Đổi ứng dụng xác thực của %(key)s")
        if w.data.get("thay_ung_dung")
        else _("Bật xác thực hai bước cho %(key)s")
    ) % {"key": w.key},
    AuditAction.SECOND_FACTOR_PASSED: lambda w: _("%(key)s nhập đúng mã xác thực hai bước") % {"key": w.key},
    AuditAction.RECOVERY_CODES_RENEW: lambda w: _("%(key)s tạo lại mã dự phòng") % {"key": w.key},
    AuditAction.SECOND_FACTOR_FAILED: lambda w: _("Nhập sai mã xác thực hai bước (%(key)s)") % {"key": w.key},
    AuditAction.RECOVERY_CODE_USED: lambda w: _("%(key)s dùng một mã dự phòng, còn %(left)s mã") % {
        "key": w.key, "left": w.data.get("con_lai", EMPTY)},
    AuditAction.SECOND_FACTOR_RESET: lambda w: _("Đặt lại xác thực hai bước của %(key)s") % {"key": w.key},
}


def summary(event) -> str:
    """The event in one sentence, in the active language. Events written before the log was
    structured keep the sentence they were written with (`data["noi_dung"]`)."""
    if event.before is None and event.after is None and "noi_dung" in (event.data or {}):
        return event.data["noi_dung"]
    sentence = RENDERERS[event.action](_Words(event))
    taken = (event.data or {}).get("thuc_hien_luc")  # a step or a record entered after the day it was made
    return sentence + _("; thực hiện lúc %(at)s") % {"at": display(taken)} if taken else sentence
