"""The input checks find a NaN or infinity in X through the scores, not by reading all of X.

``helpers._validate.finite_scores`` relies on every non-finite entry of ``X`` reaching the
scores; these tests check the answers it gives in each case it distinguishes, including
a BLAS that skips multiplications by zero weights (simulated).
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import logistic, softmax
from helpers._validate import finite_scores

X = np.column_stack([np.ones(5), np.arange(5.0), np.arange(5.0) ** 2])  # (5, 3)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("theta", [np.zeros(3), np.array([0.5, 0.0, -1.0]), np.array([1.0, 2.0, 3.0])])
@pytest.mark.parametrize("where", [(0, 0), (2, 1), (4, 2)])
def test_a_bad_entry_is_named_whatever_the_weights(bad, theta, where):
    design = X.copy()
    design[where] = bad
    kind = "NaN" if np.isnan(bad) else "infinity"
    pattern = (
        rf"X must contain only finite numbers; found 1 non-finite value\(s\), "
        rf"the first {kind} at index \({where[0]}, {where[1]}\)"
    )
    with pytest.raises(ValueError, match=pattern):
        logistic.gradient(theta, design, np.array([0.0, 1.0, 0.0, 1.0, 1.0]))
    W = np.column_stack([theta, -theta, np.ones(3)])  # a class whose weights are all non-zero
    with pytest.raises(ValueError, match=pattern):
        softmax.gradient(W, design, np.array([0, 1, 2, 1, 0]))
    with pytest.raises(ValueError, match=pattern):
        softmax.predict(np.column_stack([theta, theta]), design)


def skipping_product(design, weights):
    """A BLAS that skips multiplications by zero weights (LAPACK's reference BLAS did until 2014)."""
    used = weights != 0
    return design[:, used] @ weights[used]


def test_a_blas_that_skips_zero_weights_cannot_hide_a_bad_entry():
    design = X.copy()
    design[3, 1] = np.nan
    theta = np.array([1.0, 0.0, 1.0])
    assert np.isfinite(skipping_product(design, theta)).all()  # the scores alone would not tell
    with pytest.raises(ValueError, match=r"NaN at index \(3, 1\)"):
        finite_scores(design, theta, skipping_product)


def test_finite_data_whose_scores_overflow_is_not_blamed_on_x():
    design = np.array([[1.0, 1e308], [1.0, -1e308]])
    theta = np.array([0.0, 10.0])
    with pytest.warns(RuntimeWarning, match="overflow"):  # numpy's warning, as before the fast check
        scores, _ = finite_scores(design, theta)
    np.testing.assert_array_equal(scores, [np.inf, -np.inf])


def test_the_summary_is_returned_and_checked():
    W = np.array([[1.0, -1.0], [0.5, 2.0], [1.0, 1.0]])
    scores, maxima = finite_scores(X, W, lambda d, w: w.T @ d.T, summary=lambda Z: Z.max(axis=0))
    np.testing.assert_array_equal(scores, (X @ W).T)
    np.testing.assert_array_equal(maxima, (X @ W).max(axis=1))
    design = X.copy()
    design[1, 2] = -np.inf  # every class score of sample 1 is -inf, so is its maximum
    with pytest.raises(ValueError, match=r"infinity at index \(1, 2\)"):
        finite_scores(design, W, lambda d, w: w.T @ d.T, summary=lambda Z: Z.max(axis=0))


def test_the_public_gradients_equal_the_kernels_bit_for_bit(rng):
    design = np.column_stack([np.ones(200), rng.normal(size=(200, 4))])
    y = rng.integers(0, 2, size=200).astype(float)
    labels = rng.integers(0, 3, size=200)
    theta, W = rng.normal(size=5), rng.normal(size=(5, 3))
    for lam in (0.0, 0.3):
        np.testing.assert_array_equal(logistic.gradient(theta, design, y, lam),
                                      logistic._cost_and_gradient(theta, design, y, lam)[1])
        np.testing.assert_array_equal(softmax.gradient(W, design, labels, lam),
                                      softmax._cost_and_gradient(W, design, labels, lam)[1])
