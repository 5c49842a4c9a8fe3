"""The REST API (django-ninja): one router per app, OpenAPI at /api/docs."""

from ninja import NinjaAPI

api = NinjaAPI(title="canbo API", version="1", urls_namespace="api")

from canbo.accounts.api import router as accounts_router  # noqa: E402
from canbo.org.api import router as org_router  # noqa: E402
from canbo.people.api import router as people_router  # noqa: E402

api.add_router("/tai-khoan/", accounts_router)
api.add_router("/don-vi/", org_router)
api.add_router("/can-bo/", people_router)
from canbo.reports.api import router as reports_router  # noqa: E402

api.add_router("/ra-soat/", reports_router)
from canbo.rotation.api import router as rotation_router  # noqa: E402

api.add_router("/luan-chuyen/", rotation_router)
