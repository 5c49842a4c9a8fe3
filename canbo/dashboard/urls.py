"""The home page keeps the namespace `core`: every page links to it as `core:home`."""

from django.urls import path

from canbo.dashboard import compare_views, plan_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("tong-quan/so-lieu/", views.home_cards, name="home_cards"),
    path("tong-quan/so-sanh/", compare_views.compare, name="compare"),
    path("tong-quan/tien-do-ke-hoach/", plan_views.plan_people, name="plan_people"),
]
