"""Numbers of notebook 04 that hold only at its default parameters (issue 19, part 4).

The notebook's cells let the learner change the learning rates and iteration counts of its
two explorers (``course.explore``); the behaviour they show at the defaults is pinned here,
recomputed through the same helpers (``DescentRuns`` trains exactly what the panels show).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from helpers import data, optim
from helpers.figures.likelihood.runs import DescentRuns
from helpers.figures.live import learning_rates


@lru_cache(maxsize=1)
def _raw_runs() -> DescentRuns:
    # the raw-score explorer: min_exponent=-5, max_exponent=-2, RAW_ITERATIONS = 5000
    scores, admitted = data.load_exam_scores()
    return DescentRuns(data.add_intercept(scores), admitted, learning_rates(-5, -2, 4), 5000)


@lru_cache(maxsize=1)
def _std_runs() -> tuple[DescentRuns, float]:
    # the standardised explorer: min_exponent=-2, max_exponent=2, max_iter=1000
    scores, admitted = data.load_exam_scores()
    X_std = data.add_intercept(data.standardize(scores)[0])
    minimum = float(optim.fit_logistic_newton(X_std, admitted).costs[-1])
    return DescentRuns(X_std, admitted, learning_rates(-2, 2, 4), 1000), minimum


def test_raw_scores_the_default_rate_never_overshoots_and_1e_3_overshoots_once_but_ends_lower():
    # notebook 04, section 3, "The numbers behind the panel"
    runs = _raw_runs()
    default, best = runs.get(10**-3.25), runs.get(1e-3)
    assert default.diverged_at is None
    assert best.diverged_at == 1 and best.costs[-1] < default.costs[-1]
    assert best.costs[-1] > 0.6 and abs(best.params[0]) < 1   # nowhere near the minimum (θ0 ≈ −25)


def test_raw_scores_every_slider_rate_above_1_5e_3_rises_at_the_first_step():
    runs = _raw_runs()
    assert all(runs.get(rate).diverged_at == 1 for rate in runs.learning_rates if rate > 1.5e-3)


def test_standardised_alpha_one_needs_three_to_five_hundred_iterations():
    # notebook 04, section 3, the cell after the standardised panel
    runs, minimum = _std_runs()
    reached = int(np.argmax(runs.get(1.0).costs - minimum < 1e-4))
    assert 300 < reached < 500


def test_standardised_17_8_converges_31_6_does_not_and_100_rises_at_once():
    runs, minimum = _std_runs()
    assert runs.get(10**1.25).costs[-1] - minimum < 1e-9
    assert runs.get(10**1.5).costs[-1] - minimum > 1e-3
    assert runs.get(100.0).diverged_at == 1
