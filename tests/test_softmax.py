"""helpers.softmax: softmax, log-softmax, one-hot, cost and gradient."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import random_problem

from helpers import data, gradcheck, losses, softmax
from helpers.gradcheck import check_gradient
from helpers.sigmoid import sigmoid


def test_rows_are_distributions_and_shift_invariant(rng):
    Z = rng.normal(scale=5, size=(20, 4))
    P = softmax.softmax(Z)
    assert np.all(P > 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(softmax.softmax(Z + rng.normal(size=(20, 1)) * 100), P, rtol=1e-10)


def test_large_scores_do_not_overflow():
    P = softmax.softmax(np.array([[1000.0, 1000.0, -1000.0], [1e300, 0.0, -1e300]]))
    np.testing.assert_allclose(P, [[0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])
    L = softmax.log_softmax(np.array([0.0, -1000.0]))
    np.testing.assert_allclose(L, [0.0, -1000.0])


def test_naive_softmax_fails_where_helper_does_not():
    z = np.array([1000.0, 1000.0])
    with pytest.warns(RuntimeWarning):
        naive = np.exp(z) / np.exp(z).sum()
    assert np.isnan(naive).all()
    np.testing.assert_allclose(softmax.softmax(z), [0.5, 0.5])


def test_log_softmax_is_log_of_softmax(rng):
    Z = rng.normal(scale=3, size=(10, 5))
    np.testing.assert_allclose(softmax.log_softmax(Z), np.log(softmax.softmax(Z)), rtol=1e-12, atol=1e-12)


def test_two_classes_reduce_to_the_sigmoid(rng):
    Z = rng.normal(scale=4, size=(50, 2))
    np.testing.assert_allclose(softmax.softmax(Z)[:, 0], sigmoid(Z[:, 0] - Z[:, 1]), rtol=1e-12)


def test_one_hot():
    np.testing.assert_array_equal(softmax.one_hot([0, 2, 1], 3), np.eye(3)[[0, 2, 1]])
    with pytest.raises(ValueError, match=r"0\.\.2"):
        softmax.one_hot([0, 3], 3)


def test_zero_weights_give_log_k(rng):
    X, y = random_problem(rng, k=7)
    assert softmax.cost(np.zeros((X.shape[1], 7)), X, y) == pytest.approx(np.log(7))


@pytest.mark.parametrize("lam", [0.0, 0.9])
def test_gradient_matches_central_differences(rng, lam):
    X, y = random_problem(rng, k=4)
    W = rng.normal(size=(X.shape[1], 4))
    error = check_gradient(lambda w: softmax.cost(w, X, y, lam), lambda w: softmax.gradient(w, X, y, lam), W)
    assert error < 1e-8


def test_gradient_formula_and_penalty(rng):
    X, y = random_problem(rng, k=3)
    W = rng.normal(size=(X.shape[1], 3))
    m = len(y)
    P = softmax.softmax(X @ W)
    expected = X.T @ (P - softmax.one_hot(y, 3)) / m
    np.testing.assert_allclose(softmax.gradient(W, X, y), expected, rtol=1e-12, atol=1e-15)
    penalised = softmax.gradient(W, X, y, 2.0) - softmax.gradient(W, X, y)
    np.testing.assert_allclose(penalised[0], 0.0, atol=1e-15)
    np.testing.assert_allclose(penalised[1:], 2.0 / m * W[1:], rtol=1e-10)
    extra = softmax.cost(W, X, y, 2.0) - softmax.cost(W, X, y)
    assert extra == pytest.approx(2.0 / (2 * m) * np.sum(W[1:] ** 2))


def test_cost_matches_binary_cross_entropy_for_two_classes(rng):
    from helpers import logistic

    X, y = random_problem(rng, k=2)
    theta = rng.normal(size=X.shape[1])
    W = np.column_stack([np.zeros_like(theta), theta])  # class-1 score minus class-0 score = X theta
    assert softmax.cost(W, X, y) == pytest.approx(logistic.cost(theta, X, y.astype(float)), rel=1e-12)


def test_predictions(rng):
    X, _ = random_problem(rng, k=3)
    W = rng.normal(size=(X.shape[1], 3))
    np.testing.assert_array_equal(softmax.predict(W, X), np.argmax(softmax.predict_proba(W, X), axis=1))


def test_cost_with_extreme_scores_is_finite():
    X = np.array([[1.0, 500.0], [1.0, -500.0]])
    W = np.array([[0.0, 0.0, 0.0], [10.0, -10.0, 0.0]])
    value = softmax.cost(W, X, np.array([1, 0]))
    assert value == pytest.approx(10000.0)
    assert np.all(np.isfinite(softmax.gradient(W, X, np.array([1, 0]))))


def reference_cost_and_gradient(W, X, y, lam=0.0):
    """The textbook formulas in the (m, K) layout, with an explicit one-hot matrix: slow but plain."""
    m, k = X.shape[0], W.shape[1]
    Z = X @ W
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    Y = np.eye(k)[y]
    value = -np.sum(Y * log_p) / m + lam / (2 * m) * np.sum(W[1:] ** 2)
    grad = X.T @ (np.exp(log_p) - Y) / m
    grad[1:] += lam / m * W[1:]
    return value, grad


def extreme_problem(rng, m, n, k):
    """Scores up to about 1e301 in size, of both signs, with ties between classes."""
    X = np.column_stack([np.ones(m), rng.choice([-1e300, -1e10, -1.0, 0.0, 2.5, 1e10, 1e300], size=(m, n - 1))])
    W = rng.choice([-1.0, 0.0, 0.5, 1.0], size=(n, k))
    return W, X, rng.integers(0, k, size=m)


@pytest.mark.parametrize("lam", [0.0, 0.7])
@pytest.mark.parametrize(("m", "n", "k"), [(1, 2, 2), (7, 3, 2), (300, 6, 5), (2000, 11, 10)])
def test_fast_kernel_equals_the_reference(rng, m, n, k, lam):
    for scale in (0.1, 3.0, 300.0):  # scores of size 1, 10 and 1000 (exp(1000) overflows naively)
        X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
        W = rng.normal(scale=scale, size=(n, k))
        y = rng.integers(0, k, size=m)
        inputs = (W.copy(), X.copy(), y.copy())
        value, grad = softmax._cost_and_gradient(W, X, y, lam)
        for before, after in zip(inputs, (W, X, y), strict=True):
            np.testing.assert_array_equal(after, before)  # the kernel works on its own buffers
        expected_value, expected_grad = reference_cost_and_gradient(W, X, y, lam)
        assert value == pytest.approx(expected_value, rel=1e-12, abs=1e-12)
        np.testing.assert_allclose(grad, expected_grad, rtol=1e-12, atol=1e-12 * np.abs(X).max())
        assert grad.shape == W.shape and grad.flags.c_contiguous
        public_value, public_grad = softmax.cost_and_gradient(W, X, y, lam)
        assert public_value == value
        np.testing.assert_array_equal(public_grad, grad)


@pytest.mark.parametrize(("m", "n", "k"), [(1, 2, 3), (50, 4, 3), (500, 8, 10)])
def test_fast_kernel_equals_the_reference_for_huge_scores(rng, m, n, k):
    W, X, y = extreme_problem(rng, m, n, k)
    value, grad = softmax._cost_and_gradient(W, X, y, 0.5)  # no warning: the suite makes them errors
    expected_value, expected_grad = reference_cost_and_gradient(W, X, y, 0.5)
    assert np.isfinite(value) and np.all(np.isfinite(grad))
    assert value == pytest.approx(expected_value, rel=1e-12, abs=1e-12)
    # |P - Y| <= 1, so the gradient's entries are means of entries of X: compare on that scale.
    np.testing.assert_allclose(grad, expected_grad, rtol=1e-12, atol=1e-12 * np.abs(X).max())


def test_scores_of_plus_and_minus_1e300():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    W = np.array([[1e300, -1e300, 0.0], [0.0, 0.0, 0.0]])  # sample 0: scores 1e300, -1e300, 0
    y = np.array([1, 2, 0])
    value, grad = softmax._cost_and_gradient(W, X, y)
    # sample 0 loses 2e300 (the log-sum-exp is 1e300), sample 1 has three ties (ln 3),
    # sample 2 puts all its mass on its own class (0).
    assert value == pytest.approx((2e300 + np.log(3)) / 3, rel=1e-15)
    P = np.array([[1.0, 0.0, 0.0], [1 / 3, 1 / 3, 1 / 3], [1.0, 0.0, 0.0]])
    np.testing.assert_allclose(grad, X.T @ (P - softmax.one_hot(y, 3)) / 3, rtol=1e-15, atol=1e-17)


def test_scores_beyond_the_float_range_apart_do_not_warn():
    # 1e308 - (-1e308) is not a float: the cost is infinite, the probabilities exact, no warning.
    X = np.array([[1.0, 1.0]])
    W = np.array([[1e308, -1e308], [0.0, 0.0]])
    value, grad = softmax._cost_and_gradient(W, X, np.array([1]))
    assert value == np.inf
    np.testing.assert_array_equal(grad, [[1.0, -1.0], [1.0, -1.0]])
    np.testing.assert_array_equal(softmax.softmax([1e308, -1e308]), [1.0, 0.0])


def test_minibatch_objective_is_an_unbiased_estimate(rng):
    X = np.column_stack([np.ones(25), rng.normal(size=(25, 3))])
    y = rng.integers(0, 3, size=25)
    W = rng.normal(size=(4, 3))
    fun = softmax.minibatch_objective(X, y, 3, lam=0.8)
    value, grad = fun(W, np.arange(25))
    full_value, full_grad = softmax.cost_and_gradient(W, X, y, 0.8)
    assert np.isclose(value, full_value) and np.allclose(grad, full_grad)
    singles = np.mean([fun(W, np.array([i]))[1] for i in range(25)], axis=0)
    assert np.allclose(singles, full_grad)


def test_minibatch_objective_checks_the_data():
    with pytest.raises(ValueError, match=r"class labels in 0\.\.1"):
        softmax.minibatch_objective(np.ones((2, 2)), [0, 2], 2)
    with pytest.raises(ValueError, match="lam must be a finite number >= 0"):
        softmax.minibatch_objective(np.ones((2, 2)), [0, 1], 2, lam=-1.0)
    with pytest.raises(ValueError, match="k must be an integer number of classes >= 2"):
        softmax.minibatch_objective(np.ones((2, 2)), [0, 1], 1)


# ---------------------------------------------------------------------------------------
# temperature, the GLM natural parameters and the Hessian (issue 19: notebooks 08 and 09)
# ---------------------------------------------------------------------------------------


def test_temperature_one_is_the_plain_softmax_bit_for_bit(rng):
    Z = rng.normal(scale=3, size=(50, 5))
    np.testing.assert_array_equal(softmax.softmax(Z, temperature=1.0), softmax.softmax(Z))
    np.testing.assert_allclose(softmax.softmax(Z, temperature=0.5), softmax.softmax(2 * Z), rtol=1e-12)


def test_temperature_limits_on_random_scores(rng):
    Z = rng.normal(scale=3, size=(200, 6))  # continuous draws: no ties
    cold = softmax.softmax(Z, temperature=1e-6)
    np.testing.assert_array_equal(cold, softmax.one_hot(Z.argmax(axis=1), 6))
    np.testing.assert_array_equal(softmax.softmax(Z, temperature=1e-300), cold)  # no overflow at tiny T
    hot = softmax.softmax(Z, temperature=1e9)
    np.testing.assert_allclose(hot, 1 / 6, rtol=1e-7)


def test_entropy_grows_with_temperature(rng):
    Z = rng.normal(scale=3, size=(100, 5))
    temperatures = np.logspace(-2, 3, 60)
    H = np.array([losses.entropy(softmax.softmax(Z, temperature=T)) for T in temperatures])  # (60, 100)
    assert np.all(np.diff(H, axis=0) >= -1e-12)
    assert np.median(H[0]) < 1e-3 and np.allclose(H[-1], np.log(5), atol=1e-4)  # near-ties stay mixed longer


def test_natural_parameters_invert_softmax(rng):
    P = softmax.softmax(rng.normal(scale=2, size=(40, 4)))
    eta = softmax.natural_parameters(P)
    np.testing.assert_array_equal(eta[:, -1], 0.0)
    np.testing.assert_allclose(softmax.softmax(eta), P, rtol=1e-12)
    Z = rng.normal(size=(40, 4))  # the scores up to a shift: eta = z - z_K
    np.testing.assert_allclose(softmax.natural_parameters(softmax.softmax(Z)), Z - Z[:, -1:], atol=1e-12)


@pytest.mark.parametrize(
    ("p", "message"),
    [
        ([0.5, 0.5, 0.0], r"every probability > 0"),
        ([0.5, 0.6], r"sum to 1"),
        ([[1.0]], r"at least 2 classes"),
        ([-0.5, 1.5], r">= 0"),
    ],
)
def test_natural_parameters_bad_input(p, message):
    with pytest.raises(ValueError, match=message):
        softmax.natural_parameters(p)


@pytest.mark.parametrize("temperature", [0, -1.0, float("inf"), float("nan"), True, "1", None])
def test_bad_temperature(temperature):
    with pytest.raises(ValueError, match="temperature must be a positive"):
        softmax.softmax([1.0, 2.0], temperature=temperature)


def test_score_hessian_is_the_jacobian_and_psd(rng):
    Z = rng.normal(scale=3, size=(30, 5))
    H = softmax.score_hessian(Z)
    assert H.shape == (30, 5, 5)
    for z, h in zip(Z[:3], H[:3], strict=True):
        numeric = np.array([gradcheck.numerical_gradient(lambda v, i=i: softmax.softmax(v)[i], z) for i in range(5)])
        assert gradcheck.relative_error(h, numeric) < 1e-7
    np.testing.assert_allclose(H, H.transpose(0, 2, 1))
    np.testing.assert_allclose(H @ np.ones(5), 0.0, atol=1e-15)
    # vᵀ H v is the variance of v under p
    v = rng.normal(size=(30, 5))
    P = softmax.softmax(Z)
    variance = (P * v**2).sum(axis=1) - (P * v).sum(axis=1) ** 2
    np.testing.assert_allclose(np.einsum("ik,ikl,il->i", v, H, v), variance, rtol=1e-9, atol=1e-15)
    assert np.linalg.eigvalsh(H).min() > -1e-15


def _vec(W):
    return W.T.reshape(-1)


def test_hessian_matches_finite_differences_and_the_kronecker_formula(rng):
    X, y, W = data.add_intercept(rng.normal(size=(25, 3))), rng.integers(0, 3, 25), rng.normal(size=(4, 3))
    n, K = W.shape
    P = softmax.predict_proba(W, X)
    kron = sum(np.kron(np.diag(p) - np.outer(p, p), np.outer(x, x)) for p, x in zip(P, X, strict=True)) / 25
    for lam in (0.0, 0.8):
        H = softmax.hessian(W, X, y, lam)
        numeric = gradcheck.finite_difference_hessian(
            lambda v, lam=lam: _vec(softmax.gradient(v.reshape(K, n).T, X, y, lam)), _vec(W)
        )
        assert gradcheck.relative_error(H, numeric) < 1e-7
        penalty = lam / 25 * np.diag(np.tile([0.0, 1.0, 1.0, 1.0], K))
        np.testing.assert_allclose(H, kron + penalty, rtol=1e-12, atol=1e-15)
        np.testing.assert_array_equal(H, H.T)


def test_hessian_null_space(rng):
    X, y = data.add_intercept(rng.normal(size=(40, 4))), rng.integers(0, 4, 40)  # full column rank
    W = rng.normal(size=(5, 4))
    n, K = W.shape
    H = softmax.hessian(W, X, y)
    scale = np.linalg.eigvalsh(H).max()
    c = rng.normal(size=n)
    np.testing.assert_allclose(H @ np.kron(np.ones(K), c), 0.0, atol=1e-13 * scale)
    eigenvalues = np.linalg.eigvalsh(H)
    assert np.all(eigenvalues > -1e-12 * scale)
    assert np.sum(eigenvalues < 1e-10 * scale) == n  # exactly the n shifts 1_K ⊗ c
    # lam > 0 leaves one flat direction: the same number added to every (unpenalised) intercept
    H_lam = softmax.hessian(W, X, y, lam=1.0)
    eig_lam = np.linalg.eigvalsh(H_lam)
    assert np.sum(eig_lam < 1e-10 * scale) == 1
    np.testing.assert_allclose(H_lam @ np.kron(np.ones(K), np.eye(n)[0]), 0.0, atol=1e-13 * scale)
    # a reference class (W[:, K-1] = 0) keeps the first n (K - 1) coordinates: positive definite
    reference = H[: n * (K - 1), : n * (K - 1)]
    assert np.linalg.eigvalsh(reference).min() > 1e-6 * scale


def test_hessian_is_finite_at_large_scores():
    X = data.add_intercept(np.array([[1.0], [-2.0], [3.0]]))
    W = np.array([[1000.0, 0.0, -1000.0], [500.0, 0.0, 1.0]])
    H = softmax.hessian(W, X, [0, 1, 2])
    assert np.isfinite(H).all()
    assert np.linalg.eigvalsh(H).min() > -1e-12


def test_hessian_bad_input():
    X = np.ones((3, 2))
    with pytest.raises(ValueError, match=r"W must have shape \(2, K\)"):
        softmax.hessian(np.zeros((3, 3)), X, [0, 1, 2])
    with pytest.raises(ValueError, match=r"lam must be"):
        softmax.hessian(np.zeros((2, 3)), X, [0, 1, 2], lam=-1.0)
    with pytest.raises(ValueError, match=r"0\.\.2"):
        softmax.hessian(np.zeros((2, 3)), X, [0, 1, 3])
    with pytest.raises(ValueError, match=r"Z must contain only finite"):
        softmax.score_hessian([0.0, np.nan])
