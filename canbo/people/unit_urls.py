"""The organisation pages (namespace `org`): served here because they show the people in each unit."""

from django.urls import path

from canbo.people import unit_views as views
from canbo.people.unit_close import unit_close_page

app_name = "org"
urlpatterns = [
    path("", views.tree, name="unit_tree"),
    # Before the unit's page: a code may hold "/" (`canbo.core.codes`), so its pattern would take this one.
    path("don-vi/<code:code>/giai-the/", unit_close_page, name="unit_close"),
    path("don-vi/<code:code>/", views.unit_detail, name="unit_detail"),
]
