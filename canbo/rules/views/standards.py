"""A new standard for a position type or a rank from a date (Ban Tổ chức, Sở Nội vụ), with a
confirmation step; reviews as of earlier dates keep the standard in force then."""

from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.forms import DayField
from canbo.org.models import RANK_REQUIREMENTS, CivilServiceRank, PositionType, StandardVersion
from canbo.org.services import standard_version_create

# URL segment -> (model, the service's keyword for it, the requirements it can have)
HOLDERS = {
    "chuc-danh": (PositionType, "position_type", ("req_llct", "req_chuyen_mon", *RANK_REQUIREMENTS)),
    "ngach": (CivilServiceRank, "rank", RANK_REQUIREMENTS),
}


class StandardVersionForm(forms.Form):
    valid_from = DayField(label=gettext_lazy("Áp dụng từ ngày (dd/mm/yyyy)"))
    reason = forms.CharField(label=gettext_lazy("Lý do thay đổi"), max_length=500)
    decision = forms.CharField(
        label=gettext_lazy("Văn bản quyết định (số, ngày, cơ quan ban hành)"), max_length=255
    )

    def __init__(self, *args, requirements: tuple[str, ...], source: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for name in requirements:
            field = StandardVersion._meta.get_field(name)
            self.fields[name] = forms.TypedChoiceField(
                label=field.verbose_name.capitalize(), choices=field.choices, coerce=int
            )
        if source:
            self.fields["source"] = forms.CharField(
                label=gettext_lazy("Căn cứ tiêu chuẩn"), max_length=255, required=False
            )


@requires(Action.EDIT_CATALOGUES)
def standard_version_new(request, kind, code):
    if kind not in HOLDERS:
        raise Http404(_("Không có loại danh mục “%(kind)s”.") % {"kind": kind})
    model, keyword, requirements = HOLDERS[kind]
    holder = get_object_or_404(model, code=code)
    history = list(StandardVersion.objects.filter(**{keyword: holder}).order_by("-valid_to", "-id"))
    current = next((v for v in history if v.valid_to is None), None)
    initial = {name: getattr(current, name) for name in (*requirements, "source")} if current else {}
    form = StandardVersionForm(
        request.POST or None, initial=initial, requirements=requirements, source=keyword == "position_type"
    )
    confirming = False
    if request.method == "POST" and form.is_valid():
        if request.POST.get("xac_nhan") != "1":
            confirming = True
        else:
            try:
                standard_version_create(actor=request.user, **{keyword: holder}, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("Tiêu chuẩn mới của “%(name)s” áp dụng từ ngày %(day)s.")
                    % {"name": holder.name, "day": form.cleaned_data["valid_from"].strftime("%d/%m/%Y")},
                )
                return redirect(f"{reverse('rules:list')}#tieu-chuan-{kind}-{quote(holder.code)}")
    chosen = []
    if confirming:
        chosen = [
            (form.fields[name].label, dict(form.fields[name].choices)[form.cleaned_data[name]])
            for name in requirements
        ]
    return render(
        request,
        "rules/standard_version_new.html",
        {
            "holder": holder,
            "kind": kind,
            "history": history,
            "form": form,
            "confirming": confirming,
            "chosen": chosen,
            "crumbs": [(_("Quy tắc"), reverse("rules:list")), (holder.name, "")],
        },
    )
