"""The self-checks of notebook 02 pass the solutions and name every listed mistake."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, optim
from helpers.exercises import likelihood as checks
from helpers.sigmoid import sigmoid
from solutions import likelihood as solutions

# ---------------------------------------------------------------------------------------
# exercise 1: the cost from the scores
# ---------------------------------------------------------------------------------------


def test_cost_check_passes_the_solution(capsys):
    result = checks.check_cost_from_logits(solutions.cost_from_logits)
    assert result.passed
    assert "✅ cost_from_logits is correct on all 6 test inputs." in capsys.readouterr().out


def test_solution_cost_is_exact_where_the_naive_formula_fails():
    y, z = np.array([1.0, 0.0]), np.array([-800.0, 800.0])
    assert solutions.cost_from_logits(y, z) == 800.0


@pytest.mark.parametrize("index", range(len(checks._LOGIT_MISTAKES)))
def test_cost_check_names_each_listed_mistake(index):
    wrong, hint = checks._LOGIT_MISTAKES[index]
    result = checks.check_cost_from_logits(wrong)
    assert not result.passed
    assert hint in result.message


def _naive_log_sigmoid(y, z):
    h = sigmoid(z)
    return float(-np.mean(y * np.log(h) + (1 - y) * np.log(1 - h)))


def _naive_softplus(y, z):
    return float(np.mean(np.log1p(np.exp(z)) - y * z))


@pytest.mark.parametrize(
    ("wrong", "warning"),
    [(_naive_log_sigmoid, "divide by zero encountered in log"), (_naive_softplus, "overflow encountered in exp")],
)
def test_cost_check_explains_naive_formulas_that_warn(wrong, warning):
    result = checks.check_cost_from_logits(wrong)
    assert not result.passed
    assert warning in result.message
    assert "max(z, 0) + log1p(exp(−|z|))" in result.message


def test_cost_check_catches_an_answer_wrong_only_for_huge_scores():
    def clipped(y, z):  # right for |z| <= 700, wrong beyond: clips the scores
        c = np.clip(z, -750, 750)
        return float(np.mean(np.maximum(c, 0) - y * c + np.log1p(np.exp(-np.abs(c)))))

    result = checks.check_cost_from_logits(clipped)
    assert not result.passed
    assert "not right yet: for input" in result.message and "800" in result.message


def test_cost_check_says_when_the_stub_is_not_written(capsys):
    def stub(y, z):
        raise NotImplementedError

    result = checks.check_cost_from_logits(stub)
    assert not result.passed
    assert "cost_from_logits is not written yet" in capsys.readouterr().out
    assert not checks.check_cost_from_logits(lambda y, z: None).passed


# ---------------------------------------------------------------------------------------
# exercises 2 and 3: gradient and Hessian
# ---------------------------------------------------------------------------------------


def test_gradient_check_passes_the_solution():
    assert checks.check_gradient(solutions.gradient).passed


@pytest.mark.parametrize("index", range(len(checks._gradient_mistakes())))
def test_gradient_check_names_each_listed_mistake(index):
    wrong, hint = checks._gradient_mistakes()[index]
    result = checks.check_gradient(wrong)
    assert not result.passed
    assert hint in result.message


def test_gradient_check_reports_a_shape_error_and_the_stub():
    result = checks.check_gradient(lambda theta, X, y: X @ (sigmoid(X @ theta) - y))  # X instead of X.T
    assert not result.passed and "raised ValueError" in result.message
    assert "not written yet" in checks.check_gradient(lambda theta, X, y: None).message


def test_hessian_check_passes_the_solution():
    assert checks.check_hessian(solutions.hessian).passed


@pytest.mark.parametrize("index", range(len(checks._hessian_mistakes())))
def test_hessian_check_names_each_listed_mistake(index):
    wrong, hint = checks._hessian_mistakes()[index]
    result = checks.check_hessian(wrong)
    assert not result.passed
    assert hint in result.message


# ---------------------------------------------------------------------------------------
# exercise 4: the largest learning rate
# ---------------------------------------------------------------------------------------


def test_theory_value_is_two_over_the_largest_curvature_at_the_minimum():
    value = solutions.largest_learning_rate_by_theory()
    assert value == pytest.approx(checks.largest_stable_learning_rate(), rel=1e-12)
    assert 22.4 < value < 22.9


def test_the_theory_value_separates_convergence_from_oscillation():
    scores, admitted = data.load_exam_scores()
    X = data.add_intercept(data.min_max_scale(scores)[0])
    minimum = optim.fit_logistic_newton(X, admitted).costs[-1]
    limit = solutions.largest_learning_rate_by_theory()
    below = optim.fit_logistic_gd(X, admitted, 0.97 * limit, 5000).costs[-1]
    above = optim.fit_logistic_gd(X, admitted, 1.03 * limit, 5000).costs[-1]
    assert below - minimum < 1e-9
    assert above - minimum > 1e-4


def test_bisection_finds_the_limit_within_two_percent():
    found = solutions.largest_learning_rate_by_bisection(steps=8)
    assert found == pytest.approx(solutions.largest_learning_rate_by_theory(), rel=0.02)
    assert checks.check_largest_learning_rate(found).passed


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        (5.13, "that is 2/L"),
        (11.3, "off by a factor of 2"),
        (5900.0, "smallest eigenvalue"),
        (20.5, "limit for the standardised scores"),
        (0.0042, "limit for the raw scores"),
        (1.0, "off by a factor of about 23"),
        (26.0, "too large"),
        (21.0, "too small"),
    ],
)
def test_learning_rate_check_names_each_mistake(answer, fragment):
    result = checks.check_largest_learning_rate(answer)
    assert not result.passed
    assert fragment in result.message


def test_learning_rate_check_accepts_two_percent_and_waits_for_an_answer():
    limit = solutions.largest_learning_rate_by_theory()
    assert checks.check_largest_learning_rate(1.015 * limit).passed
    assert not checks.check_largest_learning_rate(1.03 * limit).passed
    assert "no answer yet" in checks.check_largest_learning_rate(None).message


def test_an_unlisted_wrong_gradient_gets_a_readable_message():
    result = checks.check_gradient(lambda theta, X, y: 2 * X.T @ (sigmoid(X @ theta) - y) / len(y))
    assert not result.passed
    assert "gradient is not right yet: for input ([0. 0. 0.]," in result.message
    assert "expected [-0.1 " in result.message


def test_an_unlisted_wrong_hessian_gets_a_readable_message():
    result = checks.check_hessian(lambda theta, X: np.eye(X.shape[1]))
    assert not result.passed
    assert "hessian is not right yet: for input ([0. 0. 0.]," in result.message
