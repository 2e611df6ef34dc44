"""What notebook 02 (the decision boundary) shows at its default values, pinned here, not in the notebook.

The notebook invites changing the example θ, the scale factor and the training preview's learning
rates (issue 19, part 4). What the defaults show, scaling θ = (-3, 1, 1) by 3 sharpens every
probability without changing a decision, and how the learning rates 0.01, 0.1, 1 and 100 train,
is checked here through the same helpers.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic
from helpers.data import add_intercept


def test_cell_scaling_theta_at_defaults():
    """02_decision_boundary, section 1, "Scaling θ": ``THETA = (-3, 1, 1)``, ``SCALE = 3``."""
    theta = np.array([-3.0, 1.0, 1.0])
    sharp = 3.0 * theta
    points = add_intercept(np.array([[1.0, 1.0], [2.0, 1.5], [3.0, 2.5]]))
    assert np.array_equal(logistic.predict(theta, points), logistic.predict(sharp, points))
    p_soft, p_sharp = logistic.predict_proba(theta, points), logistic.predict_proba(sharp, points)
    assert np.all(np.abs(p_sharp - 0.5) > np.abs(p_soft - 0.5))


@pytest.fixture(scope="module")
def preview():
    from helpers.figures.sigmoid import TrainingPreview

    hours, passed = data.make_study_hours(np.random.default_rng(5), m=20)
    return TrainingPreview(hours, passed, centre=5.0, x_label="hours studied (h)")


def test_cell_training_rates_at_defaults(preview):
    """02_decision_boundary, section 2, the cell after the static training preview (``RATES = (0.01, 0.1, 1.0)``)."""
    steady = preview.trajectory(0.1)
    assert np.isclose(steady.costs[0], np.log(2))  # θ = 0 answers 1/2: cost ln 2
    assert steady.diverged_at is None and np.all(np.diff(steady.costs) <= 0)
    assert preview.trajectory(1.0).cost_at(500) < preview.best.costs[-1] + 1e-6
    assert preview.trajectory(0.01).cost_at(500) > preview.trajectory(0.1).cost_at(500)
    assert preview.trajectory(100.0).diverged_at == 1


def test_exercise_4_answer(preview):
    """02_decision_boundary, the answer of exercise 4: the first slider rate within 0.001 of the minimum."""
    best = preview.best.costs[-1]
    gap = {k: preview.trajectory(10.0 ** (k / 4)).cost_at(500) - best for k in range(-12, 1)}
    first = min(k for k, g in gap.items() if g < 1e-3)
    assert first == -2  # α = 10^-0.5 ≈ 0.32
    assert np.isclose(gap[-3], 0.0017, atol=1e-4) and np.isclose(gap[-2], 0.0004, atol=1e-4)
    # between slider positions the gap crosses 0.001 near α = 0.23
    assert preview.trajectory(0.22).cost_at(500) - best > 1e-3 > preview.trajectory(0.24).cost_at(500) - best
    # the dashed lines p = 0.1 and 0.9 lie ln 9 / |(θ1, θ2)| from the boundary: about 1.55 for (-3, 1, 1)
    assert round(np.log(9) / np.sqrt(2), 2) == 1.55
