"""Starts the warming of the home page's figures (`canbo.dashboard.warm`) after a request that finds
the data or the date changed since the process last warmed them: a write made by the request
itself, or by an import, a job, a command or another process since."""

from django.conf import settings

from canbo.dashboard.warm import warm_if_changed


class WarmAfterWriteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CANBO_WARM_AFTER_WRITE:
            warm_if_changed()
        return response
