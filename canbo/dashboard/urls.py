"""The home page keeps the namespace `core`: every page links to it as `core:home`."""

from django.urls import path

from canbo.dashboard import compare_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("tong-quan/so-sanh/", compare_views.compare, name="compare"),
]
