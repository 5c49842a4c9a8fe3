"""What a `--replace` import tells the apps above exchange: the province records are about to be
deleted, so the records of theirs that point at them (plans, courses, proposals) go first.

Exchange may not import those apps; they connect a receiver in their `ready()`. `province_replacing`
is sent inside the import's transaction; each receiver deletes its records and returns the rows
deleted per model label, which the import's audit event lists with the province's own.
"""

from django.dispatch import Signal

province_replacing = Signal()
