"""Random small provinces built through the services: the database filter of every verdict
(a) agrees with the explanation of every person (b), and the six figures agree with a plain
reading of SPEC §8 written here independently."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from canbo.accounts.system import system_actor
from canbo.core.dated import in_force_q
from canbo.core.levels import LEVELS
from canbo.org.standards import position_standard, rank_standard
from canbo.people import services
from canbo.people.models import Cadre, PlanningEntry, PositionHolding, Qualification
from canbo.reports.tests.builders import Province
from canbo.rules import engine, explain
from canbo.rules.verdicts import CANDIDATE, EXCLUSIONS, PROGRAMMES, REVIEW, SPLIT

TYPES = ["bi_thu", "truong_phong", "pho_phong", "chuyen_vien", "nhan_vien", "uy_vien", "chu_chot_xa"]
KINDS = ["llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc"]
dates = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2022, 12, 31))
qualification = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 5),
    dates,
    st.sampled_from(["", "chinh_quy"]),
    st.sampled_from(["", "kha", "trung_binh"]),
    st.sampled_from([None, 100, 250]),
)
cadre_spec = st.fixed_dictionaries(
    {
        "birth": st.dates(min_value=dt.date(1955, 1, 1), max_value=dt.date(1998, 12, 31)),
        "gender": st.sampled_from(["nam", "nu"]),
        "ethnicity": st.sampled_from(["", "Kinh", "K'Ho"]),
        "rank": st.booleans(),
        "employed": st.one_of(st.none(), dates),
        "holdings": st.lists(
            st.tuples(
                st.sampled_from(TYPES), st.integers(0, 5), dates, st.one_of(st.none(), st.integers(0, 2000))
            ),
            max_size=2,
        ),
        "qualifications": st.lists(qualification, max_size=4),
        "planning": st.lists(st.tuples(st.sampled_from(TYPES), st.integers(2014, 2021), dates), max_size=2),
        "discipline": st.one_of(st.none(), st.tuples(dates, st.one_of(st.none(), st.integers(0, 900)))),
        "evaluations": st.lists(
            st.tuples(
                st.integers(2013, 2022),
                st.sampled_from(["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"]),
                st.booleans(),
            ),
            max_size=3,
            unique_by=lambda e: e[0],
        ),
    }
)


def build(province: Province, specs: list[dict]) -> None:
    units = [
        province.so_nv,
        province.hu_dt,
        province.ub_dt,
        province.cong_an,
        province.tinh_uy,
        province.hu_dl,
    ]
    for spec in specs:
        cadre = province.cadre(
            birth=spec["birth"],
            gender=spec["gender"],
            ethnicity=spec["ethnicity"],
            rank=province.ngach_cv if spec["rank"] else None,
            employment_start=spec["employed"],
        )
        for type_name, unit_index, start, length in spec["holdings"]:
            end = None if length is None else start + dt.timedelta(days=length)
            province.hold(cadre, getattr(province, type_name), units[unit_index], start, end)
        for kind, index, on, mode, grade, periods in spec["qualifications"]:
            levels = LEVELS[kind]
            level = levels[index % len(levels)][0]
            province.qualify(cadre, kind, level, on, mode=mode, grade=grade, llct_overlap_periods=periods)
        for type_name, start, approved in spec["planning"]:
            province.plan(cadre, getattr(province, type_name), (start, start + 5), approved)
        if spec["discipline"]:
            decided, days = spec["discipline"]
            services.discipline_add(
                actor=system_actor(),
                cadre=cadre,
                form="Khiển trách",
                decided_on=decided,
                effective_until=None if days is None else decided + dt.timedelta(days=days),
            )
        for year, rating, decline in spec["evaluations"]:
            services.evaluation_add(
                actor=system_actor(), cadre=cadre, year=year, rating=rating, prestige_decline=decline
            )


def plain_review(as_of: dt.date) -> dict[str, set[str]]:
    """SPEC §8 read literally, one cadre at a time (the oracle)."""
    found = {v.key: set() for v in REVIEW}
    for cadre in Cadre.objects.select_related("rank"):
        held = [h.position_type for h in PositionHolding.objects.filter(in_force_q(as_of), cadre=cadre)]
        if not held or as_of > cadre.retirement_date:
            continue
        planned = [
            e.position_type
            for e in PlanningEntry.objects.filter(
                cadre=cadre, approved_on__lte=as_of, term_start__lte=as_of.year, term_end__gte=as_of.year
            )
        ]

        def req(kind, types, cadre=cadre):
            values = [position_standard(t, as_of)[kind] for t in types]
            if cadre.rank is not None:
                values.append(rank_standard(cadre.rank, as_of).get(kind, 0))
            return max(values, default=0)

        def level(kind, cadre=cadre):
            ranks = Qualification.objects.filter(cadre=cadre, kind=kind, obtained_on__lte=as_of)
            return max((q.rank for q in ranks), default=0)

        r = {k: req(k, held + planned) for k in KINDS}
        lv = {k: level(k) for k in KINDS}
        if r["llct"] == 3 and lv["llct"] < 3:
            found["thieu_cao_cap_llct"].add(cadre.code)
        if r["llct"] == 2 and lv["llct"] < 2:
            found["thieu_trung_cap_llct"].add(cadre.code)
        if r["chuyen_mon"] >= 3 and lv["chuyen_mon"] < 3:
            found["thieu_dai_hoc"].add(cadre.code)
        if r["chuyen_mon"] in (1, 2) and lv["chuyen_mon"] < 1:
            found["thieu_trung_cap_chuyen_mon"].add(cadre.code)
        if lv["ngoai_ngu"] < r["ngoai_ngu"] or lv["tin_hoc"] < r["tin_hoc"]:
            found["thieu_ngoai_ngu_tin_hoc"].add(cadre.code)
        if lv["qlnn"] < r["qlnn"]:
            found["thieu_qlnn"].add(cadre.code)
    return found


class VerdictsAgree(TestCase):
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(specs=st.lists(cadre_spec, min_size=1, max_size=6), as_of=dates)
    def test_database_filter_explanation_and_spec_agree(self, specs, as_of):
        province = Province()
        build(province, specs)
        ctx = engine.context_for(as_of)
        rows = engine.facts_of(ctx, list(Cadre.objects.values_list("id", flat=True)))
        verdicts = [*REVIEW, *SPLIT.values(), *PROGRAMMES, CANDIDATE]
        conditions = [(v.key, v.condition) for v in verdicts] + [(code, c) for code, c, _l in EXCLUSIONS]
        for key, condition in conditions:
            by_database = {row["code"] for row in engine.matching(ctx, condition)}
            by_person = {row["code"] for row in rows.values() if condition.holds(row, ctx)}
            assert by_database == by_person, key
        for verdict in verdicts:
            for row in rows.values():
                explained = explain.explain_verdict(
                    verdict,
                    row,
                    ctx,
                    {"holdings": [], "planning": [], "rank": None, "standards": {}},
                    ctx["rules"],
                )
                assert explained["holds"] == all(c["holds"] for c in explained["clauses"])
        per_programme = engine.eligibility_counts(ctx)
        for verdict in PROGRAMMES:
            assert per_programme[verdict.key] == engine.count(ctx, verdict.condition), verdict.key
        counts = engine.review_counts(ctx)
        oracle = plain_review(as_of)
        for verdict in REVIEW:
            got = counts[verdict.key]
            got = got["tong"] if isinstance(got, dict) else got
            by_database = {row["code"] for row in engine.matching(ctx, verdict.condition)}
            assert by_database == oracle[verdict.key], verdict.key
            assert got == len(oracle[verdict.key]), verdict.key
