from django.urls import path

from canbo.people import views

app_name = "people"
urlpatterns = [
    path("", views.cadre_list, name="cadre_list"),
    path("<code:code>/", views.cadre_detail, name="cadre_detail"),
]
