"""The self-checks of notebooks 03-05 pass the solutions, name every listed mistake and refuse the course's helpers."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic, losses, optim
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


# ---------------------------------------------------------------------------------------
# every check refuses an answer that calls (or is) the course function it asks for
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("check", "answer", "helper"),
    [
        (checks.check_cost_from_logits, lambda y, z: losses.binary_cross_entropy_with_logits(y, z),
         "helpers.losses.binary_cross_entropy_with_logits"),
        (checks.check_cost_from_logits, lambda y, z: logistic.cost(np.ones(1), z[:, None], y), "helpers.logistic.cost"),
        (checks.check_gradient, lambda theta, X, y: logistic.gradient(theta, X, y), "helpers.logistic.gradient"),
        (checks.check_gradient, lambda theta, X, y: logistic.cost_and_gradient(theta, X, y)[1],
         "helpers.logistic.cost_and_gradient"),
        (checks.check_hessian, lambda theta, X: logistic.hessian(theta, X, np.zeros(len(X))),
         "helpers.logistic.hessian"),
        (checks.check_gradient_descent,
         lambda X, y, a, n: (optim.fit_logistic_gd(X, y, a, n).params, optim.fit_logistic_gd(X, y, a, n).costs),
         "helpers.optim.fit_logistic_gd"),
        (checks.check_gradient_descent,
         lambda X, y, a, n: (lambda run: (run.params, run.costs))(
             optim.gradient_descent(lambda t: logistic.cost_and_gradient(t, X, y), np.zeros(X.shape[1]), a, n)),
         "helpers.optim.gradient_descent"),
        (checks.check_gradient_descent,
         lambda X, y, a, n: _descent_with(lambda t: logistic.gradient(t, X, y), X, y, a, n),
         "helpers.logistic.gradient"),
        (checks.check_newton, lambda X, y, n: optim.fit_logistic_newton(X, y, max_iter=n).params,
         "helpers.optim.fit_logistic_newton"),
        (checks.check_newton, lambda X, y, n: _newton_with(lambda t: logistic.hessian(t, X, y), X, y, n),
         "helpers.logistic.hessian"),
    ],
)
def test_each_check_refuses_a_call_to_the_course_function(check, answer, helper):
    result = check(answer)
    assert not result.passed
    assert f"calls {helper}, the function this exercise asks you to write" in result.message


def _descent_with(gradient, X, y, alpha, n_iter):
    theta, costs = np.zeros(X.shape[1]), [logistic.cost(np.zeros(X.shape[1]), X, y)]
    for _ in range(n_iter):
        theta = theta - alpha * gradient(theta)
        costs.append(logistic.cost(theta, X, y))
    return theta, np.array(costs)


def _newton_with(hessian, X, y, n_steps):
    theta = np.zeros(X.shape[1])
    for _ in range(n_steps):
        theta = theta - np.linalg.solve(hessian(theta), solutions.gradient(theta, X, y))
    return theta


def test_a_helper_imported_by_name_into_the_notebook_is_refused_too():
    namespace = {"np": np}
    exec("from helpers.logistic import hessian\n"
         "def my_hessian(theta, X):\n"
         "    return hessian(theta, X, np.zeros(len(X)))\n", namespace)
    result = checks.check_hessian(namespace["my_hessian"])
    assert not result.passed and "calls helpers.logistic.hessian" in result.message
    assert checks.check_hessian(solutions.hessian).passed   # the helper is put back afterwards


@pytest.mark.parametrize(
    ("check", "helper"),
    [(checks.check_cost_from_logits, losses.binary_cross_entropy_with_logits),
     (checks.check_gradient, logistic.gradient),
     (checks.check_gradient_descent, optim.gradient_descent), (checks.check_newton, optim.newton)],
)
def test_each_check_refuses_the_course_function_itself(check, helper):
    result = check(helper)
    assert not result.passed and "itself, the function this exercise asks you to write" in result.message


# ---------------------------------------------------------------------------------------
# notebook 04, exercise 2: your own gradient-descent loop
# ---------------------------------------------------------------------------------------
def test_descent_check_passes_the_solution(capsys):
    assert checks.check_gradient_descent(solutions.gradient_descent).passed
    assert "✅ gradient_descent is correct on all 3 test inputs." in capsys.readouterr().out


@pytest.mark.parametrize("case", range(len(checks._descent_cases())))
def test_the_descent_reference_is_the_course_loop(case):
    X, y, alpha, n_iter = checks._descent_cases()[case]
    theta, costs = checks._descent_reference(X, y, alpha, n_iter)
    run = optim.fit_logistic_gd(X, y, alpha, n_iter)
    assert np.allclose(theta, run.params, rtol=1e-12, atol=1e-15)
    assert np.allclose(costs, run.costs, rtol=1e-12)


@pytest.mark.parametrize("index", range(len(checks._descent_mistakes())))
def test_descent_check_names_each_listed_mistake(index):
    wrong, hint = checks._descent_mistakes()[index]
    result = checks.check_gradient_descent(wrong)
    assert not result.passed
    assert hint in result.message


def test_descent_check_reports_the_stub_and_a_missing_cost_history():
    assert "not written yet" in checks.check_gradient_descent(lambda X, y, a, n: None).message
    result = checks.check_gradient_descent(lambda X, y, a, n: solutions.gradient_descent(X, y, a, n)[0])
    assert not result.passed and "expected a pair (theta, costs)" in result.message


# ---------------------------------------------------------------------------------------
# notebook 05, exercise 2: Newton's method from the Hessian
# ---------------------------------------------------------------------------------------
def test_newton_check_passes_the_solution_and_accepts_inv(capsys):
    assert checks.check_newton(solutions.newton).passed
    assert "✅ newton is correct on all 4 test inputs." in capsys.readouterr().out

    def with_inv(X, y, n_steps):
        theta = np.zeros(X.shape[1])
        for _ in range(n_steps):
            theta = theta - np.linalg.inv(solutions.hessian(theta, X)) @ solutions.gradient(theta, X, y)
        return theta

    assert checks.check_newton(with_inv).passed


def test_the_newton_reference_reaches_the_course_optimum():
    scores, admitted = data.load_exam_scores()
    X = data.add_intercept(data.standardize(scores)[0])
    assert np.allclose(checks._newton_reference(X, admitted, 10), optim.fit_logistic_newton(X, admitted).params,
                       rtol=1e-6)   # optim.newton stops once the gradient's norm is below 1e-8


@pytest.mark.parametrize("index", range(len(checks._newton_mistakes())))
def test_newton_check_names_each_listed_mistake(index):
    wrong, hint = checks._newton_mistakes()[index]
    result = checks.check_newton(wrong)
    assert not result.passed
    assert hint in result.message


def test_newton_check_reports_the_stub():
    assert "not written yet" in checks.check_newton(lambda X, y, n: None).message
