"""Numbers of notebook 05 that hold only at its default parameters (issue 19, part 4).

The notebook lets the learner set gradient descent's rate as a fraction of 2/L
(``FRACTION``, declared in ``course.explore``); the cell keeps the theorem (below 2/L the cost
falls at every step) and prints what a fraction above 1 does. The default run and the
"above the bound" case on the raw scores are pinned here.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic, optim


def _designs() -> dict[str, np.ndarray]:
    scores, _ = data.load_exam_scores()
    return {"raw": data.add_intercept(scores), "standardised": data.add_intercept(data.standardize(scores)[0])}


@pytest.mark.parametrize("name", ["raw", "standardised"])
def test_at_0_99_of_2_over_L_the_cost_falls_at_every_one_of_3000_steps(name):
    # notebook 05, section 1, the global-bound cell (FRACTION = 0.99)
    _, admitted = data.load_exam_scores()
    design = _designs()[name]
    run = optim.fit_logistic_gd(design, admitted, 0.99 * 2 / logistic.gradient_lipschitz_constant(design), 3000)
    assert np.diff(run.costs).max() <= 1e-15


def test_above_the_bound_the_raw_scores_overshoot_at_the_first_step():
    # the same cell with FRACTION = 1.5: on raw scores 2/L is the local limit at θ = 0
    _, admitted = data.load_exam_scores()
    design = _designs()["raw"]
    run = optim.fit_logistic_gd(design, admitted, 1.5 * 2 / logistic.gradient_lipschitz_constant(design), 3000)
    assert run.diverged_at == 1
