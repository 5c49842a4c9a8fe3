"""The roles of SPEC §1. They live in `core` so that the capability table, the menu and every app
can name them without importing the accounts app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BTV = "btv", _("Ban Thường vụ Tỉnh ủy")
    THUONG_TRUC = "thuong_truc", _("Thường trực Tỉnh ủy")
    BTC = "btc", _("Ban Tổ chức Tỉnh ủy")
    SNV = "snv", _("Sở Nội vụ")
    UNIT_HR = "unit_hr", _("Cán bộ tổ chức đơn vị")
    SCHOOL = "school", _("Cơ sở đào tạo")
    INSPECTOR = "inspector", _("Ủy ban Kiểm tra Tỉnh ủy")


# The system actor of command-line work (`canbo.accounts.system.system_actor`): its username and
# fields, here so that migrations of lower layers can create it too.
SYSTEM_USERNAME = "he_thong"
SYSTEM_NAME = _("Hệ thống (dòng lệnh)")  # how pages name it, in the reader's language
SYSTEM_USER_FIELDS = {"first_name": "Hệ thống (dòng lệnh)", "role": Role.BTV.value, "is_superuser": True}
