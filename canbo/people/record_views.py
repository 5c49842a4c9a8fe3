"""Pages that change a cadre's record: one form page for any kind of row (canbo.people.record_kinds), its
removal after a confirmation, the cadre's own fields, a new cadre and a position change. Each reads the
cadre through the actor's scope (404 outside it) and writes through canbo.people.record_edits."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.dates import show_date, today
from canbo.core.errors import NotFound
from canbo.people.record_edits import (
    cadre_admit,
    cadre_update,
    history_row_delete,
    history_row_restore,
    history_row_update,
    holding_move,
)
from canbo.people.record_forms import RowForm, catalogue_options, row_initial
from canbo.people.record_kinds import CADRE, FIRST_HOLDING_KEYS, KIND_BY_SLUG, RecordKind
from canbo.people.selectors import cadre_get


def _cadre(request, code):
    """The cadre as the actor reaches them today, when writes are judged."""
    return cadre_get(actor=request.user, code=code, as_of=today())


def _row(cadre, kind: RecordKind, pk: int):
    row = kind.model.objects.filter(cadre=cadre, pk=pk).first()
    if row is None:
        raise NotFound(_("Không có dòng này trong hồ sơ cán bộ %(code)s.") % {"code": cadre.code})
    return row


def _page(request, cadre, title: str, forms_, submit: str, *, back=None):
    if back is None:
        back = reverse("people:cadre_detail", args=[cadre.code]) if cadre else reverse("people:cadre_list")
    crumbs = [(_("Danh sách cán bộ"), reverse("people:cadre_list"))]
    if cadre:
        crumbs.append((cadre.full_name, back))
    crumbs.append((title, ""))
    catalogues = set().union(*(form.catalogues for form in forms_))
    return render(request, "people/record_form.html", {
        "title": title, "cadre": cadre, "forms": forms_, "submit": submit, "back": back, "crumbs": crumbs,
        "catalogues": catalogue_options(catalogues),
    })


def _saved(request, cadre, anchor: str = ""):
    messages.success(request, _("Đã lưu vào hồ sơ; thay đổi được ghi vào nhật ký."))
    return redirect(reverse("people:cadre_detail", args=[cadre.code]) + (f"#{anchor}" if anchor else ""))


@requires(Action.EDIT_RECORDS)
def history_row_add(request, code, kind: RecordKind):
    cadre = _cadre(request, code)
    form = RowForm(kind, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kind.add(actor=request.user, cadre=cadre, **form.model_fields())
        except ValidationError as error:
            form.show_errors(error)
        else:
            return _saved(request, cadre, kind.section)
    title = _("Thêm: %(kind)s") % {"kind": kind.title}
    return _page(request, cadre, title, [form], _("Thêm vào hồ sơ"))


@requires(Action.EDIT_RECORDS)
def history_row_edit(request, code, kind: RecordKind, pk: int):
    cadre = _cadre(request, code)
    row = _row(cadre, kind, pk)
    form = RowForm(kind, data=request.POST or None, initial=row_initial(kind, row))
    if request.method == "POST" and form.is_valid():
        try:
            history_row_update(actor=request.user, row=row, changes=form.model_fields())
        except ValidationError as error:
            form.show_errors(error)
        else:
            return _saved(request, cadre, kind.section)
    title = _("Sửa: %(kind)s") % {"kind": kind.title}
    return _page(request, cadre, title, [form], _("Lưu thay đổi"))


@requires(Action.EDIT_RECORDS)
def history_row_remove(request, code, kind: RecordKind, pk: int):
    """Asks first (GET), removes on the confirmation (POST)."""
    cadre = _cadre(request, code)
    row = _row(cadre, kind, pk)
    if request.method == "POST":
        history_row_delete(actor=request.user, row=row)
        messages.success(request, _("Đã xóa dòng khỏi hồ sơ; nhật ký giữ nội dung đã xóa. Có thể khôi phục "
                                    "ở mục “Dòng đã xóa” cuối trang."))
        return redirect(reverse("people:cadre_detail", args=[cadre.code]) + f"#{kind.section}")
    values = RowForm(kind, initial=row_initial(kind, row)).shown_values()
    crumbs = [(_("Danh sách cán bộ"), reverse("people:cadre_list")),
              (cadre.full_name, reverse("people:cadre_detail", args=[cadre.code])), (_("Xóa"), "")]
    return render(request, "people/record_delete.html", {
        "cadre": cadre, "kind": kind, "values": values, "crumbs": crumbs,
        "back": reverse("people:cadre_detail", args=[cadre.code]) + f"#{kind.section}",
    })


@requires(Action.EDIT_RECORDS)
@require_POST
def history_row_put_back(request, code, seq: int):
    """Puts back the row the log's removal `seq` took out (a button of the cadre page's removed rows)."""
    cadre = _cadre(request, code)
    try:
        kind, _restored = history_row_restore(actor=request.user, cadre=cadre, seq=seq)
    except ValidationError as error:
        messages.error(request, _("Không khôi phục được: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect(reverse("people:cadre_detail", args=[cadre.code]) + "#h-removed")
    messages.success(request, _("Đã khôi phục dòng vào hồ sơ; thay đổi được ghi vào nhật ký."))
    return redirect(reverse("people:cadre_detail", args=[cadre.code]) + f"#{kind.section}")


@requires(Action.EDIT_RECORDS)
def cadre_edit(request, code):
    cadre = _cadre(request, code)
    form = RowForm(CADRE, data=request.POST or None, initial=row_initial(CADRE, cadre))
    if request.method == "POST" and form.is_valid():
        try:
            cadre = cadre_update(actor=request.user, cadre=cadre, changes=form.model_fields())
        except ValidationError as error:
            form.show_errors(error)
        else:
            return _saved(request, cadre)
    return _page(request, cadre, _("Sửa thông tin cán bộ"), [form], _("Lưu thay đổi"))


@requires(Action.EDIT_RECORDS)
def cadre_add(request):
    data = request.POST or None
    person = RowForm(CADRE, data=data)
    post = RowForm(KIND_BY_SLUG["cong-tac"], keys=FIRST_HOLDING_KEYS, data=data)
    if request.method == "POST" and person.is_valid() and post.is_valid():
        start = post.model_fields()
        try:
            cadre = cadre_admit(actor=request.user, fields=person.model_fields(), **start)
        except ValidationError as error:
            _show_on_either(error, person, post)
        else:
            return _saved(request, cadre)
    return _page(request, None, _("Thêm cán bộ"), [person, post], _("Thêm cán bộ"))


def _show_on_either(error: ValidationError, *forms_) -> None:
    """Each message on the form that has the field it names (the first form otherwise)."""
    if not hasattr(error, "error_dict"):
        forms_[0].show_errors(error)
        return
    for name, messages_ in error.error_dict.items():
        owner = next((form for form in forms_ if form.column_of(name)), forms_[0])
        owner.show_errors(ValidationError({name: messages_}))


@requires(Action.EDIT_RECORDS)
def position_change(request, code):
    """Chuyển công tác, bổ nhiệm: the position held ends the day before the new one starts."""
    cadre = _cadre(request, code)
    kind = KIND_BY_SLUG["cong-tac"]
    held = list(cadre.holdings.filter(valid_to__isnull=True).select_related("unit", "position_type"))
    form = RowForm(kind, keys=FIRST_HOLDING_KEYS, data=request.POST or None)
    choices = [("", _("Không (kiêm nhiệm thêm)"))] + [
        (str(h.pk), f"{h.position_type.name} – {h.unit.name} ({_('từ')} {show_date(h.valid_from)})")
        for h in held
    ]
    form.fields["thoi_giu"] = forms.TypedChoiceField(
        label=_("Thôi giữ chức danh (kết thúc ngày trước ngày chuyển)"), choices=choices, coerce=int,
        empty_value=None, required=False, initial=choices[1][0] if held else "",
    )
    form.order_fields(["thoi_giu", *FIRST_HOLDING_KEYS])
    if request.method == "POST" and form.is_valid():
        ending = next((h for h in held if h.pk == form.cleaned_data["thoi_giu"]), None)
        fields = form.model_fields()
        try:
            holding_move(actor=request.user, cadre=cadre, ending=ending, **fields)
        except ValidationError as error:
            form.show_errors(error)
        else:
            return _saved(request, cadre, kind.section)
    return _page(request, cadre, _("Chuyển công tác, bổ nhiệm"), [form], _("Chuyển công tác"))
