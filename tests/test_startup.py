"""What a `canbo` command loads before it runs: Django's setup with canbo's settings, in a fresh
process, imports the models and what the apps' `ready()` connects, not the modules a command needs
only when it does that work (the steps of the approval processes, the workbook and document
libraries, the optimiser, the API). Their processes and receivers are named by path and load on
first use."""

import json
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
