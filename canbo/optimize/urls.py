from django.urls import path

from canbo.optimize import views

app_name = "optimize"
urlpatterns = [
    path("toi-uu/", views.optimiser, name="optimiser"),
    path("toi-uu/<int:pk>/gui/", views.optimiser_send, name="optimiser_send"),
]
