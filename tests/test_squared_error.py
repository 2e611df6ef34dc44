"""helpers.squared_error: per-score losses, derivatives and curvatures, cost surfaces, the one-neuron runs.

Moved from tests/test_figures_ce_vs_mse.py with the functions (issue 18).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import data, gradcheck, logistic, squared_error
from helpers.sigmoid import sigmoid


# ---------------------------------------------------------------------------------------
# per-sample formulas
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("label", [0, 1])
def test_first_and_second_derivatives_match_central_differences(label):
    z = np.linspace(-15, 15, 301)
    pairs = [
        (squared_error.ce_loss_z, squared_error.ce_grad_z),
        (squared_error.mse_loss_z, squared_error.mse_grad_z),
        (squared_error.ce_grad_z, squared_error.ce_curvature_z),
        (squared_error.mse_grad_z, squared_error.mse_curvature_z),
    ]
    for f, df in pairs:
        numeric = gradcheck.central_difference(lambda v, f=f: f(v, label), z)
        assert gradcheck.relative_error(df(z, label), numeric) < 1e-8, (f.__name__, label)


def test_closed_forms_for_a_positive_sample():
    z = np.linspace(-20, 20, 401)
    h = sigmoid(z)
    assert np.allclose(squared_error.ce_grad_z(z, 1), h - 1)
    assert np.allclose(squared_error.mse_grad_z(z, 1), -(1 - h) ** 2 * h)
    assert np.allclose(squared_error.mse_curvature_z(z, 1), h * (1 - h) ** 2 * (3 * h - 1), atol=1e-16)
    assert np.allclose(squared_error.ce_loss_z(z, 1), -np.log(h), rtol=1e-9)  # h > 2e-9 here, so the log is fine


def test_the_mse_slope_peaks_at_minus_ln_2_with_height_4_27():
    z = np.linspace(-5, 5, 200_001)
    slope = np.abs(squared_error.mse_grad_z(z, 1))
    assert abs(z[np.argmax(slope)] + math.log(2)) < 1e-4
    assert math.isclose(slope.max(), 4 / 27, rel_tol=1e-8)
    assert abs(float(squared_error.mse_curvature_z(-math.log(2), 1))) < 1e-15
    assert abs(z[np.argmax(np.abs(squared_error.mse_grad_z(z, 0)))] - math.log(2)) < 1e-4  # mirror image for y = 0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stable_for_extreme_scores(dtype):
    z = np.array([-1e4, -800, -40, 0, 40, 800, 1e4], dtype=dtype)
    for label in (0, 1):
        for f in (squared_error.ce_loss_z, squared_error.ce_grad_z, squared_error.mse_loss_z,
                  squared_error.mse_grad_z, squared_error.ce_curvature_z, squared_error.mse_curvature_z):
            assert np.isfinite(f(z, label)).all(), f.__name__
    assert squared_error.ce_loss_z(-800.0, 1) == 800.0 and squared_error.ce_loss_z(800.0, 0) == 800.0
    assert squared_error.ce_grad_z(-800.0, 1) == -1.0 and squared_error.mse_grad_z(-800.0, 1) == 0.0


def test_broadcasting_and_scalars():
    assert squared_error.ce_grad_z(np.zeros((2, 3)), np.array([0.0, 1.0, 1.0])).shape == (2, 3)
    assert np.ndim(squared_error.mse_loss_z(0.0, 1)) == 0
    assert squared_error.ce_curvature_z(np.zeros(3), np.ones((2, 1))).shape == (2, 3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: squared_error.ce_loss_z([0.0, 1.0], 2), "targets 0 or 1"),
        (lambda: squared_error.mse_grad_z([0.0, np.nan], 1), "finite"),
        (lambda: squared_error.ce_grad_z(np.zeros(3), np.ones(2)), "broadcast"),
        (lambda: squared_error.cost_surfaces([1.0, 2.0], [0.0], [0.0], [0.0]), "same number of samples"),
        (lambda: squared_error.cost_surfaces([1.0], [0.5], [0.0], [0.0]), "binary labels"),
        (lambda: squared_error.min_eigenvalue_grid([1.0], [1.0], [0.0], [0.0], "hinge"), "loss must be one of"),
        (lambda: squared_error.first_index_at_or_below([[1.0]], 0.0), "1-D"),
        (lambda: squared_error.neuron_descent((1.0, 1.0), [0.1], 5, "hinge"), "loss must be one of"),
        (lambda: squared_error.neuron_descent("far", [0.1], 5, "mse"), "start must be a pair"),
    ],
)
def test_bad_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------
# surfaces, Hessians, convexity
# ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def toy():
    x, y = data.make_toy_data(np.random.default_rng(3), m=20)
    return x, y, data.add_intercept(x)


def test_surfaces_match_the_course_costs(toy):
    x, y, X = toy
    w = np.array([-3.0, 0.5, 4.0])
    b = np.array([-1.0, 2.0])
    ce, mse = squared_error.cost_surfaces(x, y, w, b)
    assert ce.shape == mse.shape == (2, 3)
    for i, bias in enumerate(b):
        for j, weight in enumerate(w):
            theta = np.array([bias, weight])
            assert math.isclose(ce[i, j], logistic.cost(theta, X, y), rel_tol=1e-12)
            assert math.isclose(mse[i, j], logistic.mse_cost(theta, X, y), rel_tol=1e-12)


def test_min_eigenvalue_grid_matches_the_loop_and_ce_is_convex(toy):
    x, y, X = toy
    w = np.linspace(-8, 8, 9)
    b = np.linspace(-8, 8, 7)
    hessians = {"mse": lambda t: logistic.mse_hessian(t, X, y), "cross_entropy": lambda t: logistic.hessian(t, X, y)}
    for loss, hess in hessians.items():
        grid = squared_error.min_eigenvalue_grid(x, y, w, b, loss)
        assert grid.shape == (7, 9)
        assert np.allclose(grid, squared_error.min_eigenvalues(hess, w, b), atol=1e-12)
    assert (squared_error.min_eigenvalue_grid(x, y, w, b, "cross_entropy") >= -1e-15).all()
    assert (squared_error.min_eigenvalue_grid(x, y, w, b, "mse") < 0).any()


def test_first_index_helpers_and_halving():
    assert squared_error.first_index_at_or_below([3.0, 2.0, 1.0], 1.5) == 2
    assert squared_error.first_index_at_or_above([0.1, 0.9], 0.95) is None
    assert squared_error.epochs_to_halve([2.0, 1.5, 1.0, 0.2]) == 2
    assert squared_error.epochs_to_halve([2.0, 1.9]) is None


# ---------------------------------------------------------------------------------------
# the one-neuron experiment
# ---------------------------------------------------------------------------------------
def test_train_single_neuron_takes_the_true_gradient_steps():
    run = squared_error.train_single_neuron((2.0, 2.0), 0.15, 3, "mse")
    w, b = 2.0, 2.0
    for step in range(1, 4):
        a = float(sigmoid(w + b))
        g = a * a * (1 - a)
        w, b = w - 0.15 * g, b - 0.15 * g
        assert np.allclose(run.path[step], [b, w], rtol=1e-13)
    with pytest.raises(ValueError, match="start must be a pair"):
        squared_error.train_single_neuron((1.0,), 0.1, 5, "mse")
    with pytest.raises(ValueError, match="finite"):
        squared_error.train_single_neuron((math.inf, 0.0), 0.1, 5, "mse")
    with pytest.raises(ValueError, match="loss must be one of"):
        squared_error.train_single_neuron((1.0, 1.0), 0.1, 5, "hinge")
    with pytest.raises(ValueError, match="learning_rate"):
        squared_error.train_single_neuron((1.0, 1.0), -0.1, 5, "mse")


def test_the_slowdown_is_reproduced_from_both_starts():
    halve, train = squared_error.epochs_to_halve, squared_error.train_single_neuron
    confident = {loss: halve(train((2.0, 2.0), 0.15, 400, loss).costs) for loss in squared_error.LOSSES}
    mild = {loss: halve(train((0.6, 0.9), 0.15, 400, loss).costs) for loss in squared_error.LOSSES}
    assert confident["mse"] > 15 * confident["cross_entropy"]
    assert mild["mse"] < 8 * mild["cross_entropy"] and mild["mse"] <= 40


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_neuron_descent_takes_the_steps_of_train_single_neuron_for_every_rate(loss):
    rates = [0.015, 0.15, 4.7]
    runs = squared_error.neuron_descent((2.0, 2.0), rates, 300, loss)
    runs.advance(300)
    for j, rate in enumerate(rates):
        expected = squared_error.train_single_neuron((2.0, 2.0), rate, 300, loss)
        got = runs.trajectory(j)
        assert got.n_iter == expected.n_iter and got.diverged_at == expected.diverged_at
        assert np.allclose(got.path, expected.path, rtol=1e-12, atol=1e-15)
        assert np.allclose(got.costs, expected.costs, rtol=1e-12, atol=1e-15)
        assert squared_error.epochs_to_halve(got.costs) == squared_error.epochs_to_halve(expected.costs)


def test_ce_grad_a_is_the_derivative_of_the_cross_entropy_in_a(rng):
    """Nielsen's question (notebook 06): the slope that gives ∂C/∂z = a − y is that of the cross-entropy."""
    from helpers.sigmoid import logit, sigmoid_grad

    a = rng.uniform(0.01, 0.99, size=200)
    y = rng.integers(0, 2, size=200)

    def bce(values):
        return -(y * np.log(values) + (1 - y) * np.log(1 - values))

    np.testing.assert_allclose(squared_error.ce_grad_a(a, y), gradcheck.central_difference(bce, a, 1e-7), rtol=1e-6)
    # and through the sigmoid: ∂C/∂a · a(1 − a) = a − y
    np.testing.assert_allclose(squared_error.ce_grad_a(a, y) * sigmoid_grad(logit(a)), a - y, atol=1e-12)


@pytest.mark.parametrize("a", [0.0, 1.0, -0.5, 1.5])
def test_ce_grad_a_needs_open_interval(a):
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        squared_error.ce_grad_a(a, 1)


def test_cost_from_slope_recovers_the_cross_entropy():
    grid = np.linspace(0.02, 0.98, 20001)
    for y in (0, 1):
        bce = -(y * np.log(grid) + (1 - y) * np.log(1 - grid))
        np.testing.assert_allclose(squared_error.cost_from_slope(grid, y), bce - bce[0], atol=1e-6)


@pytest.mark.parametrize(
    ("a", "y", "message"),
    [([0.5], 1, "strictly increasing"), ([0.5, 0.4], 1, "strictly increasing"), ([0.0, 0.5], 1, "strictly between"),
     ([0.2, 0.5], 2, "y must be 0 or 1"), ([0.2, 0.5], True, "y must be 0 or 1")],
)
def test_cost_from_slope_bad_input(a, y, message):
    with pytest.raises(ValueError, match=message):
        squared_error.cost_from_slope(a, y)
