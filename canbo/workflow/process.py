"""A process as data (ARCHITECTURE 5, 15): its states, a table of transitions, each with the capability
it needs, the guards that may refuse it with a reason, and whether it needs a comment; and where the
actor's reach must include the object (`in_scope`). Every approval process of canbo (the training plan,
the rotation procedure) declares one and registers it for its model; `canbo.workflow.services.transition`
runs any of them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.module_loading import import_string

from canbo.core.errors import DomainError

# A guard reads the actor and the object and returns why the step may not be taken, or None.
Guard = Callable[[object, models.Model], str | None]
# An effect runs in the transition's transaction after the state has changed (actor, object, step).
Effect = Callable[[object, models.Model, object], None]


@dataclass(frozen=True)
class StepInput:
    """A value the step's form asks for besides the comment, files and day (an issued document's number
    on paper), kept with the step (`Step.inputs`) for its effects to read; empty is not given."""

    name: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: str  # the capability (canbo.core.capabilities.Action) it needs
    label: str  # the button: "Gửi kế hoạch", "Trả lại"
    guards: tuple[Guard, ...] = ()
    comment_required: bool = False  # a return must say why
    confirm: str = ""  # the question asked before the step is taken
    effects: tuple[Effect, ...] = ()
    inputs: tuple[StepInput, ...] = ()


@dataclass(frozen=True)
class Process:
    code: str
    label: str
    states: type[models.TextChoices]
    transitions: tuple[Transition, ...]
    in_scope: Callable[[object, models.Model], bool]  # whether the actor's reach includes the object
    state_field: str = "state"
    by_pair: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        pairs = {}
        for transition in self.transitions:
            unknown = {transition.source, transition.target} - set(self.states.values)
            if unknown:
                raise ValueError(f"{self.code}: unknown states {sorted(unknown)}")
            if (transition.source, transition.target) in pairs:
                raise ValueError(f"{self.code}: two transitions {transition.source} → {transition.target}")
            pairs[(transition.source, transition.target)] = transition
        object.__setattr__(self, "by_pair", pairs)

    def transition(self, source: str, target: str) -> Transition | None:
        return self.by_pair.get((source, target))

    def leaving(self, source: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == source]

    def state_label(self, state: str) -> str:
        return str(dict(self.states.choices).get(state, state))


class TransitionRefused(DomainError):
    """A step refused, with every reason that holds (capability, scope, guards, comment, files)."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


_PROCESSES: dict[str, Process | str] = {}


def register(model: type[models.Model], process: Process | str) -> None:
    """Declare `process` as the process of `model`'s objects (from the owning app's `ready()`). A dotted
    path ("canbo.rotation.procedure.PROPOSAL_PROCESS") is imported when the process is first asked for,
    so that a command that takes no step does not load the modules of the steps."""
    _PROCESSES[model._meta.label] = process


def unregister(model: type[models.Model]) -> None:
    _PROCESSES.pop(model._meta.label, None)


def process_of(obj_or_model) -> Process:
    label = obj_or_model._meta.label
    if label not in _PROCESSES:
        raise LookupError(f"no process registered for {label}")
    if isinstance(_PROCESSES[label], str):
        _PROCESSES[label] = import_string(_PROCESSES[label])
    return _PROCESSES[label]
