"""The `canbo` command: canbo's Django management commands under one name.

canbo's own commands skip Django's system checks: those import every URL, view and API module
(the whole web layer, the workbook libraries) before the command starts, which cost most of a
command's start-up. The checks still run with `canbo check`, `canbo migrate`, `canbo runserver`
and in the test suite.

The commands that only read the province and print start with `config.reading`, canbo's settings
without the apps only the web serves, and print the output they printed before when the data has
not changed since, without setting Django up (`canbo.core.kept_output`).
"""

import gc
import os
import sys
from importlib import import_module

READING_COMMANDS = {
    "review", "eligibility", "nonlocal", "rotation-pool", "vacancies", "check-proposal",
    "rotation-target", "retirement",
}


def main() -> None:
    # Start-up builds thousands of classes and leaves no garbage: the collector would only walk them
    # (a tenth of a command's start-up). They are then kept out of later collections.
    gc.disable()
    reading = len(sys.argv) > 1 and sys.argv[1] in READING_COMMANDS
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.reading" if reading else "config.settings")
    if reading:
        from canbo.core.kept_output import print_kept

        if print_kept(sys.argv[1:]):
            return
    import django
    from django.core.management import execute_from_command_line, get_commands

    django.setup()
    if reading:
        configure_logging()
    argv = ["canbo", *sys.argv[1:]]
    app = get_commands().get(argv[1], "") if len(argv) > 1 else ""
    if app.startswith("canbo."):
        if "--skip-checks" not in argv:
            argv.insert(2, "--skip-checks")  # before any subcommand, which has options of its own
        import_module(f"{app}.management.commands.{argv[1]}")  # with the rest of start-up
    gc.freeze()
    gc.enable()
    if reading:
        from canbo.core.command_output import run_keeping

        run_keeping(sys.argv[1:], lambda: execute_from_command_line(argv))
    else:
        execute_from_command_line(argv)


def configure_logging() -> None:
    """The logging of canbo's settings, without Django's own defaults (`config.reading`)."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


if __name__ == "__main__":
    main()
