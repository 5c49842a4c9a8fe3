from django.urls import path, register_converter

from canbo.people import document_views, record_views, views
from canbo.people.record_kinds import KindConverter

register_converter(KindConverter, "kind")

app_name = "people"
urlpatterns = [
    path("", views.cadre_list, name="cadre_list"),
    path("them/", record_views.cadre_add, name="cadre_add"),
    path("goi-y/", views.suggestions, name="suggestions"),
    path("so-yeu-ly-lich/", document_views.personal_history_zip, name="personal_history_zip"),
    path("<code:code>/so-yeu-ly-lich/", document_views.personal_history_download, name="personal_history"),
    path("<code:code>/chuyen-cong-tac/", record_views.position_change, name="position_change"),
    path("<code:code>/<kind:kind>/them/", record_views.history_row_add, name="history_row_add"),
    path("<code:code>/<kind:kind>/<int:pk>/sua/", record_views.history_row_edit, name="history_row_edit"),
    path("<code:code>/<kind:kind>/<int:pk>/xoa/", record_views.history_row_remove, name="history_row_remove"),
    path("<code:code>/khoi-phuc/<int:seq>/", record_views.history_row_put_back, name="history_row_put_back"),
    # After the pages of a row: `code` takes any text, "DT1/cong-tac/4" too.
    path("<code:code>/sua/", record_views.cadre_edit, name="cadre_edit"),
    path("<code:code>/", views.cadre_detail, name="cadre_detail"),
]
