"""A signal receiver named by its dotted path, for an app's `ready()`: the module that defines it is
imported when the signal is first sent, not when Django starts, so that a command that never sends
the signal does not load that module and everything it imports."""

from django.dispatch import Signal
from django.utils.module_loading import import_string


def connect_by_path(signal: Signal, path: str, *, dispatch_uid: str) -> None:
    def receive(sender, **kwargs):
        return import_string(path)(sender, **kwargs)

    # Held strongly: the closure has no other reference that would keep it alive.
    signal.connect(receive, weak=False, dispatch_uid=dispatch_uid)
