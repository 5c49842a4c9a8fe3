from django.urls import path

from canbo.training import (
    budget_views,
    course_views,
    document_views,
    form10_views,
    line_views,
    plan_views,
    progress_views,
    views,
)

app_name = "training"
urlpatterns = [
    path("chuong-trinh/", views.programme_list, name="programmes"),
    path("chuong-trinh/them/", views.programme_new, name="programme_new"),
    path("chuong-trinh/<int:pk>/sua/", views.programme_edit, name="programme_edit"),
    path("chuong-trinh/<int:pk>/xoa/", views.programme_remove, name="programme_delete"),
    path("chuong-trinh/<int:pk>/chi-tieu/", views.programme_quota, name="programme_quota"),
    path("ke-hoach/", plan_views.plan_board, name="plans"),
    path("ke-hoach/them/", plan_views.plan_new, name="plan_new"),
    path("ke-hoach/<int:pk>/", plan_views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/sua/", plan_views.plan_edit, name="plan_edit"),
    path("ke-hoach/<int:pk>/dieu-chinh/", plan_views.plan_amend_page, name="plan_amend"),
    path("ke-hoach/<int:pk>/buoc/<str:target>/", plan_views.plan_step, name="plan_step"),
    path("ke-hoach/<int:pk>/van-ban/", document_views.plan_document_download, name="plan_document"),
    path("ke-hoach/<int:pk>/tep/<int:file_pk>/", plan_views.plan_file, name="plan_file"),
    path("ke-hoach/<int:pk>/dong/them/", line_views.plan_line_new, name="plan_line_new"),
    path("ke-hoach/<int:pk>/dong/<int:line_pk>/xoa/", line_views.plan_line_delete, name="plan_line_delete"),
    path("khoa-hoc/", course_views.course_index, name="courses"),
    path("khoa-hoc/them/", course_views.course_new, name="course_new"),
    path("khoa-hoc/<int:pk>/", course_views.course_detail, name="course_detail"),
    path("khoa-hoc/<int:pk>/ghi-danh/", course_views.course_enrol, name="course_enrol"),
    path("khoa-hoc/<int:pk>/ket-qua/", course_views.course_results, name="course_results"),
    path("khoa-hoc/<int:pk>/nhap-ket-qua/", course_views.course_results_import, name="course_results_import"),
    path("khoa-hoc/<int:pk>/buoc/<str:target>/", course_views.course_step, name="course_step"),
    path("kinh-phi/", budget_views.budget_page, name="budget"),
    path("bieu-10/", form10_views.form10_page, name="form10"),
    path("tien-do/", progress_views.progress_page, name="progress"),
]
