"""The self-checks of notebooks 01 and 02 accept the solutions, name each typical mistake and refuse the helper."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import logistic
from helpers.exercises import sigmoid as checks
from solutions import sigmoid as solutions


def naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------------------------------
# the solutions pass, and are right on their own terms
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (checks.check_sigmoid_grad, solutions.sigmoid_grad),
        (checks.check_boundary_x1_intercept, solutions.boundary_x1_intercept),
        (checks.check_label_probability, solutions.label_probability),
        (checks.check_odds_one_to_three, solutions.ODDS_ONE_TO_THREE),
        (checks.check_threshold_score, solutions.threshold_score),
        (checks.check_predict, solutions.predict),
    ],
)
def test_solution_passes_and_says_so(check, answer, capsys):
    result = check(answer)
    assert result.passed, result.message
    assert "✅" in capsys.readouterr().out


def test_solutions_agree_with_independent_computations(rng):
    z = rng.normal(scale=5, size=200)
    h = 1e-6
    assert np.allclose(solutions.sigmoid_grad(z), (naive_sigmoid(z + h) - naive_sigmoid(z - h)) / (2 * h), atol=1e-9)
    theta = np.array([-3.0, 1.5, 2.0])
    x1 = solutions.boundary_x1_intercept(theta)
    assert np.isclose(theta @ np.array([1.0, x1, 0.0]), 0.0)
    y = rng.integers(0, 2, size=200).astype(float)
    p1 = naive_sigmoid(z)
    assert np.allclose(solutions.label_probability(z, y), np.where(y == 1, p1, 1 - p1))
    p, log_odds = solutions.ODDS_ONE_TO_THREE
    assert np.isclose(p / (1 - p), 1 / 3) and np.isclose(np.exp(log_odds), 1 / 3)
    t = np.array([0.1, 0.5, 0.7, 0.95])
    c = solutions.threshold_score(t)
    assert np.allclose(naive_sigmoid(c), t)
    # the cut reproduces logistic.predict with that threshold, on random scores
    X = np.column_stack([np.ones(300), rng.normal(size=300)])
    theta = np.array([0.2, 1.3])
    for threshold, cut in zip(t, c, strict=True):
        assert np.array_equal(logistic.predict(theta, X, threshold=threshold), (X @ theta >= cut).astype(int))
        assert np.array_equal(solutions.predict(theta, X, threshold), logistic.predict(theta, X, threshold=threshold))
    # on the boundary (score exactly 0) the label is 1, as for logistic.predict
    on_boundary = np.array([[1.0, 1.0, 2.0], [1.0, 3.0, 0.0]])
    assert solutions.predict(np.array([-3.0, 1.0, 1.0]), on_boundary).tolist() == [1, 1]


# ---------------------------------------------------------------------------------------
# every listed mistake gets its own hint
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("check", "mistakes"),
    [
        (checks.check_sigmoid_grad, checks.SIGMOID_GRAD_MISTAKES),
        (checks.check_boundary_x1_intercept, checks.BOUNDARY_MISTAKES),
        (checks.check_label_probability, checks.LABEL_PROBABILITY_MISTAKES),
        (checks.check_odds_one_to_three, checks.ODDS_MISTAKES),
        (checks.check_threshold_score, checks.THRESHOLD_MISTAKES),
        (checks.check_predict, checks.PREDICT_MISTAKES),
    ],
)
def test_each_listed_mistake_prints_its_hint(check, mistakes, capsys):
    for wrong, hint in mistakes:
        result = check(wrong)
        assert not result.passed
        assert hint in result.message, (hint, result.message)
        assert hint in capsys.readouterr().out


def test_hints_for_mistakes_written_independently():
    """Learner-style wrong answers, not the lists' own lambdas, reach the intended hint."""

    def grad_of_score(z):
        return z * (1.0 - z)

    def grad_forgot_square(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, e / (1 + e), 1 / (1 + e))  # = sigma(-z), stably

    assert "applied s(1 - s) to the score" in checks.check_sigmoid_grad(grad_of_score).message
    assert "1 - σ(z) = σ(-z) alone" in checks.check_sigmoid_grad(grad_forgot_square).message

    assert "crosses the x2 axis" in checks.check_boundary_x1_intercept(lambda t: -t[0] / t[2]).message
    assert "sign is flipped" in checks.check_boundary_x1_intercept(lambda t: t[0] / t[1]).message

    def p_of_label_ignoring_y(z, y):
        return 0.5 * (1 + np.tanh(z / 2))  # sigma(z), whatever the label

    assert "P(y = 1 | x) for every sample" in checks.check_label_probability(p_of_label_ignoring_y).message
    assert "log10" in checks.check_odds_one_to_three((0.25, -0.4771213)).message
    assert "turned around" in checks.check_odds_one_to_three([0.75, 1.0986123]).message
    assert "odds themselves" in checks.check_odds_one_to_three((0.3333333, -1.0986123)).message
    assert "different scales" in checks.check_threshold_score(lambda t: np.asarray(t, dtype=float)).message


