import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# The URLs, and with them every view, load now rather than at the first request; then what start-up
# built (about 150,000 objects) is kept out of the garbage collector's passes: a full pass walked them
# all, 120-150 ms of every third or fourth page at 50,000 cadres (docs/decisions.md).
import_module(settings.ROOT_URLCONF)
gc.freeze()
