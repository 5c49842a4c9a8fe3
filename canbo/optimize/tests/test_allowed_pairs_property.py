"""Random small provinces: the optimiser's allowed pairs and their fit, built by the database in one
query, are exactly the pairs `canbo check-proposal` allows (SPEC §13: a rotation from D to D + the
minimum term − 1 day with no `vi_pham`, to a unit other than the cadre's from unit), each with the
fit Python computes on that pair's own facts row."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from canbo.core.dates import add_years
from canbo.optimize.fit import allowed_pairs, fit_of_pairs, weights_at
from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre
from canbo.rules.pairs import Proposal
from canbo.rules.proposals import proposal_check, proposal_context
from canbo.rules.tests.test_pairs_property import build, cadre_spec, post_spec


class AllowedPairsAgree(TestCase):
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(cadre_spec, min_size=1, max_size=5),
        st.lists(post_spec, min_size=1, max_size=3),
        st.dates(min_value=dt.date(2017, 6, 1), max_value=dt.date(2020, 6, 30)),
    )
    def test_the_allowed_pairs_are_those_check_proposal_allows(self, cadres, posts, as_of):
        world = build(cadres, posts)
        targets = sorted({(getattr(world, unit).id, getattr(world, kind).id) for unit, kind, _s, _d in posts})
        table = allowed_pairs(as_of, weights_at(as_of), posts=targets)
        found = {
            (pair.cadre_id, pair.unit_id, pair.type_id): pair.fit
            for pair in (table.pair(index) for index in range(len(table)))
        }
        ctx = proposal_context(as_of)
        fit = fit_of_pairs(as_of, weights_at(as_of))
        end = add_years(as_of, ctx["params"]["nam_luan_chuyen_toi_thieu"]) - dt.timedelta(days=1)
        expected, sent_from = {}, {}
        for cadre in Cadre.objects.all():
            for unit_id, type_id in targets:
                unit = Unit.objects.get(id=unit_id)
                result, explanation = proposal_check(
                    cadre=cadre,
                    unit=unit,
                    position_type=PositionType.objects.get(id=type_id),
                    proposal=Proposal("luan_chuyen", as_of, end),
                )
                if result["hop_le"] and result["tu_don_vi"] != unit.code:
                    expected[(cadre.id, unit_id, type_id)] = fit.of(explanation["row"], ctx)
                    sent_from[cadre.id] = result["tu_don_vi"]
        assert found == expected
        codes = dict(Unit.objects.values_list("id", "code"))
        assert {cadre: codes[table.from_unit[cadre]] for cadre, _u, _t in found} == sent_from
