"""The REST API (django-ninja): one router per app, OpenAPI at /api/docs."""

from ninja import NinjaAPI

api = NinjaAPI(title="canbo API", version="1", urls_namespace="api")
