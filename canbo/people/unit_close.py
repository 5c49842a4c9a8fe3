"""The page that closes a unit on a date, with the unit that takes over its work (a reorganisation):
a form, then a confirmation naming what the closing leaves behind, then `unit_close` (audited)."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.errors import NotFound
from canbo.core.forms import DayField
from canbo.org.models import Post
from canbo.org.selectors import unit_get
from canbo.org.services import unit_close, unit_close_check
from canbo.people.active import held_positions


class UnitCloseForm(forms.Form):
    closed_on = DayField(label=gettext_lazy("Ngày giải thể (ngày cuối cùng hoạt động, dd/mm/yyyy)"))
    successor = forms.CharField(label=gettext_lazy("Đơn vị kế thừa (không bắt buộc)"), required=False)
    decision = forms.CharField(label=gettext_lazy("Văn bản quyết định (số, ngày, cơ quan ban hành)"),
                               max_length=255)


def _left_behind(unit, closed_on: dt.date) -> dict:
    """What stays attached to the unit after it closes: positions still held, seats still open."""
    after = closed_on + dt.timedelta(days=1)
    held = held_positions(after).filter(unit=unit)
    return {
        "holders": held.select_related("cadre", "position_type").order_by("cadre__code")[:50],
        "holder_count": held.count(),
        "post_count": Post.objects.filter(unit=unit).in_force(after).count(),
    }


@requires(Action.EDIT_CATALOGUES)
def unit_close_page(request, code):
    unit = unit_get(actor=request.user, code=code)
    form = UnitCloseForm(request.POST or None)
    crumbs = [(_("Cây tổ chức"), reverse("org:unit_tree")),
              (unit.name, reverse("org:unit_detail", args=[unit.code])), (_("Giải thể đơn vị"), "")]
    context = {"unit": unit, "form": form, "confirming": False, "crumbs": crumbs}
    if request.method == "POST" and form.is_valid():
        successor = None
        if form.cleaned_data["successor"]:
            try:
                successor = unit_get(actor=request.user, code=form.cleaned_data["successor"])
            except NotFound as exc:
                form.add_error("successor", str(exc))
        if form.is_valid():
            try:
                return _close_or_confirm(request, unit, form, successor, context)
            except ValidationError as exc:
                _show(form, exc)
    return render(request, "org/unit_close.html", context)


def _close_or_confirm(request, unit, form, successor, context):
    closed_on = form.cleaned_data["closed_on"]
    if request.POST.get("xac_nhan") == "1":
        unit_close(actor=request.user, unit=unit, closed_on=closed_on, successor=successor,
                   decision=form.cleaned_data["decision"])
        messages.success(request, _("Đã giải thể %(unit)s từ sau ngày %(day)s.")
                         % {"unit": unit.name, "day": closed_on.strftime("%d/%m/%Y")})
        return redirect(f"{reverse('org:unit_detail', args=[unit.code])}?as_of={closed_on.isoformat()}")
    unit_close_check(unit=unit, closed_on=closed_on, successor=successor)
    context.update(confirming=True, successor=successor, **_left_behind(unit, closed_on))
    return render(request, "org/unit_close.html", context)


def _show(form, error: ValidationError) -> None:
    """A refusal of the service on the form: on its field when it names one, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
