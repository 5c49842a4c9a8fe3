"""Starts the warming of the home page's figures (`canbo.dashboard.warm`) after a request that
changed the data: the data token (`canbo.core.data_cache`) differs after it from before it."""

from django.conf import settings

from canbo.core.data_cache import data_token
from canbo.dashboard.warm import warm_soon

READS = ("GET", "HEAD", "OPTIONS", "TRACE")


class WarmAfterWriteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in READS or not settings.CANBO_WARM_AFTER_WRITE:
            return self.get_response(request)
        before = data_token()
        response = self.get_response(request)
        if data_token() != before:
            warm_soon()
        return response
