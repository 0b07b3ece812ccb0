"""The Politburo, the KGB and the Chief Designer of a planned program (sim.soviet_politics).

Sources: the holders of the Chief Designer's post and their dates are catalog rows
(chief_designers.csv: Korolev to his death in January 1966, Mishin dismissed in May 1974
after four N1 failures, then Glushko; A. Siddiqi, *Challenge to Apollo*, NASA SP-2000-4408);
a purge's size is the April 1963 dismissal of three cosmonauts of the first group
(Anikeyev, Filatyev, Nelyubov; Siddiqi ch. 7); no Soviet cosmonaut ever defected, so the
history ensemble must average under one defection a run. Everything else is a mechanic of
the ``soviet`` group, whose formulas the tests recompute.
"""

import pytest

from spacerace.sim.missions import commit_mission
from spacerace.sim.personnel import personnel_process
from spacerace.sim.soviet_politics import (
    development_factor,
    politburo_verdict,
    review_apparatus,
    seat_designer,
    soviet_politics_process,
)
from spacerace.world.mechanics import Mechanics


def _started(ctx, key="ussr"):
    """Run the process's first step: the apparatus is set up and the designer seated."""
    ctx.env.process(soviet_politics_process(ctx))
    ctx.env.run(until=ctx.now + 1.0)
    return ctx.world.agencies[key].apparatus


def test_a_run_from_1957_starts_with_korolev(make_ctx):
    assert _started(make_ctx()).chief_designer == "Sergei Korolev"  # tiny starts in 1957


def test_only_a_planned_agency_has_an_apparatus(make_ctx):
    ctx = make_ctx()
    held = {k: a.apparatus is not None for k, a in ctx.world.agencies.items()}
    assert held == {"usa": False, "ussr": True, "corp": False, "kp": False}  # kp is "secret"


def test_the_designer_in_office_in_1969_is_mishin_korolev_having_died_in_1966(make_ctx):
    ctx = make_ctx(name="history")
    app = ctx.world.agencies["soviet"].apparatus
    ctx.env.process(soviet_politics_process(ctx))
    ctx.env.run(until=1.0)
    assert app.chief_designer == "Vasily Mishin" and app.designers == ["Vasily Mishin"]
    assert ctx.world.people["Vasily Mishin"].skill == 0.75  # the scenario's person, not a copy
    (event,) = ctx.log.of_kind("chief_designer")
    assert "Vasily Mishin is Chief Designer" in event.text


def test_a_disgraced_designer_is_dismissed_and_glushko_succeeds(make_ctx):
    """Mishin fell in May 1974 after four N1 failures; Glushko took NPO Energia."""
    mech = {"soviet": {"designer_dismissal_chance": 1.0}}
    ctx = make_ctx(name="history", at_year=1974, mechanics=mech)
    app = _started(ctx, "soviet")
    assert app.chief_designer == "Vasily Mishin"
    fails = [
        type(e)(ctx.now, "launch", "soviet", "N1 fails.", data={"test": True, "success": False})
        for e in ctx.log.events[:1] * 4
    ]
    review_apparatus(ctx, "soviet", fails, ctx.rng("kgb"))
    assert ctx.world.people["Vasily Mishin"].status == "retired"
    assert app.chief_designer == "Valentin Glushko"
    assert app.designer_standing == ctx.mech.soviet.designer_standing_start
    texts = [e.text for e in ctx.log.of_kind("chief_designer")]
    assert "The Politburo dismisses Chief Designer Vasily Mishin." in texts
    assert not ctx.log.of_kind("purge") or app.purged >= 1


def test_four_failures_take_a_new_designer_below_the_dismissal_line():
    m = Mechanics().soviet
    assert m.designer_standing_start - 4 * m.designer_standing_per_failure < (
        m.designer_dismissal_standing
    )
    assert m.designer_standing_start - 1 * m.designer_standing_per_failure > (
        m.designer_dismissal_standing
    )  # one failure is survived


def test_a_designer_who_dies_is_succeeded_by_the_next_of_the_record(make_ctx):
    mech = {"soviet": {"designer_mortality_at_60": 1.0}}  # Mishin is 61: a certain death
    ctx = make_ctx(name="history", at_year=1978, mechanics=mech)
    app = _started(ctx, "soviet")
    review_apparatus(ctx, "soviet", [], ctx.rng("kgb"))
    assert ctx.world.people["Vasily Mishin"].status == "dead"
    assert app.designers == ["Vasily Mishin", "Valentin Glushko"]
    assert "dies in office" in ctx.log.of_kind("chief_designer")[1].text


