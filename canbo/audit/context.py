"""The address of the request being served, for the events it records (None on the command line)."""

import ipaddress
from contextvars import ContextVar

from django.conf import settings

request_ip: ContextVar[str | None] = ContextVar("canbo_request_ip", default=None)


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a reverse proxy the header it sets. The change
    log and the sign-in lockout (`AXES_CLIENT_IP_CALLABLE`) read the same address."""
    return _address(request.META)


def _address(meta) -> str | None:
    try:
        return str(ipaddress.ip_address(meta.get(settings.CLIENT_IP_HEADER or "REMOTE_ADDR") or ""))
    except ValueError:
        return None


class RequestAddressMiddleware:
    """Makes the client's address known to `audit_record` for the length of the request: REMOTE_ADDR,
    or behind a reverse proxy the header it sets (CLIENT_IP_HEADER, `CANBO_CLIENT_IP_HEADER`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_ip.set(_address(request.META))
        try:
            return self.get_response(request)
        finally:
            request_ip.reset(token)
