"""The self-checks of notebooks 11 and 12: each passes the solution, names every listed mistake,
and refuses an answer that calls the helper it asks the learner to write."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic, metrics, model_selection, optim
from helpers.exercises import evaluation as checks
from solutions import evaluation as solutions


def not_implemented(*args):
    raise NotImplementedError("write it first")


def _called(y, p, t, strict=False):
    c = p > t if strict else p >= t
    return (np.sum(c & (y == 1)), np.sum(c & (y == 0)), np.sum(~c & (y == 0)), np.sum(~c & (y == 1)))


# ---------------------------------------------------------------------------------------
# notebook 11, exercise 1: precision and recall
# ---------------------------------------------------------------------------------------
def test_precision_recall_solution_passes(capsys):
    assert checks.check_precision_recall(solutions.precision_recall).passed
    assert "✅" in capsys.readouterr().out


def _pr(tp, fp, tn, fn):
    return tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda y, p, t: _pr(*_called(y, p, t))[::-1], "swapped"),
        (lambda y, p, t: _pr(*_called(y, p, t, strict=True)), "p >= threshold"),
        (lambda y, p, t: (_pr(*_called(y, p, t))[1],) * 2, "precision divides by everything *called* positive"),
        (lambda y, p, t: (_pr(*_called(y, p, t))[0],) * 2, "recall divides by everything *truly* positive"),
        (lambda y, p, t: (_pr(*_called(y, p, t))[0], (lambda a, b, c, d: c / (c + b))(*_called(y, p, t))),
         "specificity"),
        (lambda y, p, t: ((lambda a, b, c, d: (a + c) / (a + b + c + d))(*_called(y, p, t)), _pr(*_called(y, p, t))[1]),
         "accuracy"),
    ],
)
def test_precision_recall_names_the_mistake(wrong, hint):
    result = checks.check_precision_recall(wrong)
    assert not result.passed and hint in result.message


def test_precision_recall_refuses_the_helper_and_reports_a_stub():
    def via_helper(y, p, t):
        out = metrics.threshold_metrics(y, p, t)
        return float(out["precision"][0]), float(out["recall"][0])

    result = checks.check_precision_recall(via_helper)
    assert not result.passed and "calls helpers.metrics.threshold_metrics" in result.message
    assert metrics.threshold_metrics is not None and callable(metrics.threshold_counts)  # restored
    assert checks.check_precision_recall(solutions.precision_recall).passed  # the helpers work again
    stub = checks.check_precision_recall(not_implemented)
    assert not stub.passed and "raised NotImplementedError: write it first" in stub.message


# ---------------------------------------------------------------------------------------
# notebook 11, exercise 2: the AUC by ranking
# ---------------------------------------------------------------------------------------
def _wins_ties(y, s):
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return (pos > neg), (pos == neg)


def test_rank_auc_solution_passes():
    assert checks.check_rank_auc(solutions.rank_auc).passed


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda y, s: float(np.mean(_wins_ties(y, s)[0])), "ties count for nothing"),
        (lambda y, s: float(np.mean(_wins_ties(y, s)[0] | _wins_ties(y, s)[1])), "ties count as whole wins"),
        (lambda y, s: 1 - solutions.rank_auc(y, s), "*negative* scores higher"),
        (lambda y, s: solutions.rank_auc(y, s) * (y == 1).sum() * (y == 0).sum() / len(y) ** 2, "not by m²"),
        (lambda y, s: solutions.rank_auc(y, s) * (y == 1).sum() * (y == 0).sum() / (len(y) * (len(y) - 1) / 2),
         "m(m-1)/2"),
    ],
)
def test_rank_auc_names_the_mistake(wrong, hint):
    result = checks.check_rank_auc(wrong)
    assert not result.passed and hint in result.message


def test_rank_auc_refuses_the_helpers_however_imported():
    from helpers.metrics import roc_auc as imported_by_name

    for helper in (lambda y, s: metrics.rank_auc(y, s), lambda y, s: imported_by_name(y, s),
                   lambda y, s: metrics.roc_auc(y, s)):
        result = checks.check_rank_auc(helper)
        assert not result.passed and "the function this exercise asks you to write" in result.message
    assert imported_by_name is metrics.roc_auc  # both put back
    assert metrics.rank_auc([0, 1], [0.0, 1.0]) == 1.0


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 1: λ from the prior's σ
# ---------------------------------------------------------------------------------------
def test_lam_from_prior_solution_passes():
    assert checks.check_lam_from_prior(solutions.lam_from_prior).passed


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s, m: 1 / (m * s * s), "no m left over"),
        (lambda s, m: m / (s * s), "does not stay in λ"),
        (lambda s, m: 1 / s, "the prior's exponent has σ²"),
        (lambda s, m: s * s, "upside down"),
        (lambda s, m: 0.5 / (s * s), "the 1/2 is already in the penalty"),
        (lambda s, m: 2 / (s * s), "the 1/2 is already in the penalty"),
    ],
)
def test_lam_from_prior_names_the_mistake(wrong, hint):
    result = checks.check_lam_from_prior(wrong)
    assert not result.passed and hint in result.message


def test_lam_from_prior_refuses_the_helper():
    result = checks.check_lam_from_prior(lambda s, m: logistic.lam_from_prior_sd(s))
    assert not result.passed and "calls helpers.logistic.lam_from_prior_sd" in result.message
    assert logistic.lam_from_prior_sd(0.5) == 4.0


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 2: reliability bins
# ---------------------------------------------------------------------------------------
def test_reliability_solution_passes():
    assert checks.check_reliability_bins(solutions.reliability).passed


def _with_index(index_of):
    def binned(y, p, b):
        index = index_of(p, b)
        keep = index < b
        counts = np.bincount(index[keep], minlength=b)
        sp = np.bincount(index[keep], weights=p[keep], minlength=b)
        sy = np.bincount(index[keep], weights=y[keep], minlength=b)
        mp, my = np.full(b, np.nan), np.full(b, np.nan)
        mp[counts > 0], my[counts > 0] = sp[counts > 0] / counts[counts > 0], sy[counts > 0] / counts[counts > 0]
        return mp, my, counts

    return binned


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (_with_index(lambda p, b: np.floor(p * b).astype(int)), "exactly 1 falls out"),
        (_with_index(lambda p, b: np.minimum(np.rint(p * b).astype(int), b - 1)), "rounding *down*"),
        (lambda y, p, b: (lambda a, o, c: (o, a, c))(*solutions.reliability(y, p, b)), "swapped"),
        (lambda y, p, b: (lambda a, o, c: (np.where(c > 0, (np.arange(b) + 0.5) / b, np.nan), o, c))(
            *solutions.reliability(y, p, b)), "not the bin's centre"),
        (lambda y, p, b: tuple(np.nan_to_num(v) for v in solutions.reliability(y, p, b)), "give it NaN"),
    ],
)
def test_reliability_names_the_mistake(wrong, hint):
    result = checks.check_reliability_bins(wrong)
    assert not result.passed and hint in result.message


def test_reliability_refuses_the_helper():
    result = checks.check_reliability_bins(lambda y, p, b: metrics.reliability_bins(y, p, b))
    assert not result.passed and "calls helpers.metrics.reliability_bins" in result.message


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 3: cross-validation
# ---------------------------------------------------------------------------------------
def test_cross_validation_solution_passes():
    assert checks.check_cross_validation(solutions.cross_validation).passed


def _cv_variant(X, y, lams, folds, stats_all=False, penalty=False, on_training=False, fit_all=False):
    k = folds.max() + 1
    total = np.zeros(len(lams))
    for f in range(k):
        held = folds == f
        fit = np.ones(len(y), bool) if fit_all else ~held
        _, mean, std = data.standardize(X if stats_all else X[fit])
        A = data.add_intercept((X - mean) / std)
        for j, lam in enumerate(lams):
            theta = optim.fit_logistic_newton(A[fit], y[fit], lam=lam).params
            rows = fit if on_training else held
            total[j] += logistic.cost(theta, A[rows], y[rows], lam if penalty else 0.0) / k
    return total


@pytest.mark.parametrize(
    ("option", "hint"),
    [
        ("stats_all", "leaked into the standardisation"),
        ("penalty", "includes the penalty"),
        ("on_training", "cost on the training folds"),
        ("fit_all", "fitted on all samples"),
    ],
)
def test_cross_validation_names_the_mistake(option, hint):
    result = checks.check_cross_validation(lambda X, y, L, F: _cv_variant(X, y, L, F, **{option: True}))
    assert not result.passed and hint in result.message


def test_cross_validation_refuses_the_helper():
    result = checks.check_cross_validation(
        lambda X, y, L, F: model_selection.cross_validate(X, y, L, F)[0].mean(axis=1))
    assert not result.passed and "calls helpers.model_selection.cross_validate" in result.message
    stub = checks.check_cross_validation(not_implemented)
    assert not stub.passed and "NotImplementedError" in stub.message
