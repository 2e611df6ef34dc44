"""The numbers notebook 09 shows at its default values (issue 19, part 4).

The notebook invites other learning rates, epoch counts and penalties (``ALPHA``, ``EPOCHS``,
``LAM``); the comparisons below hold at its defaults, so they are pinned here rather than
asserted in the notebook. Each test names the cell whose computation it repeats.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize

from helpers import data, one_vs_rest, optim, softmax

pytestmark = pytest.mark.slow  # digits training: about 30 s of CPU

SEED = 4
ALPHA, EPOCHS, LAM = 0.1, 10, 1.0  # the notebook's defaults (sections 2 and 5)


@pytest.fixture(scope="module")
def digits():
    pixels, labels = data.load_digits()
    pixels_train, pixels_test, y_train, y_test = data.train_test_split(
        pixels, labels, test_fraction=0.25, rng=np.random.default_rng(SEED))
    standardised, mean, std = data.standardize(pixels_train)
    X_test = data.add_intercept(data.apply_standardization(pixels_test, mean, std))
    return data.add_intercept(standardised), y_train, X_test, y_test


@pytest.fixture(scope="module")
def update_runs(digits):
    # Section 2: batch, mini-batch (32) and stochastic descent, same rate, same number of epochs.
    X, y, _, _ = digits
    m = X.shape[0]
    objective = softmax.minibatch_objective(X, y, 10)
    runs = {}
    for name, size in (("batch", m), ("mini-batch", 32), ("stochastic", 1)):
        runs[name] = optim.minibatch_gradient_descent(
            objective, np.zeros((65, 10)), m, ALPHA, EPOCHS, size, np.random.default_rng(SEED),
            full_cost=lambda W: softmax.cost(W, X, y))
    return runs


def test_equal_work_smaller_batches_are_ahead(update_runs):
    after = {name: run.costs[-1] for name, run in update_runs.items()}
    assert after["stochastic"] < after["mini-batch"] < after["batch"]


def test_per_update_a_mini_batch_steps_as_well_as_the_full_batch(digits, update_runs):
    X, y, _, _ = digits
    n_updates = EPOCHS * -(-X.shape[0] // 32)
    batch = optim.fit_softmax_gd(X, y, 10, ALPHA, n_updates)
    assert abs(update_runs["mini-batch"].costs[-1] - batch.costs[-1]) < 0.05 * batch.costs[-1]
    assert update_runs["stochastic"].costs[1] > batch.costs[-1]  # 1,348 noisy updates lose to 430 exact ones


def test_softmax_and_one_vs_rest_classify_the_digits_equally_well(digits):
    # Section 5, the digits cell: both above 95 % held-out accuracy with lam = 1; one-vs-rest sums are not 1.
    X, y, X_test, y_test = digits

    def fun(w):
        value, grad = softmax.cost_and_gradient(w.reshape(65, 10), X, y, LAM)
        return value, grad.ravel()

    result = minimize(fun, np.zeros(650), jac=True, method="L-BFGS-B",
                      options={"maxiter": 10_000, "ftol": 1e-15, "gtol": 1e-10})
    W = result.x.reshape(65, 10)
    Theta = one_vs_rest.fit(X, y, 10, lam=LAM)
    assert np.mean(softmax.predict(W, X_test) == y_test) > 0.95
    assert np.mean(one_vs_rest.predict(Theta, X_test) == y_test) > 0.95
    assert not np.allclose(one_vs_rest.predict_scores(Theta, X_test).sum(axis=1), 1.0, atol=0.05)
