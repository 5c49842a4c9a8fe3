from django.urls import path

from canbo.org import views

app_name = "org"
urlpatterns = [
    path("", views.tree, name="unit_tree"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit_detail"),
]