def test_unstable_answers_are_named_even_when_their_numbers_are_right():
    def naive_grad(z):
        s = naive_sigmoid(z)
        return s * (1 - s)

    def naive_label_probability(z, y):
        return naive_sigmoid((2 * y - 1) * z)

    for result in (checks.check_sigmoid_grad(naive_grad), checks.check_label_probability(naive_label_probability)):
        assert not result.passed
        assert "overflow encountered" in result.message and "helpers.sigmoid.sigmoid" in result.message


def test_stubs_and_unknown_mistakes_are_reported_not_raised():
    def stub(*args):
        raise NotImplementedError("write it first")

    for check in (
        checks.check_sigmoid_grad, checks.check_boundary_x1_intercept, checks.check_threshold_score,
        checks.check_predict,
    ):
        result = check(stub)
        assert not result.passed and "NotImplementedError" in result.message
    assert not checks.check_odds_one_to_three(None).passed
    unknown = checks.check_threshold_score(lambda t: 2 * t)
    assert not unknown.passed and "returned" in unknown.message and "expected" in unknown.message


def test_cancellation_form_of_the_label_probability_is_accepted():
    """``y σ + (1 - y)(1 - σ)`` with the stable σ is right to rounding: the check must not reject it."""
    from helpers.sigmoid import sigmoid

    def two_cases(z, y):
        s = sigmoid(z)
        return y * s + (1 - y) * (1 - s)

    assert checks.check_label_probability(two_cases).passed


# ---------------------------------------------------------------------------------------
# an answer that calls the course function it is asked to write is refused
# ---------------------------------------------------------------------------------------
def test_answers_calling_the_helper_under_test_are_refused(capsys):
    from helpers import sigmoid
    from helpers.sigmoid import logit, sigmoid_grad

    refused = [
        (checks.check_sigmoid_grad, lambda z: sigmoid.sigmoid_grad(z), "helpers.sigmoid.sigmoid_grad"),
        (checks.check_sigmoid_grad, lambda z: sigmoid_grad(z), "helpers.sigmoid.sigmoid_grad"),
        (checks.check_threshold_score, lambda t: sigmoid.logit(t), "helpers.sigmoid.logit"),
        (checks.check_boundary_x1_intercept,
         lambda theta: logistic.boundary_line(theta, (-1e3, 1e3), (-1e-9, 1e-9))[0].mean(),
         "helpers.logistic.boundary_line"),
        (checks.check_threshold_score, lambda t: logit(t), "helpers.sigmoid.logit"),
        (checks.check_predict, lambda theta, X, threshold=0.5: logistic.predict(theta, X, threshold),
         "helpers.logistic.predict"),
        (checks.check_predict,
         lambda theta, X, threshold=0.5: (logistic.predict_proba(theta, X) >= threshold).astype(int),
         "helpers.logistic.predict_proba"),
    ]
    for check, answer, name in refused:
        result = check(answer)
        assert not result.passed
        assert f"calls {name}, the function this exercise asks you to write" in result.message, result.message
    capsys.readouterr()
    # the helpers are back in place afterwards
    assert sigmoid.sigmoid_grad is sigmoid_grad and sigmoid.logit is logit


def test_answers_built_on_the_allowed_helpers_pass(capsys):
    from helpers import sigmoid

    def grad_from_sigmoid(z):
        s = sigmoid.sigmoid(z)
        return s * sigmoid.sigmoid(-z)

    def predict_from_probabilities(theta, X, threshold=0.5):
        return sigmoid.sigmoid(X @ theta) >= threshold  # booleans of shape (m,) are labels too

    def predict_via_threshold_score(theta, X, threshold=0.5):
        return (X @ theta >= solutions.threshold_score(np.array([threshold]))[0]).astype(int)

    assert checks.check_sigmoid_grad(grad_from_sigmoid).passed
    assert checks.check_predict(predict_from_probabilities).passed
    assert checks.check_predict(predict_via_threshold_score).passed
    capsys.readouterr()


def test_predict_mistakes_written_independently():
    def column_labels(theta, X, threshold=0.5):
        return (X @ theta.reshape(-1, 1) >= np.log(threshold / (1 - threshold))).astype(int)

    def strict(theta, X, threshold=0.5):
        from helpers.sigmoid import sigmoid

        return (sigmoid(X @ theta) > threshold).astype(int)

    def score_against_probability(theta, X, threshold=0.5):
        return np.where(X @ theta >= threshold, 1, 0)

    assert "shape (m, 1)" in checks.check_predict(column_labels).message
    assert "use >=, not >" in checks.check_predict(strict).message
    assert "compared the score θᵀx with the threshold" in checks.check_predict(score_against_probability).message
