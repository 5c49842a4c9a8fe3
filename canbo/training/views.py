"""The programme catalogue pages: the list of a rule set's programmes for every reader, and the forms
that add, change and delete a programme for btc and snv (errors shown on the form with what was
typed; deleting asks for a confirmation first; every write audited by the services)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.rules.models import RuleSet
from canbo.rules.selectors import rule_set_in_force
from canbo.training.forms import ProgrammeForm, QuotaForm, initial_of
from canbo.training.quotas import quota_set, quotas_of
from canbo.training.selectors import catalogue, programme_get, rule_set_get
from canbo.training.services import (
    programme_create,
    programme_delete,
    programme_delete_problem,
    programme_update,
)


def _list_url(rule_set: RuleSet, programme=None) -> str:
    anchor = f"#chuong-trinh-{programme.pk}" if programme is not None else ""
    return f"{reverse('training:programmes')}?bo={rule_set.code}{anchor}"


def _crumbs(rule_set: RuleSet, label: str) -> list:
    return [(_("Chương trình đào tạo, bồi dưỡng"), _list_url(rule_set)), (label, "")]


@requires(Action.VIEW_PROGRAMMES)
def programme_list(request):
    code = request.GET.get("bo")
    rule_set = rule_set_get(code=code) if code else rule_set_in_force(request.as_of)
    families = catalogue(rule_set=rule_set, as_of=request.as_of)
    rows = [row for family in families for row in family["programmes"]]
    quotas = quotas_of(actor=request.user, programmes=[row["programme"] for row in rows])
    for row in rows:
        row["quotas"] = quotas.get(row["programme"].pk, [])
    return render(request, "training/programme_list.html", {
        "rule_set": rule_set,
        "rule_sets": RuleSet.objects.all(),
        "families": families,
        "may_edit": can(request.user, Action.EDIT_PROGRAMMES),
        "crumbs": [(_("Chương trình đào tạo, bồi dưỡng"), "")],
    })


def show_refusal(form, error: ValidationError) -> None:
    """A refusal of the service on the form: on its field when it names one, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        target = field if field in form.fields else None
        if field == "qualifications":
            target = None
        form.add_error(target, errors)


@requires(Action.EDIT_PROGRAMMES)
def programme_new(request):
    rule_set = rule_set_get(code=request.GET.get("bo") or rule_set_in_force(request.as_of).code)
    form = ProgrammeForm(request.POST or None, rule_set=rule_set)
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_create(actor=request.user, rule_set=rule_set, **form.values())
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("Đã thêm chương trình “%(name)s”.") % {"name": programme.name})
            return redirect(_list_url(rule_set, programme))
    return render(request, "training/programme_form.html", {
        "form": form, "rule_set": rule_set, "programme": None,
        "crumbs": _crumbs(rule_set, _("Thêm chương trình")),
    })


@requires(Action.EDIT_PROGRAMMES)
def programme_edit(request, pk):
    programme = programme_get(pk=pk)
    form = ProgrammeForm(request.POST or None, rule_set=programme.rule_set, programme=programme,
                         initial=initial_of(programme))
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_update(actor=request.user, programme=programme, **form.values())
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("Đã lưu chương trình “%(name)s”.") % {"name": programme.name})
            return redirect(_list_url(programme.rule_set, programme))
    return _programme_page(request, programme, form, QuotaForm())


def _programme_page(request, programme, form, quota_form):
    return render(request, "training/programme_form.html", {
        "form": form, "rule_set": programme.rule_set, "programme": programme, "quota_form": quota_form,
        "quotas": quotas_of(actor=request.user, programmes=[programme]).get(programme.pk, []),
        "crumbs": _crumbs(programme.rule_set, programme.name),
    })


@requires(Action.EDIT_PROGRAMMES)
def programme_quota(request, pk):
    """Set a programme's quota of a year (POST from the programme's page)."""
    programme = programme_get(pk=pk)
    quota_form = QuotaForm(request.POST or None)
    if request.method == "POST" and quota_form.is_valid():
        data = quota_form.cleaned_data
        try:
            quota_set(actor=request.user, programme=programme, year=data["nam"], seats=data["so_cho"],
                      decision=data["van_ban"])
        except ValidationError as exc:
            quota_form.add_error("van_ban", exc.messages)
        else:
            messages.success(request, _("Đã ghi chỉ tiêu năm %(year)s của “%(name)s”.") % {
                "year": data["nam"], "name": programme.name})
            return redirect(reverse("training:programme_edit", args=[programme.pk]) + "#chi-tieu")
    form = ProgrammeForm(rule_set=programme.rule_set, programme=programme, initial=initial_of(programme))
    return _programme_page(request, programme, form, quota_form)


@requires(Action.EDIT_PROGRAMMES)
def programme_remove(request, pk):
    programme = programme_get(pk=pk)
    problem = programme_delete_problem(programme)
    if request.method == "POST" and not problem:
        programme_delete(actor=request.user, programme=programme)
        messages.success(request, _("Đã xóa chương trình “%(name)s”.") % {"name": programme.name})
        return redirect(_list_url(programme.rule_set))
    return render(request, "training/programme_delete.html", {
        "programme": programme, "problem": problem,
        "crumbs": _crumbs(programme.rule_set, _("Xóa chương trình")),
    })
