from django.urls import path

from canbo.training import views

app_name = "training"
urlpatterns = [
    path("chuong-trinh/", views.programme_list, name="programmes"),
    path("chuong-trinh/them/", views.programme_new, name="programme_new"),
    path("chuong-trinh/<int:pk>/sua/", views.programme_edit, name="programme_edit"),
    path("chuong-trinh/<int:pk>/xoa/", views.programme_remove, name="programme_delete"),
]
