"""The REST API (django-ninja): one router per app, OpenAPI at /api/docs (signed-in users only,
served from the Swagger UI files that django-ninja ships, so it works without the internet).

Domain errors become HTTP here, once for every endpoint: `NotFound` is 404 and `PermissionDenied`
403, both as `{"detail": message}`; a service's `ValidationError` is 422 with one entry per
problem, like a request that does not match its schema.
"""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.shortcuts import render
from ninja import NinjaAPI, Swagger

from canbo.core.errors import NotFound


class OfflineSwagger(Swagger):
    """Swagger UI from the files django-ninja ships (config/settings.py finds them), never a CDN,
    although django-ninja is not an installed app."""

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {"swagger_settings": json.dumps(settings, indent=1), "api": api, "add_csrf": True}
        return render(request, self.template, context)


api = NinjaAPI(
    title="canbo API", version="1", urls_namespace="api", docs=OfflineSwagger(), docs_decorator=login_required
)


@api.exception_handler(NotFound)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc.message)}, status=404)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    by_field = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    problems = [
        {"loc": ["body", field], "msg": str(message), "type": "validation"}
        for field, messages in by_field.items()
        for message in messages
    ]
    return api.create_response(request, {"detail": problems}, status=422)


from canbo.accounts.api import router as accounts_router  # noqa: E402
from canbo.people.api import router as people_router  # noqa: E402
from canbo.people.unit_api import router as units_router  # noqa: E402
from canbo.reports.api import router as reports_router  # noqa: E402

api.add_router("/tai-khoan/", accounts_router)
api.add_router("/don-vi/", units_router)
api.add_router("/can-bo/", people_router)
api.add_router("/ra-soat/", reports_router)
from canbo.rotation.api import router as rotation_router  # noqa: E402

api.add_router("/luan-chuyen/", rotation_router)
from canbo.training.api import router as training_router  # noqa: E402

api.add_router("/dao-tao/", training_router)
from canbo.rotation.proposal_api import router as proposal_router  # noqa: E402

api.add_router("/luan-chuyen/", proposal_router)
