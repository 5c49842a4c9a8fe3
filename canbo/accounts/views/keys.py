"""A user's own API keys: the list with their state, a new key (shown once), revoking one."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from canbo.accounts.decorators import requires
from canbo.accounts.forms import NewKeyForm
from canbo.accounts.tokens import api_token_create, api_token_revoke, own_token, own_tokens
from canbo.core.capabilities import Action

# A new key, kept in the session until the keys page shows it once.
NEW_KEY = "canbo_new_api_key"


@never_cache
@requires(Action.OWN_ACCOUNT)
def api_keys(request):
    form = NewKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, key = api_token_create(actor=request.user, user=request.user, **form.cleaned_data)
        request.session[NEW_KEY] = key
        return redirect("accounts:api_keys")
    return render(request, "accounts/api_keys.html", {
        "tokens": own_tokens(request.user), "form": form,
        "new_key": request.session.pop(NEW_KEY, None) if request.method == "GET" else None,
        "crumbs": [(_("Khóa API"), "")],
    })


@requires(Action.OWN_ACCOUNT)
@require_POST
def api_key_revoke(request, pk):
    token = own_token(request.user, pk)
    if not token.revoked:
        api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Đã thu hồi khóa %(prefix)s…; chương trình dùng khóa này không gọi API "
                                "được nữa.") % {"prefix": token.prefix})
    return redirect("accounts:api_keys")
