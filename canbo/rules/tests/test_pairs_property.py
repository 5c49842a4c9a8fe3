"""Random small provinces: the checks of a proposal decided by the database over every pair of
cadres × posts (one query) agree with the Python evaluation of each pair on its own facts row."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.rotation.tests.world import World
from canbo.rules.pairs import Proposal
from canbo.rules.proposal_rules import AUTHORITY, DIRECTION
from canbo.rules.proposals import CHECKS, flag_name, pair_table, proposal_context

UNITS = ["so_nv", "hu_dt", "ub_dt", "cong_an", "tinh_uy", "hu_dl", "xa_ln", "mat_tran", "benh_vien"]
TYPES = ["bi_thu", "truong_phong", "pho_phong", "chuyen_vien", "uy_vien", "chu_chot_xa"]
PLACES = [None, "lam_dong", "duc_trong", "lien_nghia", "di_linh"]
dates = st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2021, 12, 31))
cadre_spec = st.fixed_dictionaries(
    {
        "birth": st.dates(min_value=dt.date(1952, 1, 1), max_value=dt.date(1995, 12, 31)),
        "hometown": st.sampled_from(PLACES),
        "holdings": st.lists(
            st.tuples(
                st.sampled_from(UNITS),
                st.sampled_from(TYPES),
                dates,
                st.one_of(st.none(), st.integers(0, 900)),
            ),
            max_size=2,
        ),
        "planned": st.booleans(),
        "discipline": st.one_of(st.none(), dates),
        "llct": st.integers(0, 3),
    }
)
post_spec = st.tuples(
    st.sampled_from(UNITS), st.sampled_from(TYPES), st.integers(1, 2), st.one_of(st.none(), dates)
)
proposal_spec = st.tuples(
    st.sampled_from(["luan_chuyen", "dieu_dong"]),
    st.dates(min_value=dt.date(2017, 6, 1), max_value=dt.date(2020, 6, 30)),
    st.one_of(st.none(), st.integers(0, 2400)),
    st.booleans(),
)


def build(cadres: list[dict], posts: list[tuple]) -> World:
    """A province with the cadres of `cadre_spec` and the posts of `post_spec`."""
    world = World()
    for item in cadres:
        hometown = getattr(world, item["hometown"]) if item["hometown"] else None
        cadre = world.cadre(birth=item["birth"], hometown=hometown)
        for unit, kind, start, days in item["holdings"]:
            end = None if days is None else start + dt.timedelta(days=days)
            world.hold(cadre, getattr(world, kind), getattr(world, unit), start, end)
        if item["planned"]:
            world.plan(cadre, world.bi_thu, term=(2015, 2020), approved=dt.date(2016, 1, 1))
        if item["discipline"]:
            services.discipline_add(
                actor=system_actor(), cadre=cadre, form="Khiển trách", decided_on=item["discipline"]
            )
        if item["llct"]:
            world.qualify(cadre, "llct", ["so_cap", "trung_cap", "cao_cap"][item["llct"] - 1])
    for unit, kind, seats, start in posts:
        world.post(getattr(world, unit), getattr(world, kind), seats, start)
    return world


class PairsAgree(TestCase):
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(cadre_spec, min_size=1, max_size=4),
        st.lists(post_spec, min_size=1, max_size=3),
        proposal_spec,
    )
    def test_sql_over_all_pairs_agrees_with_python_for_each_pair(self, cadres, posts, spec):
        world = build(cadres, posts)
        kind, start, days, exception = spec
        proposal = Proposal(kind, start, None if days is None else start + dt.timedelta(days=days), exception)
        ctx = proposal_context(start)
        targets = [(getattr(world, u).id, getattr(world, t).id) for u, t, _s, _d in posts]
        every = pair_table(ctx, proposal, posts=targets)
        assert len(every) == len(cadres) * len(set(targets)) or len(every) == len(cadres) * len(targets)
        for row in every:
            (alone,) = pair_table(
                ctx, proposal, cadres=[row["id"]], posts=[(row["target_unit_id"], row["target_type_id"])]
            )
            for check in CHECKS:
                assert check.condition.holds(alone, ctx) == bool(row[flag_name(check)]), check.code
            for decision in (DIRECTION, AUTHORITY):
                branch = decision.branch(alone, ctx)
                assert (branch.value if branch else None) == row[decision.key], decision.key
