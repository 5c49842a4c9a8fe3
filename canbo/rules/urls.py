from django.urls import path

from canbo.rules import views

app_name = "rules"
urlpatterns = [
    path("", views.rule_list, name="list"),
    path("tham-so/<int:pk>/", views.parameter_edit, name="parameter_edit"),
    path("sao-chep/<code:code>/", views.rule_set_copy, name="rule_set_copy"),
    path("tieu-chuan/<str:kind>/<code:code>/", views.standard_version_new, name="standard_version_new"),
]
