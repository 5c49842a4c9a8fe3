from django.urls import path

from canbo.rotation import decision_views, list_views, proposal_views, views

app_name = "rotation"
urlpatterns = [
    path("vi-tri-khuyet/", views.vacancies, name="vacancies"),
    path("kiem-tra-de-xuat/", views.check_proposal, name="check_proposal"),
    path("chi-tieu-luan-chuyen/", views.rotation_target, name="target"),
    path("de-xuat/", proposal_views.proposals, name="proposals"),
    path("de-xuat/moi/", proposal_views.proposal_new, name="proposal_new"),
    path("de-xuat/danh-sach-moi/", proposal_views.proposal_list_new, name="proposal_list_new"),
    path("de-xuat/danh-sach-trinh-hop/", list_views.meeting_list, name="meeting_list"),
    path("de-xuat/chuyen-buoc/", list_views.batch_step, name="batch_step"),
    path("de-xuat/<int:pk>/", proposal_views.proposal_detail, name="proposal_detail"),
    path("de-xuat/<int:pk>/y-kien/", proposal_views.proposal_opinion, name="proposal_opinion"),
    path("de-xuat/<int:pk>/danh-gia/", proposal_views.proposal_evaluation, name="proposal_evaluation"),
    path("de-xuat/<int:pk>/buoc/<str:target>/", proposal_views.proposal_step, name="proposal_step"),
    path("de-xuat/<int:pk>/quyet-dinh/", decision_views.proposal_decision, name="proposal_decision"),
    path("de-xuat/<int:pk>/tep/<int:file_pk>/", proposal_views.proposal_file, name="proposal_file"),
    path("dang-luan-chuyen/", proposal_views.rotations, name="rotations"),
    path("ho-tro-luan-chuyen/", list_views.allowances, name="allowances"),
]
