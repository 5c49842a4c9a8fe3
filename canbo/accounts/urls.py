from django.urls import path

from canbo.accounts.views import keys, second_factor, sign_in

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", sign_in.SignInView.as_view(), name="login"),
    path("dang-xuat/", sign_in.SignOutView.as_view(), name="logout"),
    path("doi-mat-khau/", sign_in.password_change_view, name="password_change"),
    path("ma-xac-thuc/", second_factor.second_factor, name="second_factor"),
    path("xac-thuc-hai-buoc/", second_factor.second_factor_setup, name="second_factor_setup"),
    path("xac-thuc-hai-buoc/ma-du-phong/", second_factor.recovery_codes, name="recovery_codes"),
    path("xac-thuc-hai-buoc/tao-lai-ma-du-phong/", second_factor.recovery_codes_new,
         name="recovery_codes_new"),
    path("xac-thuc-hai-buoc/doi-ung-dung/", second_factor.authenticator_replace,
         name="authenticator_replace"),
    path("khoa-api/", keys.api_keys, name="api_keys"),
    path("khoa-api/<int:pk>/thu-hoi/", keys.api_key_revoke, name="api_key_revoke"),
]
