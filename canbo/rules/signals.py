"""What a rule set's creation tells the apps above rules: catalogues dated by rule set (the training
programmes) copy their rows into a new set, or load their shipped rows with the shipped set.

Rules sits below those apps and may not import them; they connect a receiver in their `ready()`.
`rule_set_created` is sent inside the creating transaction with `rule_set` (the new set), `source`
(the set it was copied from, or None for the shipped set loaded again into an emptied database)
and `actor` (who copied it; None for the shipped set, which is loaded like its data migration, without an
audit event).
"""

from django.dispatch import Signal

rule_set_created = Signal()
