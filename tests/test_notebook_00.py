"""What notebook 00 (start here) shows at its default values, pinned here rather than in the notebook.

The notebook invites changing the learning rates (issue 19, part 4), so a check of what one
particular rate does cannot stay there as an ``assert``: it lives here, recomputed through the
same helpers with the notebook's defaults.
"""

from __future__ import annotations

import numpy as np

from helpers.figures.start import parabola_trajectory


def test_cell_rates_default_runs():
    """00_start_here, the cell after the live parabola (``RATES = (0.3, 1.78, 3.16)``)."""
    assert parabola_trajectory(0.3).diverged_at is None
    assert parabola_trajectory(1.78).diverged_at is None
    assert parabola_trajectory(3.16).diverged_at == 1
    # the printed costs after 20 steps: 8 (1 - α)^40, to the three digits shown
    for rate, shown in ((0.3, 5.093e-06), (1.78, 3.863e-04), (3.16, 1.911e14)):
        assert np.isclose(parabola_trajectory(rate).cost_at(20), shown, rtol=1e-3)
        assert np.isclose(8.0 * (1 - rate) ** 40, shown, rtol=1e-3)


def test_exercise_3_answer():
    """00_start_here, the answer of exercise 3: α = 1.78 is below 1e-6 from step 32, α = 0.1 not within 50."""
    fast, slow = parabola_trajectory(1.78), parabola_trajectory(0.1)
    below = np.flatnonzero(fast.costs < 1e-6)
    assert below[0] == 32 and np.all(fast.costs[32:] < 1e-6)
    assert np.all(slow.costs >= 1e-6) and len(slow.costs) == 51
    assert np.isclose(slow.cost_at(50), 2e-4, rtol=0.1)
    assert int(np.ceil(np.log(1e-6 / 8.0) / (2 * np.log(0.9)))) == 76
