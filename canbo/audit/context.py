"""The address of the request being served, for the events it records (None on the command line)."""

import ipaddress
from contextvars import ContextVar

request_ip: ContextVar[str | None] = ContextVar("canbo_request_ip", default=None)


def _address(meta) -> str | None:
    try:
        return str(ipaddress.ip_address(meta.get("REMOTE_ADDR") or ""))
    except ValueError:
        return None


class RequestAddressMiddleware:
    """Makes the client's address (REMOTE_ADDR, as the web server or proxy sets it) known to
    `audit_record` for the length of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_ip.set(_address(request.META))
        try:
            return self.get_response(request)
        finally:
            request_ip.reset(token)
