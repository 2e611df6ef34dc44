"""Property-based tests (hypothesis): the identities hold for every input, not a few chosen ones."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import logistic, losses, optim, softmax
from helpers.gradcheck import check_gradient
from helpers.sigmoid import logit, sigmoid, sigmoid_grad

finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False)
moderate = st.floats(min_value=-30, max_value=30, allow_nan=False)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)


@SETTINGS
@given(arrays(np.float64, st.integers(1, 50), elements=finite))
def test_sigmoid_is_in_the_unit_interval_and_symmetric(z):
    s = sigmoid(z)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(sigmoid(-z), 1 - s, atol=2e-16)
    assert np.all((sigmoid_grad(z) >= 0) & (sigmoid_grad(z) <= 0.25))


@SETTINGS
@given(arrays(np.float64, st.integers(1, 50), elements=st.floats(-15, 15)))
def test_logit_inverts_the_sigmoid(z):
    np.testing.assert_allclose(logit(sigmoid(z)), z, rtol=1e-7, atol=1e-7)


@SETTINGS
@given(
    arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(2, 6)), elements=finite),
    st.floats(-1e6, 1e6),
)
def test_softmax_rows_are_distributions_and_shift_invariant(Z, shift):
    P = softmax.softmax(Z)
    assert np.all(P >= 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(np.isfinite(softmax.log_softmax(Z)))
    small = np.clip(Z, -1e3, 1e3)
    np.testing.assert_allclose(softmax.softmax(small + shift), softmax.softmax(small), atol=1e-9)


@SETTINGS
@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 6)), elements=moderate), st.randoms())
def test_softmax_commutes_with_permuting_classes(Z, random):
    order = list(range(Z.shape[1]))
    random.shuffle(order)
    np.testing.assert_allclose(softmax.softmax(Z[:, order]), softmax.softmax(Z)[:, order], rtol=1e-12)


@st.composite
def distribution_pairs(draw):
    k = draw(st.integers(2, 6))
    weights = st.floats(0, 10)
    p = np.array(draw(st.lists(weights, min_size=k, max_size=k)))
    q = np.array(draw(st.lists(st.floats(0.01, 10), min_size=k, max_size=k)))
    if p.sum() == 0:
        p[0] = 1.0
    return p / p.sum(), q / q.sum()


@SETTINGS
@given(distribution_pairs())
def test_cross_entropy_is_at_least_the_entropy(pair):
    p, q = pair
    h_pq, h_p, kl = losses.cross_entropy(p, q), losses.entropy(p), losses.kl_divergence(p, q)
    assert h_pq >= h_p - 1e-12
    assert kl >= 0
    np.testing.assert_allclose(h_pq, h_p + kl, rtol=1e-9, atol=1e-12)


def problem(seed: int, m: int, n: int, k: int | None):
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    y = rng.integers(0, 2 if k is None else k, size=m)
    return rng, X, y


@SETTINGS
@given(st.integers(0, 2**32 - 1), st.integers(2, 30), st.integers(1, 5), st.floats(0, 5))
def test_logistic_gradient_equals_finite_differences(seed, m, n, lam):
    rng, X, y = problem(seed, m, n, None)
    theta = rng.normal(size=n)
    error = check_gradient(lambda t: logistic.cost(t, X, y, lam), lambda t: logistic.gradient(t, X, y, lam), theta)
    assert error < 1e-6


@SETTINGS
@given(st.integers(0, 2**32 - 1), st.integers(2, 20), st.integers(1, 4), st.integers(2, 5), st.floats(0, 5))
def test_softmax_gradient_equals_finite_differences(seed, m, n, k, lam):
    rng, X, y = problem(seed, m, n, k)
    W = rng.normal(size=(n, k))
    error = check_gradient(lambda w: softmax.cost(w, X, y, lam), lambda w: softmax.gradient(w, X, y, lam), W)
    assert error < 1e-6


@SETTINGS
@given(st.integers(0, 2**32 - 1), st.integers(2, 40), st.integers(1, 5))
def test_small_steps_never_increase_a_convex_cost(seed, m, n):
    # The logistic cost's gradient is L-Lipschitz with L = ||X||_2^2 / (4 m); any step <= 1 / L
    # cannot increase the cost (the descent lemma).
    _, X, y = problem(seed, m, n, None)
    lipschitz = np.linalg.norm(X, 2) ** 2 / (4 * m)
    run = optim.fit_logistic_gd(X, y.astype(float), 1 / lipschitz, 30)
    assert np.all(np.diff(run.costs) <= 1e-12)
    assert run.diverged_at is None
