"""helpers.gradcheck: central differences and the relative error."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.gradcheck import (
    central_difference,
    check_gradient,
    finite_difference_hessian,
    numerical_gradient,
    relative_error,
)


def test_central_differences_are_second_order_accurate():
    x = np.array([0.7])
    exact = np.cos(0.7)
    errors = [abs(numerical_gradient(lambda v: float(np.sin(v[0])), x, eps)[0] - exact) for eps in (1e-2, 1e-3)]
    assert errors[1] < errors[0] / 50  # error ~ eps**2: a tenth of eps, a hundredth of the error


def test_works_on_matrices_and_leaves_the_point_alone(rng):
    A = rng.normal(size=(3, 2))
    point = A.copy()
    grad = numerical_gradient(lambda W: float(np.sum(W**3)), point)
    np.testing.assert_allclose(grad, 3 * A**2, rtol=1e-6)
    np.testing.assert_array_equal(point, A)


def test_check_gradient_catches_a_wrong_gradient(rng):
    x = rng.normal(size=4)
    assert check_gradient(lambda v: float(v @ v), lambda v: 2 * v, x) < 1e-9
    assert check_gradient(lambda v: float(v @ v), lambda v: v, x) > 0.1  # missing factor 2


def test_relative_error():
    assert relative_error([0.0], [0.0]) == 0.0
    assert relative_error([1.0], [-1.0]) == 1.0
    with pytest.raises(ValueError, match="same shape"):
        relative_error([1.0, 2.0], [1.0])


def test_eps_is_checked():
    with pytest.raises(ValueError, match="eps"):
        numerical_gradient(lambda v: 0.0, [1.0], eps=0)


# ---------------------------------------------------------------------------------------
# element-wise differences and the finite-difference Hessian (notebook 03; moved from
# tests/test_figures_ce_vs_mse.py, issue 18)
# ---------------------------------------------------------------------------------------
def test_central_difference_is_element_wise():
    z = np.linspace(-2, 2, 9)
    assert np.allclose(central_difference(np.sin, z), np.cos(z), atol=1e-9)
    assert central_difference(lambda v: v**2, np.zeros((2, 3))).shape == (2, 3)


def test_finite_difference_hessian_of_a_quadratic_and_of_the_mse_cost():
    from helpers import data, logistic
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    assert np.allclose(finite_difference_hessian(lambda t: A @ t, [0.5, -1.0]), A, atol=1e-8)
    x, y = data.make_toy_data(np.random.default_rng(3), m=20)
    X = data.add_intercept(x)
    rng = np.random.default_rng(7)
    negative = 0
    for theta in rng.uniform(-6, 6, size=(20, 2)):
        analytic = logistic.mse_hessian(theta, X, y)
        numeric = finite_difference_hessian(lambda t: logistic.mse_gradient(t, X, y), theta)
        assert np.allclose(analytic, numeric, atol=1e-8)
        negative += np.linalg.eigvalsh(analytic).min() < 0
    assert negative > 0  # the squared error's Hessian is indefinite somewhere


def test_numerical_gradient_and_the_hessian_share_one_loop():
    def f(v):
        return float(v[0] ** 2 * v[1] + np.sin(v[1]))

    def grad(v):
        return np.array([2 * v[0] * v[1], v[0] ** 2 + np.cos(v[1])])

    point = np.array([0.3, -1.1])
    # the Hessian's columns are numerical gradients of the gradient's entries
    H = finite_difference_hessian(grad, point, eps=1e-6)
    rows = np.array([numerical_gradient(lambda v, i=i: float(grad(v)[i]), point, 1e-6) for i in range(2)])
    assert np.allclose(H, (rows + rows.T) / 2, rtol=0, atol=1e-12)
    assert check_gradient(f, grad, point) < 1e-8


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: central_difference(np.sin, [0.0], eps=0), "eps"),
        (lambda: central_difference(np.sin, [0.0], eps=True), "eps"),
        (lambda: finite_difference_hessian(lambda t: np.zeros(3), [0.0, 0.0]),
         r"grad\(theta\) must have shape"),
        (lambda: finite_difference_hessian(lambda t: t, [[0.0]]), "1-D"),
    ],
)
def test_difference_helpers_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
