"""Views ask the capability table through one decorator; the access matrix test reads the action
it attaches (`view.capability`)."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from canbo.core.capabilities import require


def requires(action: str):
    """Sign-in, then `action` from the capability table (403 with the reason otherwise)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(request.user, action)
            return view(request, *args, **kwargs)

        guarded = login_required(wrapped)
        guarded.capability = action
        return guarded

    return decorate
