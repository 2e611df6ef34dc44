"""The numbers notebook 06 shows at its default values (issue 19, part 4).

The notebook keeps the checks that hold for any grid or seed a learner picks; the checks below
depend on the defaults (the toy sample of seed 3, the 400,001-point grid), so they live here.
Each test names the cell whose computation it repeats with the course's helpers.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import data, gradcheck, logistic, optim, sigmoid, squared_error

SEED = 3  # notebook 06, section 2 (cell "SEED = 3")


@pytest.fixture(scope="module")
def toy():
    x, y = data.make_toy_data(np.random.default_rng(SEED), m=20)
    X = data.add_intercept(x)
    ce_best = optim.fit_logistic_newton(X, y).params
    mse_best = optim.newton(lambda t: (*logistic.mse_cost_and_gradient(t, X, y), logistic.mse_hessian(t, X, y)),
                            ce_best).params
    return x, y, X, ce_best, mse_best


def test_the_fine_grid_finds_the_peak_to_four_decimals():
    # Section 1, "Where the squared-error slope peaks": 400,001 points, spacing 5e-5.
    z = np.linspace(-10, 10, 400_001)
    slope = np.abs(squared_error.mse_grad_z(z, 1))
    z_peak = z[np.argmax(slope)]
    assert abs(z_peak + math.log(2)) < 1e-4 and math.isclose(slope.max(), 4 / 27, rel_tol=1e-8)
    assert math.isclose(float(sigmoid.sigmoid(z_peak)), 1 / 3, abs_tol=1e-4)


def test_both_minima_are_true_minima(toy):
    # Section 2, the minimisers cell: both gradients vanish, the squared-error Hessian is positive definite.
    _, y, X, ce_best, mse_best = toy
    assert not optim.fit_logistic_newton(X, y).separable
    assert np.linalg.norm(logistic.gradient(ce_best, X, y)) < 1e-9
    assert np.linalg.norm(logistic.mse_gradient(mse_best, X, y)) < 1e-9
    assert np.linalg.eigvalsh(logistic.mse_hessian(mse_best, X, y)).min() > 0


def test_squared_error_curves_downwards_on_the_grid(toy):
    # Section 2, "Curvature on the grid": the smallest eigenvalue on the 21 x 21 grid is below -0.05.
    x, y, X, _, _ = toy
    coarse = np.linspace(-8, 8, 21)

    def fd_hessian(theta):
        return gradcheck.finite_difference_hessian(lambda t: logistic.mse_gradient(t, X, y), theta)

    assert squared_error.min_eigenvalues(fd_hessian, coarse, coarse).min() < -0.05
    assert squared_error.min_eigenvalue_grid(x, y, coarse, coarse, "mse").min() < -0.05


def test_only_squared_error_has_plateaus(toy):
    # Section 2, the plateau cell: flat (|gradient| < 0.01) yet above twice the minimum.
    _, y, X, ce_best, mse_best = toy
    coarse = np.linspace(-8, 8, 21)
    thetas = [np.array([b, w]) for b in coarse for w in coarse]

    def flat(cost, gradient, best):
        return np.array([np.linalg.norm(gradient(t, X, y)) < 0.01 and cost(t, X, y) > 2 * cost(best, X, y)
                         for t in thetas])

    assert flat(logistic.cost, logistic.gradient, ce_best).sum() == 0
    assert flat(logistic.mse_cost, logistic.mse_gradient, mse_best).mean() > 0.05


def test_squared_error_fails_the_chord_test(toy):
    # Section 2, "The chord test": from the squared-error minimum to (b, w) = (3, -6).
    _, y, X, _, mse_best = toy
    t = np.linspace(0, 1, 201)
    segment = (1 - t)[:, None] * mse_best + t[:, None] * np.array([3.0, -6.0])
    line = np.array([logistic.mse_cost(p, X, y) for p in segment])
    gap = line - (line[0] + (line[-1] - line[0]) * t)
    assert gap.max() > 0.02
