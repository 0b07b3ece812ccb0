"""``spacerace asteroids`` / ``spacerace asteroid``: JSON, tables, plots, one-line errors."""

import json

import pytest


def test_asteroids_json_ranks_known_objects(cli):
    code, out, err = cli(["asteroids", "--year", "2003", "--top", "3", "--designs", "6",
                          "--to", "earth-moon", "--json"])  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["year"] == 2003 and data["destination"] == "earth-moon"
    rows = data["candidates"]
    assert len(rows) == 3
    profits = [r["profit_musd"] for r in rows]
    assert profits == sorted(profits, reverse=True)
    for r in rows:
        assert r["first_obs_year"] <= 2003  # nothing discovered after the simulated year
        assert r["depart"] >= "2003-01-01"
        assert r["dv_total_km_s"] == pytest.approx(
            r["dv_outbound_km_s"] + r["dv_return_km_s"], abs=2e-3
        )
        assert r["profit_musd"] == pytest.approx(r["value_musd"] - r["cost_musd"], abs=0.2)


def test_asteroids_table(cli):
    code, out, _ = cli(["asteroids", "--top", "2", "--designs", "2"])
    assert code == 0
    assert "Capture targets known in 2003, taken to mars-orbit" in out
    assert "profit M$" in out


def test_asteroid_shows_one_object_and_writes_the_plot(cli, tmp_path):
    png = tmp_path / "bennu.png"
    code, out, err = cli(["asteroid", "Bennu", "--to", "earth-moon", "--out", str(png)])
    assert code == 0, err
    assert "(101955) Bennu" in out and "measured" in out and "carbonaceous" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_asteroid_json_by_number(cli):
    code, out, err = cli(["asteroid", "162173", "--json", "--year", "2010"])
    assert code == 0, err
    data = json.loads(out)
    assert data["label"] == "(162173) Ryugu" and data["spectral_class"] == "Cb"
    assert data["destination"] == "mars-orbit"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["asteroid", "Apofis"], "did you mean (99942) Apophis"),
        (["asteroid", "Apophis", "--year", "2003"], "first observed in 2004"),
        (["asteroids", "--to", "venus"], "unknown destination 'venus'; known: earth-moon"),
        (["asteroids", "--year", "2045"], "--year 2045: expected a whole number from 1900 to 2038"),
        (["asteroids", "--year", "1850"], "the ten-year search needs DE421, 1899-2053"),
        (["asteroids", "--top", "0"], "--top 0: expected a whole number from 1 to 1000"),
        (["asteroid", "Bennu", "--launcher", "falcon"], "known launchers: saturn_v"),
        (["asteroid", "Bennu", "--out", "x.txt"], "expected a .png"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, argv, message):
    code, out, err = cli(argv)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and out == ""


def test_the_series_worlds_declare_their_market():
    from spacerace.scenario.loader import load_scenario

    got = {n: load_scenario(n).space_market for n in ("for-all-mankind", "star-city", "history")}
    assert got == {"for-all-mankind": "series", "star-city": "series", "history": "none"}


def test_asteroids_say_which_targets_pay_in_the_series_world(cli):
    code, out, err = cli(["asteroids", "--top", "3", "--designs", "4",
                          "--scenario", "for-all-mankind"])  # fmt: skip
    assert code == 0, err
    assert "for-all-mankind's prices: water, metal and volatiles in space" in out
    assert "pays" in out and "yes" in out
    assert "pay at for-all-mankind's prices: (" in out  # the line names who pays


def test_asteroids_json_in_history_pays_nothing_in_space(cli):
    code, out, err = cli(["asteroids", "--top", "2", "--designs", "2", "--scenario", "history",
                          "--json"])  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["scenario"] == "history" and data["space_market"] == "none"
    assert data["paying"] == [] and not any(r["pays"] for r in data["candidates"])


def test_asteroids_bad_scenario_is_one_line_and_exit_2(cli):
    code, out, err = cli(["asteroids", "--scenario", "nowhere"])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "no such file or built-in scenario" in err
