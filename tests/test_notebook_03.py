"""Numbers of notebook 03 that hold only at its default parameters (issue 19, part 4).

The notebook invites the learner to change its seed and sample sizes (cells declare them in
``course.explore``); these checks recompute, through the helpers, what the notebook's cells
show at the defaults, so a learner's change cannot break the notebook.
"""

from __future__ import annotations

import numpy as np


def test_seven_heads_in_ten_tosses_peak_exactly_at_the_grid_point_seven_tenths():
    # notebook 03, section 1, the coin cell (HEADS = 7, TOSSES = 10)
    p = np.linspace(0.001, 0.999, 999)
    likelihood = p**7 * (1 - p) ** 3
    assert abs(p[np.argmax(likelihood)] - 0.7) < 1e-9


def test_the_product_of_two_thousand_probabilities_underflows_to_zero():
    # notebook 03, "Why logarithms" cell (SEED = 2, M = 2000): the generator has drawn the
    # five probabilities of the Bernoulli cell before
    rng = np.random.default_rng(2)
    rng.uniform(0.01, 0.99, size=5)
    h = rng.uniform(0.05, 0.95, size=2000)
    y = (rng.uniform(size=2000) < h).astype(float)
    p_label = np.where(y == 1, h, 1 - h)
    log_sum = np.sum(np.log(p_label))
    assert np.prod(p_label) == 0.0
    assert -1200 < log_sum < -1000   # about 10^-489: hundreds of orders below the smallest float
