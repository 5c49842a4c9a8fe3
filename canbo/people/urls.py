from django.urls import path

from canbo.people import document_views, views

app_name = "people"
urlpatterns = [
    path("", views.cadre_list, name="cadre_list"),
    path("so-yeu-ly-lich/", document_views.personal_history_zip, name="personal_history_zip"),
    path("<code:code>/so-yeu-ly-lich/", document_views.personal_history_download, name="personal_history"),
    path("<code:code>/", views.cadre_detail, name="cadre_detail"),
]
