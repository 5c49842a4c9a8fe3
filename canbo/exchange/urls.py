from django.urls import path

from canbo.exchange import views

app_name = "exchange"
urlpatterns = [
    path("", views.import_page, name="import"),
    path("<int:pk>/", views.import_job, name="import_job"),
    path("<int:pk>/nhap/", views.import_confirm, name="import_confirm"),
]