def test_with_the_record_exhausted_an_invented_designer_takes_the_post(make_ctx):
    ctx = make_ctx(at_year=1990)
    app = _started(ctx)
    for _ in range(4):
        app.chief_designer = ""
        seat_designer(ctx, "ussr", ctx.year, "a test")
    assert app.designers[:2] == ["Vasily Mishin", "Yuri Semyonov"]  # the others are past 80
    assert app.designers[-1].startswith("Soviet Agency Chief Designer")
    assert "(invented)" in ctx.log.of_kind("chief_designer")[-1].text


def test_the_designer_speeds_development_and_surveillance_slows_it(make_ctx):
    ctx = make_ctx()
    app = _started(ctx)
    m = ctx.mech.soviet
    skill = ctx.world.people[app.chief_designer].skill
    expected = (1 + m.designer_speed_per_skill * (skill - 0.5)) * (
        1 - m.kgb_program_drag * app.surveillance
    )
    assert development_factor(ctx, "ussr") == pytest.approx(expected)
    assert development_factor(ctx, "usa") == 1.0  # a legislature's agency has no apparatus


def test_the_sitting_designer_does_not_retire_with_the_corps(make_ctx):
    """Staff retire at their role's age (roles.csv: 65), a sitting Chief Designer never."""
    ctx = make_ctx(name="history")
    ctx.env.process(soviet_politics_process(ctx))
    ctx.env.process(personnel_process(ctx))
    ctx.env.run(until=1.0)  # seated on the first day
    ctx.world.people["Vasily Mishin"].born_year = 1900  # 71 in 1971: past any role's age
    ctx.env.run(until=ctx.cal.day_of(1971, 1, 2))
    assert ctx.world.agencies["soviet"].apparatus.chief_designer == "Vasily Mishin"
    assert ctx.world.people["Vasily Mishin"].status == "active"
    assert ctx.world.people["Nikolai Kamanin"].status == "active"  # 63, an administrator
    ctx.env.run(until=ctx.cal.day_of(1974, 1, 2))
    assert ctx.world.people["Nikolai Kamanin"].status == "retired"  # 66


@pytest.mark.parametrize(
    ("chances", "outcome"),
    [
        ({"politburo_refusal_base": 1.0}, "refused"),
        ({"politburo_refusal_base": 0.0, "politburo_delay_base": 1.0}, "delayed"),
        ({"politburo_refusal_base": 0.0, "politburo_delay_base": 0.0}, "approved"),
    ],
)
def test_the_politburo_answers_and_a_refusal_bars_the_subject(make_ctx, chances, outcome):
    chances = {**chances, "politburo_rivalry_relief": 0.0, "politburo_refusal_per_standing": 0.0}
    ctx = make_ctx(mechanics={"soviet": chances})
    app = _started(ctx)
    got = politburo_verdict(ctx, "ussr", "lunar_base", "a lunar base")
    assert got == outcome
    assert app.verdicts == {outcome: 1}
    bar = {
        "refused": ctx.mech.soviet.politburo_refusal_days,
        "delayed": ctx.mech.soviet.politburo_delay_days,
    }.get(outcome)
    assert app.refuses("lunar_base", ctx.now) is (bar is not None)
    (event,) = ctx.log.of_kind("politburo")
    assert event.data["outcome"] == outcome and "The Politburo" in event.text
    assert politburo_verdict(ctx, "usa", "lunar_base", "x") == "approved"  # no Politburo


def test_refusals_grow_with_stagnation_and_the_designer_disgrace(make_ctx):
    ctx = make_ctx(mechanics={"soviet": {"politburo_rivalry_relief": 0.0}})
    app = _started(ctx)
    m = ctx.mech.soviet
    ctx.world.agencies["ussr"].approval_delay_days = 365.25
    app.designer_standing = 0.3
    politburo_verdict(ctx, "ussr", "g", "g")
    (event,) = ctx.log.of_kind("politburo")
    expected = (
        m.politburo_refusal_base
        + m.politburo_refusal_per_delay_year
        + (m.politburo_refusal_per_standing * 0.2)
    )
    assert event.data["p_refuse"] == pytest.approx(expected, abs=1e-3)


