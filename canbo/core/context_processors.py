from canbo.core.dates import today


def canbo(request):
    """The as-of date; and whether the session still owes its second factor (set by
    canbo.accounts.middleware): the layout then offers nothing but that step and sign-out."""
    as_of = getattr(request, "as_of", None) or today()
    return {
        "as_of": as_of,
        "as_of_is_today": as_of == today(),
        "second_factor_pending": getattr(request, "second_factor_pending", False),
    }
