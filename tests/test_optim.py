"""helpers.optim: gradient descent, mini-batch SGD, Newton, and the ready-made fits."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import random_problem

from helpers import data, logistic, optim, softmax


def quadratic(x: np.ndarray) -> tuple[float, np.ndarray]:
    return float(x @ x), 2 * x


def test_gradient_descent_records_every_step():
    run = optim.gradient_descent(quadratic, np.array([1.0, -2.0]), 0.25, 4)
    assert run.path.shape == (5, 2) and run.costs.shape == (5,)
    np.testing.assert_allclose(run.path[:, 0], [1, 0.5, 0.25, 0.125, 0.0625])
    np.testing.assert_allclose(run.costs, [float(p @ p) for p in run.path])
    assert run.n_iter == 4 and run.diverged_at is None
    np.testing.assert_array_equal(run.params, run.path[-1])
    np.testing.assert_array_equal(run.at(2), run.path[2])
    np.testing.assert_array_equal(run.at(99), run.path[-1])


def test_too_large_a_step_is_reported_as_divergence():
    run = optim.gradient_descent(quadratic, np.array([1.0]), 1.5, 10)  # x -> -2x
    assert run.diverged_at == 1
    assert run.costs[-1] > run.costs[0]


def test_an_overflowing_step_stops_the_run_at_the_last_finite_point():
    run = optim.gradient_descent(lambda x: (float(x[0]), np.array([-1e300])), np.array([0.0]), 1e10, 50)
    assert run.n_iter == 0 and run.diverged_at == 1
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.costs))


def test_non_finite_cost_stops_the_run():
    def blows_up(x):
        return (float("inf") if x[0] > 3 else float(x[0]), np.array([-1.0]))

    run = optim.gradient_descent(blows_up, np.array([0.0]), 1.0, 50)
    assert run.n_iter == 4
    assert run.costs[-1] == np.inf
    assert run.diverged_at == 1  # the cost rose from the first step on


def test_starting_point_is_not_modified():
    x0 = np.array([3.0])
    optim.gradient_descent(quadratic, x0, 0.1, 5)
    assert x0[0] == 3.0


def test_logistic_gd_decreases_the_cost_and_matches_manual_updates(rng):
    X, y = random_problem(rng)
    run = optim.fit_logistic_gd(X, y, 0.5, 50)
    assert np.all(np.diff(run.costs) <= 1e-15)
    theta = np.zeros(X.shape[1])
    for _ in range(3):
        theta = theta - 0.5 * logistic.gradient(theta, X, y)
    np.testing.assert_allclose(run.path[3], theta, rtol=1e-12)
    np.testing.assert_allclose(run.costs[3], logistic.cost(theta, X, y))


def test_logistic_gd_mse_option(rng):
    X, y = random_problem(rng)
    run = optim.fit_logistic_gd(X, y, 1.0, 5, loss="mse")
    theta = np.zeros(X.shape[1])
    theta = theta - logistic.mse_gradient(theta, X, y)
    np.testing.assert_allclose(run.path[1], theta)
    with pytest.raises(ValueError, match="loss must be"):
        optim.fit_logistic_gd(X, y, 1.0, 5, loss="hinge")


def test_newton_reaches_the_published_optimum():
    scores, admitted = data.load_exam_scores()
    run = optim.fit_logistic_newton(data.add_intercept(scores), admitted)
    assert run.converged and run.n_iter <= 12 and not run.separable
    assert run.costs[-1] == pytest.approx(0.203498, abs=1e-6)
    np.testing.assert_allclose(run.params, [-25.161, 0.206, 0.201], atol=1e-3)
    assert np.linalg.norm(logistic.gradient(run.params, data.add_intercept(scores), admitted)) < 1e-8
    prob = logistic.predict_proba(run.params, [[1.0, 45.0, 85.0]])[0]
    assert prob == pytest.approx(0.776, abs=0.002)
    accuracy = np.mean(logistic.predict(run.params, data.add_intercept(scores)) == admitted)
    assert accuracy == pytest.approx(0.89)


def test_newton_gradient_vanishes_at_the_optimum(rng):
    X, y = random_problem(rng, m=200)
    run = optim.fit_logistic_newton(X, y, lam=0.5)
    assert np.linalg.norm(logistic.gradient(run.params, X, y, 0.5)) < 1e-8


def test_newton_stops_on_the_gradient_norm(rng):
    X, y = random_problem(rng, m=200)
    for tol in (1e-4, 1e-8, 1e-12):
        run = optim.fit_logistic_newton(X, y, tol=tol)
        assert run.converged and not run.separable
        norms = [np.linalg.norm(logistic.gradient(t, X, y)) for t in run.path]
        assert norms[-1] < tol and all(g >= tol for g in norms[:-1])
    # already at a stationary point: no step at all
    still = optim.newton(lambda x: (float(x @ x), 2 * x, 2 * np.eye(2)), np.zeros(2))
    assert still.converged and still.n_iter == 0


def separable_line(gap: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    x = np.r_[np.linspace(-3, -gap / 2, 10), np.linspace(gap / 2, 3, 10)]
    return data.add_intercept(x), np.repeat([0.0, 1.0], 10)


def test_newton_reports_separable_data_instead_of_convergence():
    X, y = separable_line()
    run = optim.fit_logistic_newton(X, y)
    # The gradient does fall below tol: the cost tends to 0 as the weights grow, which
    # the old stopping rule (a small change in cost) reported as convergence.
    assert np.linalg.norm(logistic.gradient(run.params, X, y)) < 1e-8
    assert run.separable and not run.converged
    assert logistic.separates(run.params, X, y)
    longer = optim.fit_logistic_newton(X, y, tol=1e-300, max_iter=40)
    assert np.linalg.norm(longer.params) > np.linalg.norm(run.params)  # no finite minimiser


def test_a_penalty_or_overlapping_classes_give_a_minimiser():
    X, y = separable_line()
    penalised = optim.fit_logistic_newton(X, y, lam=1.0)
    assert penalised.converged and not penalised.separable
    overlapping = y.copy()
    overlapping[[9, 10]] = overlapping[[10, 9]]  # swap the labels of the two middle samples
    run = optim.fit_logistic_newton(X, overlapping)
    assert run.converged and not run.separable
    assert not logistic.separates(run.params, X, overlapping)


def test_separates_needs_every_sample_strictly_on_its_side():
    X, y = separable_line()
    assert logistic.separates([0.0, 1.0], X, y)
    assert not logistic.separates([0.0, -1.0], X, y)
    assert not logistic.separates([0.0, 0.0], X, y)  # on the boundary is not separated
    assert not logistic.separates([-3.0, 1.0], X, y)  # the boundary at x = 3 leaves samples on the wrong side
    X_bad = X.copy()
    X_bad[4, 1] = np.nan
    with pytest.raises(ValueError, match=r"X must contain only finite numbers"):
        logistic.separates([0.0, 1.0], X_bad, y)


def test_softmax_gd_decreases_the_cost(rng):
    X, y = random_problem(rng, k=3)
    run = optim.fit_softmax_gd(X, y, 3, 0.5, 40, lam=0.1)
    assert run.path.shape == (41, X.shape[1], 3)
    assert run.costs[0] == pytest.approx(np.log(3))
    assert np.all(np.diff(run.costs) <= 1e-15)
    np.testing.assert_allclose(run.costs[-1], softmax.cost(run.params, X, y, 0.1))


def test_softmax_gd_matches_manual_updates_with_the_plain_formulas(rng):
    X, y = random_problem(rng, m=300, n=5, k=4)
    m, lam, alpha = len(y), 0.3, 0.8
    run = optim.fit_softmax_gd(X, y, 4, alpha, 5, lam=lam)
    W = np.zeros((X.shape[1], 4))
    Y = np.eye(4)[y]
    for t in range(6):
        Z = X @ W
        log_p = Z - Z.max(axis=1, keepdims=True)
        log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))
        cost = -np.sum(Y * log_p) / m + lam / (2 * m) * np.sum(W[1:] ** 2)
        np.testing.assert_allclose(run.path[t], W, rtol=1e-12, atol=1e-14)
        assert run.costs[t] == pytest.approx(cost, rel=1e-12)
        grad = X.T @ (np.exp(log_p) - Y) / m
        grad[1:] += lam / m * W[1:]
        W = W - alpha * grad


def test_minibatch_with_the_full_batch_equals_batch_gd(rng):
    X, y = random_problem(rng, k=3)

    def fun(W, idx):
        return softmax.cost_and_gradient(W, X[idx], y[idx])

    full = optim.minibatch_gradient_descent(
        fun, np.zeros((X.shape[1], 3)), len(y), 0.5, 10, len(y), np.random.default_rng(0)
    )
    batch = optim.fit_softmax_gd(X, y, 3, 0.5, 10)
    np.testing.assert_allclose(full.path, batch.path, rtol=1e-10, atol=1e-14)


def test_sgd_is_reproducible_and_learns(rng):
    X, y = random_problem(rng, m=60, k=3)

    def fun(W, idx):
        return softmax.cost_and_gradient(W, X[idx], y[idx])

    runs = [
        optim.minibatch_gradient_descent(fun, np.zeros((X.shape[1], 3)), 60, 0.05, 5, 1, np.random.default_rng(7))
        for _ in range(2)
    ]
    np.testing.assert_array_equal(runs[0].path, runs[1].path)
    assert runs[0].costs[-1] < runs[0].costs[0]


def test_minibatch_arguments_are_checked(rng):
    with pytest.raises(ValueError, match="batch_size must be at most"):
        optim.minibatch_gradient_descent(lambda x, i: quadratic(x), np.ones(1), 5, 0.1, 1, 6, rng)
    with pytest.raises(ValueError, match=r"numpy\.random\.Generator"):
        optim.minibatch_gradient_descent(lambda x, i: quadratic(x), np.ones(1), 5, 0.1, 1, 2, 42)


# ---------------------------------------------------------------------------------------
# Descent: several learning rates at once, iterate for iterate the textbook loop
# ---------------------------------------------------------------------------------------
def _same_run(fast: optim.Trajectory, slow: optim.Trajectory) -> None:
    assert fast.n_iter == slow.n_iter
    assert fast.diverged_at == slow.diverged_at
    assert fast.path.shape == slow.path.shape
    scale = np.abs(slow.path).max(axis=tuple(range(1, slow.path.ndim)), keepdims=True) + 1
    assert np.all(np.abs(fast.path - slow.path) <= 1e-12 * scale)
    assert np.allclose(fast.costs, slow.costs, rtol=1e-12, atol=1e-300, equal_nan=True)


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_logistic_descent_matches_the_textbook_loop_for_converging_diverging_and_overflowing_rates(loss):
    rng = np.random.default_rng(7)
    X = np.column_stack([np.ones(40), rng.normal(size=(40, 2)) * [1.0, 50.0]])
    y = (X[:, 1] + rng.normal(size=40) > 0).astype(float)
    # 1e-4 converges; 1e-2 oscillates on the badly scaled column; 1e306 overflows the weights or the scores
    rates = np.array([1e-4, 3e-3, 1e-2, 1.0, 1e306])
    runs = optim.logistic_descent(X, y, rates, 60, loss=loss)
    runs.advance(60)
    kinds = set()
    for rate, fast in zip(rates, runs.trajectories(), strict=True):
        slow = optim.fit_logistic_gd(X, y, rate, 60, loss=loss)
        _same_run(fast, slow)
        kinds.add("stopped early" if slow.n_iter < 60 else "diverged" if slow.diverged_at else "steady")
    # The cases the test is about all occur (squared error's gradient vanishes where the
    # sigmoid saturates, so its weights never overflow).
    expected = {"stopped early", "diverged", "steady"} if loss == "cross_entropy" else {"diverged", "steady"}
    assert expected <= kinds


def test_logistic_descent_with_a_penalty_and_a_start_matches_the_textbook_loop():
    rng = np.random.default_rng(8)
    X = np.column_stack([np.ones(30), rng.normal(size=(30, 3))])
    y = (rng.random(30) < 0.5).astype(float)
    theta0 = rng.normal(size=4)
    runs = optim.logistic_descent(X, y, [0.1, 3.0, 50.0], 40, theta0=theta0, lam=2.0)
    runs.advance(40)
    for rate, fast in zip([0.1, 3.0, 50.0], runs.trajectories(), strict=True):
        _same_run(fast, optim.fit_logistic_gd(X, y, rate, 40, theta0=theta0, lam=2.0))


def test_softmax_descent_matches_the_textbook_loop_including_a_diverging_rate():
    rng = np.random.default_rng(9)
    X = np.column_stack([np.ones(50), rng.normal(size=(50, 2)) * [1.0, 30.0]])
    y = rng.integers(0, 3, size=50)
    rates = [0.01, 0.5, 1e300]
    runs = optim.softmax_descent(X, y, 3, rates, 30, lam=0.5)
    runs.advance(30)
    for rate, fast in zip(rates, runs.trajectories(), strict=True):
        _same_run(fast, optim.fit_softmax_gd(X, y, 3, rate, 30, lam=0.5))


def test_descent_trains_on_demand_and_continues_where_it_stopped():
    rng = np.random.default_rng(10)
    X = np.column_stack([np.ones(20), rng.normal(size=20)])
    y = (X[:, 1] > 0).astype(float)
    runs = optim.logistic_descent(X, y, [0.5, 2.0], 100)
    assert runs.trained == 0 and runs.trajectory(0).n_iter == 0
    runs.advance(10)
    first = runs.trajectory(1)
    assert runs.trained == 10 and first.n_iter == 10 and runs.trajectory(1) is first  # cached
    runs.advance(500)  # capped at max_iter
    assert runs.trained == 100
    _same_run(runs.trajectory(1), optim.fit_logistic_gd(X, y, 2.0, 100))


def test_a_nan_gradient_ends_the_run_where_the_textbook_loop_ends_it():
    def gradient(xs):
        g = 2 * xs
        g[np.abs(xs[:, 0]) < 0.3] = np.nan  # a gradient that fails partway
        return g

    def cost(xs):
        return (xs**2).sum(axis=1)

    runs = optim.Descent(gradient, cost, np.array([1.0]), [0.25, 0.1], 10)
    runs.advance(10)
    for rate, fast in zip([0.25, 0.1], runs.trajectories(), strict=True):
        slow = optim.gradient_descent(lambda x: (float(cost(x[None])[0]), gradient(x[None])[0]), [1.0], rate, 10)
        _same_run(fast, slow)
        assert fast.n_iter < 10


@pytest.mark.parametrize(
    ("rates", "max_iter", "message"),
    [([0.1, -1.0], 5, "learning_rate"), ([0.1], 0, "max_iter"), ([[0.1]], 5, "learning_rates")],
)
def test_descent_rejects_bad_rates_and_iteration_counts(rates, max_iter, message):
    with pytest.raises(ValueError, match=message):
        optim.Descent(lambda xs: xs, lambda xs: xs[:, 0], [1.0], rates, max_iter)


# ---------------------------------------------------------------------------------------
# cost_behaviour: what the divergence banner says
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("costs", "iteration", "expected"),
    [
        ([4.0, 3.0, 3.0, 2.0], None, ("descends", None)),
        ([4.0, 5.0, 3.0, 2.0, 1.5], None, ("recovers", 1)),  # one overshoot, then below the start
        ([4.0, 5.0, 3.0, 2.0, 1.5], 1, ("grows", 1)),  # at iteration 1 only the rise is known
        ([4.0, 9.0, 8.0, 7.0, 6.0, 5.0], None, ("recovers", 1)),  # falling back, still above the start
        ([4.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0, 6.0], None, ("oscillates", 1)),  # bounded jumps
        ([4.0, 3.0, 5.0, 3.9, 5.0, 3.9, 5.0], None, ("oscillates", 2)),  # dips below the start every other step
        ([1.0, 2.0, 4.0, 8.0, 16.0, 32.0], None, ("grows", 1)),
        ([1.0, 2.0, 1.5, 2.5, 2.0, 3.0, 2.5, 3.5], None, ("grows", 1)),  # climbing while it jumps
        # chaotic jumps (a logistic run at rate 100): mostly low, one late spike above the first
        ([0.7, 3.5, 0.6, 0.5, 0.6, 0.3, 0.4, 3.66, 0.3, 0.4], None, ("oscillates", 1)),
        ([1.0, 0.5, np.inf], None, ("grows", 2)),  # overflowed
        ([1.0, np.nan], None, ("grows", 1)),
    ],
)
def test_cost_behaviour_tells_overshoot_oscillation_and_growth_apart(costs, iteration, expected):
    assert optim.cost_behaviour(costs, iteration) == expected


def test_cost_behaviour_agrees_with_diverged_at_on_real_runs():
    rng = np.random.default_rng(11)
    X = np.column_stack([np.ones(60), rng.normal(size=(60, 2)) * [1.0, 40.0]])
    y = (X[:, 2] + 10 * rng.normal(size=60) > 0).astype(float)
    for rate in (1e-4, 1e-3, 1e-2, 1e-1, 10.0):
        run = optim.fit_logistic_gd(X, y, rate, 300)
        kind, since = optim.cost_behaviour(run.costs)
        assert since == run.diverged_at
        assert (kind == "descends") == (run.diverged_at is None)


@pytest.mark.parametrize(("costs", "iteration"), [([], None), ([[1.0]], None), ([1.0, 2.0], -1)])
def test_cost_behaviour_rejects_bad_input(costs, iteration):
    with pytest.raises(ValueError, match=r"costs|iteration"):
        optim.cost_behaviour(costs, iteration)
