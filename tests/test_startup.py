"""What a `canbo` command loads before it runs: Django's setup with canbo's settings, in a fresh
process, imports the models and what the apps' `ready()` connects, not the modules a command needs
only when it does that work (the steps of the approval processes, the workbook and document
libraries, the optimiser, the API). Their processes and receivers are named by path and load on
first use. The server (config/wsgi.py) loads its views at once and keeps what start-up built out of
the garbage collector's passes."""

import json
import os
import subprocess
import sys

from django.dispatch import Signal

from canbo.core.receivers import connect_by_path
from tests.environment import ROOT

NOT_AT_START = [
    "canbo.rotation.procedure",
    "canbo.rotation.replace",
    "canbo.training.course_process",
    "canbo.training.plan_process",
    "canbo.training.services",
    "canbo.training.replace",
    "canbo.rules.proposal_rules",
    "canbo.accounts.second_factor",
    "canbo.documents.content",
    "docx",
    "openpyxl",
    "xlsxwriter",
    "python_calamine",
    "ortools",
    "numpy",
    "ninja",
    "pydantic",
    "segno",
]

LOADED = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
print(json.dumps(sorted(sys.modules)))
"""


def test_django_setup_leaves_out_what_a_command_may_not_need():
    command = [sys.executable, "-c", LOADED]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)  # noqa: S603
    loaded = set(json.loads(done.stdout))
    assert "canbo.rotation.models" in loaded and "canbo.training.models" in loaded
    assert sorted(loaded & set(NOT_AT_START)) == []


def test_a_process_named_by_path_is_the_module_s_process():
    from canbo.rotation.models import Proposal
    from canbo.rotation.procedure import PROPOSAL_PROCESS
    from canbo.training.course_process import COURSE_PROCESS
    from canbo.training.models import Course, TrainingPlan
    from canbo.training.plan_process import PLAN_PROCESS
    from canbo.workflow.process import process_of

    assert process_of(Proposal) is PROPOSAL_PROCESS
    assert process_of(TrainingPlan) is PLAN_PROCESS
    assert process_of(Course) is COURSE_PROCESS


HEARD: list[dict] = []


def remember(sender, **kwargs) -> int:
    HEARD.append(kwargs)
    return len(HEARD)


def test_a_receiver_named_by_path_gets_the_signal_and_answers():
    signal = Signal()
    connect_by_path(signal, "tests.test_startup.remember", dispatch_uid="remember")
    HEARD.clear()
    answers = signal.send(sender=None, day=1)
    assert HEARD == [{"signal": signal, "day": 1}]
    assert [answer for _receiver, answer in answers] == [1]


SERVED = """
import gc, json, sys
import config.wsgi
print(json.dumps([len(gc.get_objects()), gc.get_freeze_count(), "config.urls" in sys.modules]))
"""


def test_the_server_loads_its_views_then_keeps_them_out_of_the_collectors_passes(tmp_path):
    env = {**os.environ, "CANBO_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-c", SERVED]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    left, frozen, urls_loaded = json.loads(done.stdout)
    assert urls_loaded and frozen > 50_000 and left < 1_000
