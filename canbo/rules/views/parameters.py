"""The rules page (every rule of the rule set in force, its text filled in with the parameter
values in force at the page's date, citation, parameters with their history, and whether canbo
checks it) and the form that gives a parameter a new dated value (Ban Tổ chức, with a
confirmation step; the change is audited)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.core.forms import DayField
from canbo.org.standards import standard_histories
from canbo.rules.models import Parameter, RuleSet
from canbo.rules.selectors import parameter_history, rule_set_in_force, rules_catalogue, versions_in_force
from canbo.rules.services import parameter_version_create
from canbo.rules.verdicts import PROGRAMMES, REVIEW


@requires(Action.VIEW_RULES)
def rule_list(request):
    code = request.GET.get("bo")
    rule_set = get_object_or_404(RuleSet, code=code) if code else rule_set_in_force(request.as_of)
    versions = versions_in_force(rule_set, request.as_of)
    parameters = list(rule_set.parameters.order_by("id").prefetch_related("versions"))
    for parameter in parameters:
        parameter.in_force = versions.get(parameter.key)
        parameter.history = sorted(parameter.versions.all(), key=lambda v: v.valid_from, reverse=True)
    return render(
        request,
        "rules/list.html",
        {
            "rule_set": rule_set,
            "rule_sets": RuleSet.objects.all(),
            "groups": rules_catalogue(rule_set=rule_set, as_of=request.as_of),
            "parameters": parameters,
            "standards": standard_histories(request.as_of),
            "may_edit": can(request.user, Action.EDIT_RULES),
            "may_edit_standards": can(request.user, Action.EDIT_CATALOGUES),
            "review_keys": [v.key for v in REVIEW],
            "programme_keys": [v.key for v in PROGRAMMES],
            "crumbs": [(_("Quy tắc"), "")],
        },
    )


class ParameterVersionForm(forms.Form):
    value = forms.IntegerField(label=gettext_lazy("Giá trị mới"))
    valid_from = DayField(label=gettext_lazy("Hiệu lực từ ngày (dd/mm/yyyy)"))
    reason = forms.CharField(label=gettext_lazy("Lý do thay đổi"), max_length=500)
    decision = forms.CharField(
        label=gettext_lazy("Văn bản quyết định (số, ngày, cơ quan ban hành)"), max_length=255
    )


@requires(Action.EDIT_RULES)
def parameter_edit(request, pk):
    parameter = get_object_or_404(Parameter.objects.select_related("rule_set"), pk=pk)
    current = versions_in_force(parameter.rule_set, request.as_of).get(parameter.key)
    form = ParameterVersionForm(request.POST or None, initial={"value": current.value if current else None})
    confirming = False
    if request.method == "POST" and form.is_valid():
        try:
            parameter.validate_value(form.cleaned_data["value"])
            if request.POST.get("xac_nhan") == "1":
                parameter_version_create(actor=request.user, parameter=parameter, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if request.POST.get("xac_nhan") != "1":
                confirming = True
            else:
                messages.success(
                    request,
                    _("Tham số “%(label)s” có giá trị %(value)s từ ngày %(day)s.")
                    % {
                        "label": parameter.label,
                        "value": parameter.shown(form.cleaned_data["value"]),
                        "day": form.cleaned_data["valid_from"].strftime("%d/%m/%Y"),
                    },
                )
                query = urlencode({"bo": parameter.rule_set.code})
                return redirect(f"{reverse('rules:list')}?{query}#tham-so-{parameter.key}")
    return render(
        request,
        "rules/parameter_edit.html",
        {
            "parameter": parameter,
            "current": current,
            "history": parameter_history(parameter),
            "scale": list(enumerate(parameter.scale, start=1)),
            "new_value": parameter.shown(form.cleaned_data["value"]) if confirming else "",
            "form": form,
            "confirming": confirming,
            "crumbs": [(_("Quy tắc"), reverse("rules:list")), (parameter.label, "")],
        },
    )
