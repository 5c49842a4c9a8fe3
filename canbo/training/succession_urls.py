from django.urls import path

from canbo.training import succession_views

app_name = "succession"
urlpatterns = [
    path("", succession_views.succession_page, name="by_position"),
]
