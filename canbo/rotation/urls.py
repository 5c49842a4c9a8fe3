from django.urls import path

from canbo.rotation import views

app_name = "rotation"
urlpatterns = [
    path("vi-tri-khuyet/", views.vacancies, name="vacancies"),
    path("kiem-tra-de-xuat/", views.check_proposal, name="check_proposal"),
    path("chi-tieu-luan-chuyen/", views.rotation_target, name="target"),
]
