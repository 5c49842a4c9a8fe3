from django.urls import path

from canbo.optimize import scenario_views, views

app_name = "optimize"
urlpatterns = [
    path("toi-uu/", views.optimiser, name="optimiser"),
    path("toi-uu/<int:pk>/gui/", views.optimiser_send, name="optimiser_send"),
    path("du-bao/", scenario_views.scenarios, name="scenarios"),
    path("du-bao/kich-ban/moi/", scenario_views.scenario_new, name="scenario_new"),
    path("du-bao/kich-ban/<int:pk>/", scenario_views.scenario_edit, name="scenario_edit"),
]
