"""docs/engine.md's worked example: a new mission kind is one row and one planner builder.

The row and the builder below are the ones the docs show (a crewed lunar-orbit flight, as
Apollo 8); the test adds them to a run of the history scenario and checks that the engine
offers, names, flies and records the new kind without any other change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spacerace.sim.engine import run_timeline
from spacerace.sim.planner import MissionPlanner
from spacerace.world import mission_kinds
from spacerace.world.mission_kinds import MissionKind, Phase

DOC = Path(__file__).parents[2] / "docs" / "engine.md"

LUNAR_ORBIT = MissionKind(
    key="lunar_orbit",
    body="moon",
    crew=3,
    needs=("apollo_lm|l3",),
    phases=(
        Phase("transfer", "risk_lunar_transfer", "transit"),
        Phase("orbit", "risk_orbit", "other", arrives=True),
        Phase("return", "risk_lunar_ascent_return", "return"),
    ),
    planner="lunar_orbit",
    launch_cap="max_launches_lunar",
    upkeep_interval="earth_orbit_interval_days",
    upkeep_rank=25,
    milestones=("crewed_lunar_orbit",),
    label="lunar orbit",
)


class Planner(MissionPlanner):
    """The planner with the docs' one new builder."""

    @property
    def builders(self) -> dict:
        return {**super().builders, "lunar_orbit": self._lunar_orbit}

    def _lunar_orbit(self, vehicle, depart, mech, nuclear, destination=""):
        imleo = self._after_tli(mech.spacecraft.lunar_spacecraft_kg, mech)
        dv = self.tli_dv_km_s + 2.0 * self.loi_dv_km_s  # into lunar orbit and back out
        note = f"TLI {self.tli_dv_km_s:.2f} + LOI and TEI 2 x {self.loi_dv_km_s:.2f} km/s"
        return self._finish(dv, imleo, vehicle, depart, self.lunar_tof_days, 0.0, 0.0, mech, note)


def test_the_docs_show_this_row_and_builder():
    text = DOC.read_text(encoding="utf-8")
    for needle in ('key="lunar_orbit"', 'planner="lunar_orbit"', "def _lunar_orbit(self"):
        assert needle in text
    code = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert any("2.0 * self.loi_dv_km_s" in block for block in code)


@pytest.fixture(scope="module")
def run_with_lunar_orbit(scenarios):
    sc = scenarios["history"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(mission_kinds.MISSION_KINDS, "lunar_orbit", LUNAR_ORBIT)
        planner = Planner(sc.start_jd_tdb, sc.start_jd_tdb + 12 * 365.25)
        return run_timeline(sc, 2, until_year=1980, planner=planner)


def test_a_new_kind_is_offered_named_flown_and_recorded(run_with_lunar_orbit):
    r = run_with_lunar_orbit
    flown = [m for m in r.world.missions if m.kind == "lunar_orbit"]
    assert flown, "the state policy flies the new upkeep kind once its interval has passed"
    # no naming row names the new kind: each scheme's catch-all does (Apollo 8 was one)
    assert all(re.fullmatch(r"(Apollo|Soyuz) \d+", m.name) for m in flown), flown
    done = [m for m in flown if m.status == "success"]
    assert done and all(m.phases_done == ["transfer", "orbit", "return"] for m in done)
    # the plan is the builder's: TLI plus twice LOI (patched conics of astro.transfers)
    p = done[0].plan
    assert p.surface_days == 0.0 and p.delta_v_km_s > 3.0 and "2 x" in p.notes
    first = r.milestones.get("crewed_lunar_orbit")
    assert first is not None and first.agency in {m.agency for m in done}
    # upkeep flights at most once per interval (earth_orbit_interval_days, 365 days)
    for agency in {m.agency for m in flown}:
        days = sorted(m.plan.depart_day for m in flown if m.agency == agency)
        assert all(b - a >= 365.0 - 1e-6 for a, b in zip(days, days[1:], strict=False))
