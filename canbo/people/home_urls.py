"""The home page (namespace `core`): served here because its figures count people."""

from django.urls import path

from canbo.people import home as views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
]
