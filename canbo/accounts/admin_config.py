from django.contrib.admin.apps import SimpleAdminConfig


class AdminConfig(SimpleAdminConfig):
    """Django's admin on canbo's admin site, whose sign-in is canbo's (`canbo.accounts.admin_site`).
    Its modules are still found when the URLs load (config/urls.py). Apart from the accounts app's
    own config, so that a command without the admin (config/reading.py) does not import it."""

    default_site = "canbo.accounts.admin_site.AdminSite"
