from canbo.core.dates import today


def canbo(request):
    as_of = getattr(request, "as_of", None) or today()
    return {"as_of": as_of, "as_of_is_today": as_of == today()}
