"""helpers.sigmoid: values, identities, derivative, inverse, stability, dtypes."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.gradcheck import numerical_gradient
from helpers.sigmoid import logit, sigmoid, sigmoid_grad


def test_known_values():
    assert sigmoid(0.0) == 0.5
    assert sigmoid(np.log(3.0)) == pytest.approx(0.75)  # odds 3:1
    np.testing.assert_allclose(sigmoid([-2.0, 2.0]), [1 / (1 + np.e**2), 1 / (1 + np.e**-2)], rtol=1e-15)


def test_symmetry_and_range(rng):
    z = rng.uniform(-36, 36, size=1000)  # beyond |z| ~ 37, sigma(z) rounds to exactly 0 or 1
    s = sigmoid(z)
    assert np.all((s > 0) & (s < 1))
    np.testing.assert_allclose(sigmoid(-z), 1 - s, atol=1e-15)


def test_extreme_inputs_do_not_warn():
    # pytest turns warnings into errors (pyproject.toml), so an overflow would fail here.
    z = np.array([-1e308, -1000.0, -745.0, -40.0, 0.0, 40.0, 745.0, 1000.0, 1e308])
    s = sigmoid(z)
    assert np.all(np.isfinite(s))
    assert s[0] == 0.0 and s[-1] == 1.0
    assert s[3] == pytest.approx(np.exp(-40.0), rel=1e-12)  # tiny but not rounded to 0
    g = sigmoid_grad(z)
    assert np.all(np.isfinite(g)) and np.all(g >= 0)


def test_naive_formula_overflows_where_helper_does_not():
    with pytest.warns(RuntimeWarning, match="overflow"):
        naive = 1 / (1 + np.exp(-np.array([-1000.0])))
    assert naive[0] == 0.0
    assert sigmoid(-1000.0) == 0.0


def test_derivative_matches_central_differences(rng):
    z = rng.normal(scale=3, size=7)
    numeric = numerical_gradient(lambda v: float(np.sum(sigmoid(v))), z)
    np.testing.assert_allclose(sigmoid_grad(z), numeric, rtol=1e-7, atol=1e-10)


def test_derivative_identity_and_maximum(rng):
    z = rng.normal(scale=4, size=500)
    np.testing.assert_allclose(sigmoid_grad(z), sigmoid(z) * (1 - sigmoid(z)), atol=1e-15)
    assert sigmoid_grad(0.0) == 0.25
    assert np.all(sigmoid_grad(z) <= 0.25)


def test_derivative_keeps_precision_in_the_tail():
    # 1 - sigmoid(40) rounds to 0 in float64; sigma(z) sigma(-z) does not.
    assert sigmoid_grad(40.0) == pytest.approx(np.exp(-40.0), rel=1e-12)


def test_logit_is_the_inverse(rng):
    z = rng.uniform(-15, 15, size=300)
    np.testing.assert_allclose(logit(sigmoid(z)), z, rtol=1e-8, atol=1e-8)
    # For negative scores sigma(z) is tiny and stored with full relative precision, so the
    # round trip is exact far out; for positive ones 1 - sigma(z) loses digits as z grows.
    far = rng.uniform(-700, -15, size=300)
    np.testing.assert_allclose(logit(sigmoid(far)), far, rtol=1e-12)
    p = rng.uniform(1e-6, 1 - 1e-6, size=300)
    np.testing.assert_allclose(sigmoid(logit(p)), p, rtol=1e-12)
    assert logit(0.5) == 0.0


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.1, 1.5])
def test_logit_rejects_probabilities_outside_the_open_interval(bad):
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        logit([0.3, bad])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept(dtype):
    z = np.array([-200.0, 0.0, 200.0], dtype=dtype)
    assert sigmoid(z).dtype == dtype
    assert sigmoid_grad(z).dtype == dtype
    assert np.all(np.isfinite(sigmoid(z)))


def test_integer_and_scalar_input():
    assert sigmoid(np.array([0, 1])).dtype == np.float64
    assert np.ndim(sigmoid(2.0)) == 0
    assert sigmoid(np.zeros((2, 3))).shape == (2, 3)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_input_is_rejected(bad):
    with pytest.raises(ValueError, match="finite"):
        sigmoid([0.0, bad])
    with pytest.raises(ValueError, match="finite"):
        sigmoid_grad([bad])


def test_input_is_not_modified():
    z = np.array([-3.0, 0.0, 3.0])
    before = z.copy()
    sigmoid(z)
    sigmoid_grad(z)
    np.testing.assert_array_equal(z, before)
