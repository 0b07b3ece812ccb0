"""The capture figure renders both legs from computed grids (pixels: it draws, it saves)."""

import numpy as np

from spacerace.mining import candidate_for, porkchops_for
from spacerace.mining.capture import SearchGrid
from spacerace.report.asteroid_plot import plot_capture, write_capture

GRID = SearchGrid(span_days=730.0, step_days=10.0, tof_step_days=20.0)


def test_plot_capture_has_both_legs_and_marks_the_mission(tmp_path):
    grids = porkchops_for("2007 UN12", 2007, "earth-moon", GRID)
    assert grids.dv_outbound_km_s.shape == (grids.depart_jd_tdb.size, grids.tof_out_days.size)
    assert np.isfinite(grids.dv_return_km_s).any()
    found = candidate_for("2007 UN12", 2007, "earth-moon", grid=GRID)
    fig = plot_capture(grids, candidate=found, label=found.label)
    top, bottom = (ax for ax in fig.axes if ax.get_label() != "<colorbar>")
    assert "2007 UN12" in top.get_title() and "earth-moon" in bottom.get_title()
    assert len(top.collections) > 0 and len(bottom.collections) > 0
    path = write_capture(grids, tmp_path / "un12.png", candidate=found, label=found.label)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
