"""helpers.logistic: cost, gradient, Hessian, squared-error cost, prediction."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import random_problem

from helpers import data, logistic, optim
from helpers.gradcheck import check_gradient, numerical_gradient


@pytest.fixture(scope="module")
def exam():
    scores, admitted = data.load_exam_scores()
    return data.add_intercept(scores), admitted


def test_published_figures_of_the_exam_exercise(exam):
    X, y = exam
    assert logistic.cost(np.zeros(3), X, y) == pytest.approx(0.693147, abs=1e-6)
    np.testing.assert_allclose(logistic.gradient(np.zeros(3), X, y), [-0.1, -12.0092, -11.2628], atol=1e-4)
    theta = np.array([-24.0, 0.2, 0.2])
    assert logistic.cost(theta, X, y) == pytest.approx(0.218, abs=5e-4)
    np.testing.assert_allclose(logistic.gradient(theta, X, y), [0.043, 2.566, 2.647], atol=5e-4)


@pytest.mark.parametrize("lam", [0.0, 0.7])
def test_gradient_matches_central_differences(rng, lam):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    error = check_gradient(
        lambda t: logistic.cost(t, X, y, lam), lambda t: logistic.gradient(t, X, y, lam), theta
    )
    assert error < 1e-8


def test_gradient_formula(rng):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    h = 1 / (1 + np.exp(-X @ theta))
    np.testing.assert_allclose(logistic.gradient(theta, X, y), X.T @ (h - y) / len(y), rtol=1e-12)


def test_regularisation_skips_the_intercept(rng):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    m, lam = len(y), 2.5
    extra = logistic.cost(theta, X, y, lam) - logistic.cost(theta, X, y)
    assert extra == pytest.approx(lam / (2 * m) * np.sum(theta[1:] ** 2))
    diff = logistic.gradient(theta, X, y, lam) - logistic.gradient(theta, X, y)
    np.testing.assert_allclose(diff, lam / m * np.r_[0.0, theta[1:]], atol=1e-15)


@pytest.mark.parametrize("lam", [0.0, 1.3])
def test_hessian_matches_differences_of_the_gradient_and_is_psd(rng, lam):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    H = logistic.hessian(theta, X, y, lam)
    numeric = np.array(
        [numerical_gradient(lambda t, j=j: logistic.gradient(t, X, y, lam)[j], theta) for j in range(len(theta))]
    )
    np.testing.assert_allclose(H, numeric, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(H, H.T)
    assert np.linalg.eigvalsh(H).min() >= -1e-12


def test_mse_gradient_matches_central_differences(rng):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    error = check_gradient(lambda t: logistic.mse_cost(t, X, y), lambda t: logistic.mse_gradient(t, X, y), theta)
    assert error < 1e-8
    value, _ = logistic.mse_cost_and_gradient(theta, X, y)
    assert value == logistic.mse_cost(theta, X, y)
    h = 1 / (1 + np.exp(-X @ theta))
    assert value == pytest.approx(np.sum((h - y) ** 2) / (2 * len(y)))


def test_cost_is_finite_for_huge_scores():
    X = np.array([[1.0, 1000.0], [1.0, -1000.0]])
    y = np.array([0.0, 1.0])  # both confidently wrong
    theta = np.array([0.0, 5.0])
    assert logistic.cost(theta, X, y) == pytest.approx(5000.0)
    assert np.all(np.isfinite(logistic.gradient(theta, X, y)))
    assert np.all(np.isfinite(logistic.hessian(theta, X, y)))
    assert np.isfinite(logistic.mse_cost(theta, X, y))


def test_predict_uses_the_sign_of_the_score():
    X = np.array([[1.0, -1.0], [1.0, 0.0], [1.0, 1.0]])
    theta = np.array([0.0, 2.0])
    np.testing.assert_array_equal(logistic.predict(theta, X), [0, 1, 1])
    np.testing.assert_allclose(logistic.predict_proba(theta, X), [1 / (1 + np.e**2), 0.5, 1 / (1 + np.e**-2)])
    np.testing.assert_array_equal(logistic.predict(theta, X, threshold=0.9), [0, 0, 0])


def test_float32_data(rng):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    assert logistic.cost(theta, X.astype(np.float32), y) == pytest.approx(logistic.cost(theta, X, y), rel=1e-5)


def test_inputs_are_not_modified(rng):
    X, y = random_problem(rng)
    theta = rng.normal(size=X.shape[1])
    copies = (X.copy(), y.copy(), theta.copy())
    logistic.cost_and_gradient(theta, X, y, 1.0)
    logistic.hessian(theta, X, y, 1.0)
    for before, after in zip(copies, (X, y, theta), strict=True):
        np.testing.assert_array_equal(before, after)


# ---------------------------------------------------------------------------------------
# accuracy along a descent path
# ---------------------------------------------------------------------------------------
def test_accuracy_path_is_the_accuracy_of_predict_at_every_iterate(exam):
    X, y = exam
    run = optim.fit_logistic_gd(X, y, 1e-3, 50)
    got = logistic.accuracy_path(run.path, X, y)
    assert got.shape == (run.path.shape[0],)
    expected = [np.mean(logistic.predict(theta, X) == y) for theta in run.path]
    np.testing.assert_array_equal(got, expected)
    assert ((got >= 0) & (got <= 1)).all()


def test_accuracy_path_keeps_the_signs_of_scores_that_overflow():
    X = np.array([[1.0, -2.0], [1.0, 1.0], [1.0, 3.0]])
    path = np.array([[0.0, 1.0], [1e306, 1e308], [-1e308, -1e308]])  # the last two overflow X @ theta
    np.testing.assert_array_equal(logistic.accuracy_path(path, X, [0, 1, 1]), [1.0, 1.0, 0.0])


@pytest.mark.parametrize(
    ("path", "X", "y", "message"),
    [
        ([[0.0, 1.0, 2.0]], [[1.0, 0.0]], [1], r"path must have shape \(k \+ 1, 2\)"),
        ([0.0, 1.0], [[1.0, 0.0]], [1], "path"),
        ([[0.0, 1.0]], [[1.0, 0.0]], [1, 0], "same number of samples"),
        ([[0.0, 1.0]], [[1.0, 0.0]], [2], "binary labels"),
        ([[np.nan, 1.0]], [[1.0, 0.0]], [1], "finite"),
    ],
)
def test_accuracy_path_rejects_bad_input(path, X, y, message):
    with pytest.raises(ValueError, match=message):
        logistic.accuracy_path(path, X, y)


# ---------------------------------------------------------------------------------------
# the boundary as a line (notebook 01) and the squared error's Hessian (notebook 03): moved
# from tests/test_figures_sigmoid.py and test_figures_ce_vs_mse.py (issue 18); the accuracy along a
# path (test_figures_ce_vs_mse.py's accuracy_per_iteration test) is covered by the tests above
# ---------------------------------------------------------------------------------------
def test_boundary_line_points_satisfy_the_equation_and_lie_in_the_box(rng):
    box = ((-2.0, 3.0), (-1.0, 4.0))
    grid = np.stack(np.meshgrid(np.linspace(-2, 3, 60), np.linspace(-1, 4, 60)), axis=-1).reshape(-1, 2)
    found = 0
    for _ in range(200):
        theta = rng.normal(size=3) * np.array([3.0, 1.0, 1.0])
        level = float(rng.normal())
        x1, x2 = logistic.boundary_line(theta, *box, level=level)
        scores = theta[0] + grid @ theta[1:] - level
        crosses = scores.min() < 0 < scores.max()  # the line passes between grid points of the box
        if x1.size:
            found += 1
            assert x1.shape == x2.shape == (2,)
            assert np.allclose(theta[0] + theta[1] * x1 + theta[2] * x2, level)
            assert np.all((x1 >= -2 - 1e-12) & (x1 <= 3 + 1e-12) & (x2 >= -1 - 1e-12) & (x2 <= 4 + 1e-12))
        else:
            assert not crosses
    assert found > 50


def test_boundary_line_special_cases():
    box = ((0.0, 4.0), (0.0, 4.0))
    x1, x2 = logistic.boundary_line([-3.0, 1.0, 0.0], *box)  # theta2 = 0: vertical line x1 = 3
    assert np.allclose(x1, 3.0) and np.allclose(x2, [0.0, 4.0])
    x1, x2 = logistic.boundary_line([-3.0, 0.0, 2.0], *box)  # theta1 = 0: horizontal line x2 = 1.5
    assert np.allclose(x2, 1.5) and np.allclose(x1, [0.0, 4.0])
    assert logistic.boundary_line([5.0, 0.0, 0.0], *box)[0].size == 0  # no boundary
    assert logistic.boundary_line([-100.0, 1.0, 1.0], *box)[0].size == 0  # x1 + x2 = 100 misses the box
    assert logistic.boundary_line([-3.0, 1e-13, -1e-13], *box)[0].size == 0  # below FLAT: treated as zero


def test_boundary_line_bad_input():
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        logistic.boundary_line([1.0, 2.0], (0, 1), (0, 1))
    with pytest.raises(ValueError, match="low < high"):
        logistic.boundary_line([1.0, 2.0, 3.0], (1, 0), (0, 1))
    with pytest.raises(ValueError, match="finite"):
        logistic.boundary_line([np.nan, 2.0, 3.0], (0, 1), (0, 1))


def test_mse_hessian_bad_input():
    with pytest.raises(ValueError, match="theta must have shape"):
        logistic.mse_hessian([0.0], [[1.0, 2.0]], [1.0])


def test_the_gradient_is_bounded_by_the_longest_sample_whatever_theta():
    # Notebook 02 uses it: every step moves theta by at most alpha * max_i ||x_i||, so the
    # iterates of gradient descent on the (unpenalised) logistic cost cannot blow up.
    rng = np.random.default_rng(12)
    for _ in range(50):
        m, n = rng.integers(1, 40), rng.integers(1, 6)
        X = rng.normal(size=(m, n)) * rng.lognormal(0.0, 2.0, size=n)
        y = rng.integers(0, 2, size=m).astype(float)
        theta = rng.normal(size=n) * 10.0 ** rng.uniform(-3, 3)
        bound = np.linalg.norm(X, axis=1).max()
        assert np.linalg.norm(logistic.gradient(theta, X, y)) <= bound * (1 + 1e-12)


# ---------------------------------------------------------------------------------------
# notebook 12: L2 as a Gaussian prior
# ---------------------------------------------------------------------------------------
def test_neg_log_joint_is_m_times_the_penalised_cost_plus_a_constant(rng):
    m, n = 40, 4
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    y = (rng.random(m) < 0.5).astype(float)
    for sd in (0.3, 1.0, 4.0):
        lam = logistic.lam_from_prior_sd(sd)
        assert lam == pytest.approx(1 / sd**2)
        constant = 0.5 * (n - 1) * np.log(2 * np.pi * sd**2)
        for _ in range(3):
            theta = rng.normal(size=n)
            expected = m * logistic.cost(theta, X, y, lam) + constant
            assert logistic.neg_log_joint(theta, X, y, sd) == pytest.approx(expected, rel=1e-12)
        # the same minimiser: the penalised fit is a stationary point of the joint (finite differences)
        theta_hat = optim.fit_logistic_newton(X, y, lam=lam).params
        step = 1e-6
        for j in range(n):
            e = np.zeros(n)
            e[j] = step
            slope = (logistic.neg_log_joint(theta_hat + e, X, y, sd)
                     - logistic.neg_log_joint(theta_hat - e, X, y, sd)) / (2 * step)
            assert abs(slope) < 1e-6


@pytest.mark.parametrize("bad", [0.0, -1.0, np.inf, "1", True])
def test_prior_sd_must_be_positive(bad):
    with pytest.raises(ValueError, match="prior_sd"):
        logistic.lam_from_prior_sd(bad)
    with pytest.raises(ValueError, match="prior_sd"):
        logistic.neg_log_joint([0.0, 0.0], [[1.0, 2.0]], [1], bad)
