"""The minimum length of a password (AUTH_PASSWORD_VALIDATORS), as Django checks it, said in
canbo's words: Django's Vietnamese catalogue lacks the message of its current version."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Mật khẩu quá ngắn: cần ít nhất %(n)d ký tự.", "Mật khẩu quá ngắn: cần ít nhất %(n)d ký tự.",
            self.min_length,
        ) % {"n": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Mật khẩu cần ít nhất %(n)d ký tự.", "Mật khẩu cần ít nhất %(n)d ký tự.", self.min_length
        ) % {"n": self.min_length}