def test_a_delayed_mission_waits_the_politburo_days_more(make_ctx):
    from spacerace.sim.mission_options import mission_options

    ctx = make_ctx()
    _started(ctx)
    choice = next(o for o in mission_options(ctx, "ussr") if o.kind == "earth_orbit")
    plain = commit_mission(ctx, "ussr", choice)
    late = commit_mission(ctx, "ussr", choice, extra_delay_days=90.0)
    assert late.plan.depart_day - plain.plan.depart_day == pytest.approx(90.0)


def _corps(ctx):
    return [p for p in ctx.people_of("ussr") if p.status in ("active", "training")]


def test_surveillance_prevents_defections(make_ctx):
    never = {"defection_chance_max": 1.0, "kgb_surveillance_base": 1.0, "morale_base": 0.0}
    ctx = make_ctx(at_year=1975, mechanics={"soviet": {**never, "purge_chance_max": 0.0}})
    app = _started(ctx)
    for _ in range(20):
        review_apparatus(ctx, "ussr", [], ctx.rng("kgb"))
    assert app.defections == 0 and not ctx.log.of_kind("defection")


def test_without_surveillance_or_morale_someone_defects_to_the_rival(make_ctx):
    free = {"defection_chance_max": 1.0, "kgb_surveillance_base": 0.0, "morale_base": 0.0}
    free |= {"kgb_surveillance_per_rivalry": 0.0, "purge_chance_max": 0.0}
    ctx = make_ctx(at_year=1975, mechanics={"soviet": free})
    app = _started(ctx)
    rivalry = ctx.world.rivalry
    review_apparatus(ctx, "ussr", [], ctx.rng("kgb"))
    (event,) = ctx.log.of_kind("defection")
    (name,) = event.actors
    assert ctx.world.people[name].agency == "usa" and event.data["to"] == "usa"
    assert app.defections == 1 and "the KGB tightens its watch" in event.text
    assert app.surveillance == pytest.approx(ctx.mech.soviet.kgb_surveillance_per_defection)
    jump = ctx.mech.soviet.defection_rivalry_jump_earth
    assert ctx.world.rivalry == pytest.approx(min(1.0, rivalry + jump))


def test_a_purge_dismisses_three_as_in_april_1963(make_ctx):
    ctx = make_ctx(at_year=1975, mechanics={"soviet": {"purge_chance_max": 1.0}})
    app = _started(ctx)
    app.surveillance = 1.0
    before = len(_corps(ctx))
    review_apparatus(ctx, "ussr", [], ctx.rng("kgb"))
    (event,) = ctx.log.of_kind("purge")
    assert len(event.actors) == 3 == ctx.mech.soviet.purge_size
    assert len(_corps(ctx)) == before - 3 and app.purged == 3
    assert all(ctx.world.people[n].status == "retired" for n in event.actors)
    assert app.chief_designer not in event.actors and event.text.startswith("The KGB purges")


def test_the_apparatus_ends_with_the_state(make_ctx):
    from spacerace.sim.soviet_politics import in_force
    from spacerace.world.regime import Regime

    ctx = make_ctx()
    ctx.world.regimes["ussr"] = Regime("ussr", 0.0, fallen_year=1991)
    assert in_force(ctx, "ussr") is None
    assert politburo_verdict(ctx, "ussr", "g", "g") == "approved" and not ctx.log.events


def test_star_city_turns_the_mechanisms_up(scenarios):
    mech = Mechanics.with_overrides(scenarios["star-city"].mechanics).soviet
    base = Mechanics().soviet
    assert mech.kgb_surveillance_base > base.kgb_surveillance_base
    assert mech.purge_chance_max > base.purge_chance_max
    assert mech.politburo_refusal_base > base.politburo_refusal_base
    for name in ("history", "for-all-mankind"):  # the default strengths
        assert "soviet" not in scenarios[name].mechanics


def test_history_has_under_one_defection_a_run_and_names_the_politburo(ensembles):
    """No Soviet cosmonaut ever defected: the default strengths keep it rare."""
    runs = ensembles["history"]
    defections = sum(len(r.log.of_kind("defection")) for r in runs) / len(runs)
    assert defections < 1.0
    assert all(r.log.of_kind("chief_designer") for r in runs)
    assert all(r.log.of_kind("politburo") for r in runs)
