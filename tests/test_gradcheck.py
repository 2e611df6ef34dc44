"""helpers.gradcheck: central differences and the relative error."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.gradcheck import check_gradient, numerical_gradient, relative_error


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
