"""Copy a rule set for the next plan period (Ban Tổ chức only), to edit its parameters there."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.forms import DayField
from canbo.rules.models import RuleSet
from canbo.rules.services import rule_set_copy as rule_set_copy_service


class RuleSetCopyForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Mã bộ quy tắc mới"), max_length=30, help_text="KH-2021-2025")
    name = forms.CharField(label=gettext_lazy("Tên"), max_length=255)
    valid_from = DayField(label=gettext_lazy("Áp dụng từ ngày (dd/mm/yyyy)"))
    valid_to = DayField(label=gettext_lazy("Đến ngày (dd/mm/yyyy, để trống nếu chưa định)"), required=False)
    document = forms.CharField(label=gettext_lazy("Văn bản căn cứ"), max_length=255, required=False)


@requires(Action.EDIT_RULES)
def rule_set_copy(request, code):
    source = get_object_or_404(RuleSet, code=code)
    form = RuleSetCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = rule_set_copy_service(actor=request.user, source=source, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("Đã tạo bộ quy tắc %(new)s từ %(old)s; sửa các tham số cho giai đoạn mới bên dưới.")
                % {"new": copy.code, "old": source.code},
            )
            return redirect(f"{reverse('rules:list')}?{urlencode({'bo': copy.code})}")
    crumbs = [(_("Quy tắc"), reverse("rules:list")), (_("Tạo bộ quy tắc cho giai đoạn sau"), "")]
    return render(request, "rules/rule_set_copy.html", {"source": source, "form": form, "crumbs": crumbs})
