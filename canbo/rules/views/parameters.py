"""The rules page (every rule of the rule set in force, with citation and parameters) and the
parameter edit form for the Ban Tổ chức (with a confirmation step; the change is audited)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.rules.models import Parameter, RuleSet
from canbo.rules.selectors import rule_set_in_force, rules_catalogue
from canbo.rules.services import parameter_update
from canbo.rules.verdicts import PROGRAMMES, REVIEW


@requires(Action.VIEW_RULES)
def rule_list(request):
    code = request.GET.get("bo")
    rule_set = get_object_or_404(RuleSet, code=code) if code else rule_set_in_force(request.as_of)
    return render(
        request,
        "rules/list.html",
        {
            "rule_set": rule_set,
            "rule_sets": RuleSet.objects.all(),
            "groups": rules_catalogue(rule_set=rule_set),
            "parameters": rule_set.parameters.order_by("id"),
            "may_edit": can(request.user, Action.EDIT_RULES),
            "review_keys": [v.key for v in REVIEW],
            "programme_keys": [v.key for v in PROGRAMMES],
            "crumbs": [(_("Quy tắc"), "")],
        },
    )


class ParameterForm(forms.Form):
    value = forms.IntegerField(label=gettext_lazy("Giá trị mới"))


@requires(Action.EDIT_RULES)
def parameter_edit(request, pk):
    parameter = get_object_or_404(Parameter.objects.select_related("rule_set"), pk=pk)
    form = ParameterForm(request.POST or None, initial={"value": parameter.value})
    confirming = False
    if request.method == "POST" and form.is_valid():
        value = form.cleaned_data["value"]
        if request.POST.get("xac_nhan") == "1":
            try:
                parameter_update(actor=request.user, parameter=parameter, value=value)
            except ValidationError as exc:
                form.add_error("value", exc.message_dict.get("value", exc.messages))
            else:
                messages.success(
                    request,
                    _("Đã sửa tham số “%(label)s” thành %(value)s %(unit)s.")
                    % {"label": parameter.label, "value": value, "unit": parameter.unit},
                )
                return redirect(f"{reverse('rules:list')}?bo={parameter.rule_set.code}")
        elif not parameter.min_value <= value <= parameter.max_value:
            form.add_error(
                "value",
                _("Giá trị phải từ %(lo)s đến %(hi)s %(unit)s.")
                % {"lo": parameter.min_value, "hi": parameter.max_value, "unit": parameter.unit},
            )
        else:
            confirming = True
    return render(
        request,
        "rules/parameter_edit.html",
        {
            "parameter": parameter,
            "form": form,
            "confirming": confirming,
            "crumbs": [(_("Quy tắc"), reverse("rules:list")), (parameter.label, "")],
        },
    )
