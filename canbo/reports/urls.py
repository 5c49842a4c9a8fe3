from django.urls import path

from canbo.reports import quality_views, views

app_name = "reports"
urlpatterns = [
    path("", views.review, name="review"),
    path("danh-sach/", views.people, name="people"),
    path("can-bo/<code:code>/", views.cadre_verdicts, name="cadre_verdicts"),
    path("du-dieu-kien/", views.eligible, name="eligible"),
    path("nguon-luan-chuyen/", views.rotation_pool, name="rotation_pool"),
    path("khong-dia-phuong/", views.non_local, name="nonlocal"),
    path("chat-luong/", quality_views.staff_quality_page, name="quality"),
]
