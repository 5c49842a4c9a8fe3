"""Search of cadres by name or code, typed with or without diacritics and apostrophes.

Every word typed must occur in the cadre's search text (`canbo.core.names.search_fold` of the
name, and the code). Hits are ranked: a word matching a whole word scores 2, the start of a word
1, the inside of a word 0; the best total first, then the Vietnamese name order.
"""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Concat

from canbo.core.names import search_fold

RELEVANCE = ("-search_rank", "sort_key")


def ranked_search(cadres: QuerySet, query: str) -> QuerySet:
    """`cadres` matching every word of `query`, annotated with `search_rank` (order by RELEVANCE)."""
    words = search_fold(query).split()
    for word in words:
        cadres = cadres.filter(search_text__contains=word)
    if not words:
        return cadres
    cadres = cadres.annotate(padded_search=Concat(Value(" "), "search_text", Value(" ")))
    scores = [
        Case(
            When(padded_search__contains=f" {word} ", then=Value(2)),
            When(padded_search__contains=f" {word}", then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for word in words
    ]
    total = scores[0]
    for score in scores[1:]:
        total = total + score
    return cadres.annotate(search_rank=total)
