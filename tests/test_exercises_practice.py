"""Self-checks of notebooks 10 and 13: the solution passes, each listed mistake is named, the helper is refused."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import features, logistic
from helpers.exercises import practice as checks
from solutions import practice as solutions


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # an independent, overflow-free sigmoid


def _data_term(theta, X, y):
    return X.T @ (_sigmoid(X @ theta) - y)


def _no_intercept(theta):
    return np.concatenate([[0.0], theta[1:]])


def not_implemented(*args):
    raise NotImplementedError("write it first")


# ---------------------------------------------------------------------------------------
# exercise 1: the regularised gradient
# ---------------------------------------------------------------------------------------
def test_regularised_gradient_solution_passes(capsys):
    result = checks.check_regularised_gradient(solutions.regularised_gradient)
    assert result.passed
    assert "✅" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda t, X, y, lam: _data_term(t, X, y) / len(y) + lam / len(y) * t, "intercept theta_0 was penalised"),
        (lambda t, X, y, lam: _data_term(t, X, y) + lam / len(y) * _no_intercept(t), "missing its 1/m"),
        (lambda t, X, y, lam: _data_term(t, X, y) / len(y) + lam * _no_intercept(t), "not λ·θ_j"),
        (
            lambda t, X, y, lam: _data_term(t, X, y) / len(y) + 0.5 * lam / len(y) * _no_intercept(t),
            "cancels the 1/2",
        ),
        (lambda t, X, y, lam: _data_term(t, X, y) / len(y) - lam / len(y) * _no_intercept(t), "wrong sign"),
        (lambda t, X, y, lam: _data_term(t, X, y) / len(y), "penalty term is missing"),
    ],
)
def test_regularised_gradient_names_the_mistake(wrong, hint, capsys):
    result = checks.check_regularised_gradient(wrong)
    assert not result.passed
    assert hint in result.message and hint in capsys.readouterr().out


def test_regularised_gradient_unknown_mistake_and_stub():
    result = checks.check_regularised_gradient(lambda t, X, y, lam: 2 * solutions.regularised_gradient(t, X, y, lam))
    assert not result.passed and "not right yet: for input" in result.message
    stub = checks.check_regularised_gradient(not_implemented)
    assert not stub.passed and "raised NotImplementedError: write it first" in stub.message


def test_regularised_gradient_refuses_the_course_gradient(capsys):
    from helpers.logistic import gradient as imported_gradient

    by_module = [
        lambda t, X, y, lam: logistic.gradient(t, X, y, lam),
        lambda t, X, y, lam: logistic.cost_and_gradient(t, X, y, lam)[1],
        lambda t, X, y, lam: imported_gradient(t, X, y, lam),
    ]
    for learner in by_module:
        result = checks.check_regularised_gradient(learner)
        assert not result.passed and "calls helpers.logistic." in result.message
        assert "the function this exercise asks you to write" in capsys.readouterr().out
    # everything is put back afterwards, and a formula written out still passes
    assert logistic.gradient is imported_gradient
    assert checks.check_regularised_gradient(solutions.regularised_gradient).passed


# ---------------------------------------------------------------------------------------
# exercise 2: counting polynomial features
# ---------------------------------------------------------------------------------------
def test_n_poly_features_solution_passes():
    assert checks.check_n_poly_features(solutions.n_poly_features).passed


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda d: sum(t + 1 for t in range(d + 1)) - 1, "the ones column"),
        (lambda d: (d + 1) * (d + 1), "(a square)"),
        (lambda d: 1 + 2 * d, "cross terms x1^i x2^j"),
        (lambda d: d + d, "the cross terms and the ones column are missing"),
        (lambda d: sum(t + 1 for t in range(d)), "count up to degree d - 1"),
    ],
)
def test_n_poly_features_names_the_mistake(wrong, hint):
    result = checks.check_n_poly_features(wrong)
    assert not result.passed and hint in result.message


@pytest.mark.parametrize(
    "learner",
    [
        lambda d: features.n_polynomial_features(d),
        lambda d: features.polynomial_features(np.zeros((1, 2)), d).shape[1],
        lambda d: len(features.polynomial_feature_names(d)),
    ],
)
def test_n_poly_features_refuses_the_course_count(learner):
    result = checks.check_n_poly_features(learner)
    assert not result.passed and "calls helpers.features." in result.message
    assert features.n_polynomial_features(8) == 45  # put back


def test_n_poly_features_stub():
    assert "raised NotImplementedError" in checks.check_n_poly_features(not_implemented).message


# ---------------------------------------------------------------------------------------
# exercise 3: odds ratios
# ---------------------------------------------------------------------------------------
def test_odds_ratio_solution_passes():
    assert checks.check_odds_ratio(solutions.odds_ratio).passed
    assert checks.check_odds_ratio(lambda t, d: np.exp(t) ** d).passed  # the same thing, written differently


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda t, d: float(np.exp(t)), "exp(θ_j) is the odds ratio for one unit"),
        (lambda t, d: d * float(np.exp(t)), "odds ratios multiply"),
        (lambda t, d: t * d, "change in the log-odds"),
        (lambda t, d: float(_sigmoid(t * d)), "sigmoid turns log-odds into a probability"),
    ],
)
def test_odds_ratio_names_the_mistake(wrong, hint):
    result = checks.check_odds_ratio(wrong)
    assert not result.passed and hint in result.message


# ---------------------------------------------------------------------------------------
# exercise 4: choosing the bin
# ---------------------------------------------------------------------------------------
def test_which_bin_solution_passes():
    assert checks.check_which_bin(solutions.which_bin).passed


def _count_below(x, edges, strict=False):
    return int(sum(1 for e in edges if (e < x if strict else e <= x)))


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda x, e: _count_below(x, e, strict=True), "bin that *starts* there"),
        (lambda x, e: _count_below(x, e) + 1, "bins are numbered from 0"),
        (lambda x, e: _count_below(x, e) - 1, "open bin *below* edges[0]"),
        (lambda x, e: min(max(_count_below(x, e), 1), len(e) - 1), "open-ended"),
    ],
)
def test_which_bin_names_the_mistake(wrong, hint):
    result = checks.check_which_bin(wrong)
    assert not result.passed and hint in result.message


def test_which_bin_refuses_digitize_and_the_course_binning(capsys):
    from numpy import digitize

    from helpers.features import bin_index

    refused = [
        (lambda x, e: int(np.digitize(x, e)), "calls numpy.digitize"),
        (lambda x, e: int(digitize(x, e)), "calls numpy.digitize"),
        (lambda x, e: int(features.bin_index([x], e)[0]), "calls helpers.features.bin_index"),
        (lambda x, e: int(bin_index([x], e)[0]), "calls helpers.features.bin_index"),
        (lambda x, e: int(features.one_hot_bins([x], e).argmax()), "calls helpers.features."),
    ]
    for learner, message in refused:
        result = checks.check_which_bin(learner)
        assert not result.passed and message in result.message
    capsys.readouterr()
    assert np.digitize is digitize and features.bin_index is bin_index  # put back
    assert checks.check_which_bin(lambda x, e: int(np.searchsorted(e, x, side="right"))).passed


def test_which_bin_stub_prints_a_readable_input(capsys):
    result = checks.check_which_bin(not_implemented)
    assert not result.passed
    assert "raised NotImplementedError" in result.message and "[25., 40., 60.]" in capsys.readouterr().out
