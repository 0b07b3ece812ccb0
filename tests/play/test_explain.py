"""Every question a player can be asked has a sentence and explained choices."""

from __future__ import annotations

import pytest

from spacerace.play.explain import choices_of, prompt_of
from spacerace.sim.decisions import QUESTIONS, Question

YES_NO = [k for k in QUESTIONS if k not in ("fund", "next_mission", "pick_crew")]
CONTEXT = {  # what the engine's questions carry (docs/decisions.md)
    "keep_goal": {"goal": "crewed_mars_landing", "odds": 0.36},
    "supply_base": {"base": "Happy Valley", "cost_musd": 120.0},
    "evacuate_base": {"base": "Happy Valley", "reserve_days": 80.0},
    "escalate": {"base": "Zvezda", "pressure": 0.4, "stage": "seize"},
    "sell_launches": {"vehicles": "helios_heavy"},
    "join_alliance": {
        "base": "Happy Valley",
        "cost_musd": 640.0,
        "members": "nasa, soviet",
        "share": 0.625,
    },  # fmt: skip
    "settle_strike": {"base": "Happy Valley", "lost_musd": 123.0, "raise_musd": 0.9},
}


@pytest.mark.parametrize("kind", YES_NO)
def test_each_yes_no_question_reads_as_a_sentence_with_its_numbers(kind):
    question = Question(0, 0.0, "nasa", kind, (True, False), tuple(sorted(CONTEXT[kind].items())))
    prompt = prompt_of(question, "NASA")
    assert prompt.endswith("?") and "NASA" in prompt
    yes, no = choices_of(question, world=None)
    assert (yes.value, no.value) == (True, False) and yes.facts and no.facts
    numbers = {"join_alliance": "62%", "settle_strike": "0.9 M$"}
    if kind in numbers:
        assert numbers[kind] in " ".join(yes.facts)
