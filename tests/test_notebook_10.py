"""What ``notebooks/10_regularisation.ipynb`` shows at its defaults (issue 19, part 4).

The notebook invites changing its seed, the size of the ring data, the panel's degree, λ,
learning rate and iterations, and the λ grid of the sweep; numbers that hold only at the
defaults are pinned here, recomputed through the helpers the notebook calls, so the
notebook's own cells keep only checks that hold for every value a learner may try. Each
test names the cell (by its content) whose numbers it pins.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, features, logistic, optim
from helpers.figures.practice import OverfittingExplorer
from helpers.figures.practice.explorer import LAMBDAS

SEED = 2
N_POINTS = 180


def _accuracy(theta, A, y):
    return float(np.mean(logistic.predict(theta, A) == y))


@pytest.fixture(scope="module")
def rings():
    # the cell that draws the ring data (section 1)
    rng = np.random.default_rng(SEED)
    X, y = features.make_rings(N_POINTS, rng)
    return data.train_test_split(X, y, 2 / 3, rng)


@pytest.fixture(scope="module")
def explorer(rings):
    X_train, X_test, y_train, y_test = rings
    return OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=8, max_iter=500)


def test_a_line_fails_on_the_rings_and_a_conic_succeeds(rings):
    # section 1, the cell that fits degree 1 and 2 by Newton's method
    X_train, X_test, y_train, y_test = rings
    held_out = {}
    for degree in (1, 2):
        A_tr, A_te = features.polynomial_design(X_train, degree, X_test)
        held_out[degree] = _accuracy(optim.fit_logistic_newton(A_tr, y_train).params, A_te, y_test)
    assert held_out[1] < 0.65  # a line is barely better than guessing on rings
    assert held_out[2] > 0.85  # a conic captures the ring


def test_the_static_panel_shows_a_gap_that_lambda_closes(explorer):
    # section 2, "Over-fitting, live": the cell that prints λ = 0 and λ = 1 before the static picture
    free_run = explorer.run(degree=8, lam=0.0, learning_rate=1.0)
    ridge_run = explorer.run(degree=8, lam=1.0, learning_rate=1.0)
    assert free_run.acc_train[-1] - free_run.acc_test[-1] > 10  # a large generalisation gap
    assert ridge_run.acc_test[-1] > free_run.acc_test[-1] + 5  # λ closes most of it
    assert round(free_run.acc_train[-1]) == 98 and round(free_run.acc_test[-1]) == 83
    assert round(ridge_run.acc_train[-1]) == 93 and round(ridge_run.acc_test[-1]) == 91


def test_the_newton_sweep_finds_a_sweet_spot(rings):
    # section 2, "Choosing λ": the sweep cell at its default grid
    X_train, X_test, y_train, y_test = rings
    A_train, A_test = features.polynomial_design(X_train, 8, X_test)
    lams = np.logspace(-4, 2, 25)
    rows = []
    for lam in lams:
        run = optim.fit_logistic_newton(A_train, y_train, lam=float(lam), max_iter=100)
        assert run.converged
        t = run.params
        rows.append([_accuracy(t, A_train, y_train), _accuracy(t, A_test, y_test), logistic.cost(t, A_test, y_test)])
    acc_tr, acc_te, cost_te = np.array(rows).T
    best = int(np.argmin(cost_te))
    assert lams[best] == pytest.approx(1.0)  # the λ the text and the exercise's answer call "the sweep's"
    assert acc_te[best] > acc_te[0] + 0.05  # the sweet spot beats (almost) no penalty on new points
    assert cost_te[best] < cost_te[0] and acc_tr[0] > acc_tr[best]  # no penalty fits train better, new data worse


def test_exercise_3_answer(explorer):
    # Exercise 3 (explore) and its collapsed answer: λ after 500 steps, then early stopping at λ = 0
    final = {lam: explorer.run(degree=8, lam=lam, learning_rate=1.0).acc_test[-1] for lam in LAMBDAS}
    assert max(final, key=final.get) == 3.0 and final[3.0] == pytest.approx(92.5)
    assert all(final[lam] == pytest.approx(250 / 3) for lam in LAMBDAS if lam <= 0.03)  # 83 %
    assert final[0.1] == pytest.approx(82.5) and final[0.3] == pytest.approx(85.0)
    assert final[1.0] == pytest.approx(90.8333, abs=1e-3) and final[10.0] == pytest.approx(90.8333, abs=1e-3)
    free = explorer.run(degree=8, lam=0.0, learning_rate=1.0)
    peak = np.flatnonzero(free.acc_test == free.acc_test.max())
    assert free.acc_test.max() == pytest.approx(92.5) and peak.tolist() == list(range(12, 20))
    assert free.acc_train[12] == pytest.approx(85.0) and round(free.acc_train[-1]) == 98
