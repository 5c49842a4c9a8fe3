from django.contrib import admin
from django.urls import include, path

from config.api import api

# The admin modules are found here, with the URLs, rather than when Django starts: commands that
# serve no page do not import them (config/settings.py installs SimpleAdminConfig).
admin.autodiscover()

urlpatterns = [
    path("", include("canbo.dashboard.urls")),
    path("", include("canbo.rotation.urls")),
    path("", include("canbo.optimize.urls")),
    path("tai-khoan/", include("canbo.accounts.urls")),
    path("can-bo/", include("canbo.people.urls")),
    path("to-chuc/", include("canbo.people.unit_urls")),
    path("quy-tac/", include("canbo.rules.urls")),
    path("ra-soat/", include("canbo.reports.urls")),
    path("dao-tao/", include("canbo.training.urls")),
    path("quy-hoach/", include("canbo.training.succession_urls")),
    path("nhat-ky/", include("canbo.audit.urls")),
    path("viec/", include("canbo.jobs.urls")),
    path("nhap-du-lieu/", include("canbo.exchange.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("api/", api.urls),
]

handler400 = "config.errors.bad_request"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
