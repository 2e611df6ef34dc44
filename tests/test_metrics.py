"""helpers.metrics: the confusion matrix and the per-iterate cost and accuracy of a path."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, metrics, optim, softmax


def test_confusion_matrix_counts_pairs(rng):
    truth = rng.integers(0, 4, size=200)
    guess = rng.integers(0, 4, size=200)
    counts = metrics.confusion_matrix(truth, guess, 4)
    expected = np.array([[np.sum((truth == i) & (guess == j)) for j in range(4)] for i in range(4)])
    assert np.array_equal(counts, expected)
    assert counts.sum() == 200 and np.array_equal(counts.sum(axis=1), np.bincount(truth, minlength=4))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([0, 1], [0], 2), "same number of samples"),
        (([0, 3], [0, 1], 3), r"class labels in 0\.\.2"),
        (([0, 1], [0, 1], 1), "k must be an integer number of classes >= 2"),
        (([0.5, 1], [0, 1], 2), "integer class labels"),
    ],
)
def test_confusion_matrix_rejects_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        metrics.confusion_matrix(*args)


def test_path_metrics_match_cost_and_accuracy_at_every_iterate(rng):
    X = data.add_intercept(rng.normal(size=(40, 3)))
    y = rng.integers(0, 3, size=40)
    run = optim.fit_softmax_gd(X, y, 3, 0.5, 20)
    cost, accuracy = metrics.path_metrics(X, y, run.path, chunk=7)
    assert np.allclose(cost, run.costs)
    for t in (0, 5, 20):
        assert np.isclose(accuracy[t], np.mean(softmax.predict(run.path[t], X) == y))
    cost_one, accuracy_one = metrics.path_metrics(X, y, run.path, chunk=1)
    assert np.allclose(cost_one, cost) and np.array_equal(accuracy_one, accuracy)
    no_cost, same_accuracy = metrics.path_metrics(X, y, run.path, with_cost=False)
    assert no_cost is None and np.array_equal(same_accuracy, accuracy)


def test_path_metrics_leave_out_the_penalty_and_break_ties_as_argmax(rng):
    X = data.add_intercept(rng.normal(size=(60, 2)))
    y = rng.integers(0, 3, size=60)
    run = optim.fit_softmax_gd(X, y, 3, 2.0, 15, lam=0.5)
    cost, accuracy = metrics.path_metrics(X, y, run.path)
    assert np.allclose(cost, [softmax.cost(W, X, y) for W in run.path], rtol=1e-12)
    assert np.all(run.costs[1:] > cost[1:])  # the penalty is in the objective only
    # At W = 0 every score ties and argmax picks class 0: the accuracy is the share of class 0.
    assert accuracy[0] == np.mean(y == 0)


def test_path_metrics_of_overflowing_scores_are_not_finite_and_do_not_warn():
    X = np.array([[1.0, 1e300], [1.0, -1e300]])
    path = np.array([np.zeros((2, 2)), [[0.0, 0.0], [1e10, -1e10]]])
    cost, accuracy = metrics.path_metrics(X, [0, 1], path)  # the test suite turns warnings into errors
    assert np.isclose(cost[0], np.log(2)) and not np.isfinite(cost[1])
    assert accuracy.tolist() == [0.5, 1.0]  # at W = 0 a tie (class 0 wins); then each score is the right infinity


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((np.ones((10, 4)), np.zeros(10, dtype=int), np.zeros((3, 5, 2))), {}, "path must have shape \\(T, 4, K\\)"),
        ((np.ones((10, 4)), np.zeros(9, dtype=int), np.zeros((3, 4, 2))), {}, "same number of samples"),
        ((np.ones((10, 4)), np.full(10, 2), np.zeros((3, 4, 2))), {}, r"class labels in 0\.\.1"),
        ((np.ones((10, 4)), np.zeros(10, dtype=int), np.zeros((4, 2))), {}, "3-D array"),
        ((np.ones((10, 4)), np.zeros(10, dtype=int), np.zeros((3, 4, 2))), {"chunk": 0}, "chunk must be a positive"),
        ((np.ones((10, 4)), np.zeros(10, dtype=int), np.zeros((3, 4, 2))), {"with_cost": 1}, "with_cost must be"),
    ],
)
def test_path_metrics_reject_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        metrics.path_metrics(*args, **kwargs)


# ---------------------------------------------------------------------------------------
# notebook 11: threshold metrics, ROC, AUC; notebook 12: reliability bins
# ---------------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _brute_counts(y, s, t):
    y, s = np.asarray(y), np.asarray(s)
    pred = s >= t
    return (int(np.sum(pred & (y == 1))), int(np.sum(pred & (y == 0))),
            int(np.sum(~pred & (y == 0))), int(np.sum(~pred & (y == 1))))


def _brute_auc(y, s):
    y, s = np.asarray(y), np.asarray(s)
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return float(np.mean((pos > neg) + 0.5 * (pos == neg)))


labelled_scores = st.integers(2, 40).flatmap(
    lambda m: st.tuples(
        st.lists(st.integers(0, 1), min_size=m, max_size=m).filter(lambda v: 0 < sum(v) < len(v)),
        st.lists(st.integers(-5, 5), min_size=m, max_size=m),  # small integers: many ties
    )
)


@settings(max_examples=150, deadline=None)
@given(labelled_scores)
def test_rank_auc_is_the_probability_a_positive_outranks_a_negative(pair):
    y, s = pair
    scores = np.array(s, dtype=float) / 2
    assert metrics.rank_auc(y, scores) == pytest.approx(_brute_auc(y, scores), abs=1e-12)
    assert metrics.roc_auc(y, scores) == pytest.approx(_brute_auc(y, scores), abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(labelled_scores)
def test_auc_is_invariant_under_increasing_transforms_and_flips_under_decreasing(pair):
    y, s = pair
    scores = np.array(s, dtype=float)
    auc = metrics.roc_auc(y, scores)
    for transformed in (np.exp(scores / 3), 1 / (1 + np.exp(-scores)), scores**3 + 7 * scores):
        assert metrics.roc_auc(y, transformed) == pytest.approx(auc, abs=1e-12)
    assert metrics.roc_auc(y, -scores) == pytest.approx(1 - auc, abs=1e-12)
    assert metrics.roc_auc(1 - np.array(y), scores) == pytest.approx(1 - auc, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(labelled_scores, st.lists(st.integers(-6, 6), min_size=1, max_size=8))
def test_counts_sum_to_m_and_match_a_brute_force_count(pair, cuts):
    y, s = pair
    scores = np.array(s, dtype=float)
    thresholds = np.array(cuts, dtype=float) + 0.5 * (np.arange(len(cuts)) % 2)
    tp, fp, tn, fn = metrics.threshold_counts(y, scores, thresholds)
    np.testing.assert_array_equal(tp + fp + tn + fn, len(y))
    for k, t in enumerate(thresholds):
        assert (tp[k], fp[k], tn[k], fn[k]) == _brute_counts(y, scores, t)
    matrix = metrics.binary_confusion(y, scores, float(thresholds[0]))
    np.testing.assert_array_equal(matrix, metrics.confusion_matrix(y, (scores >= thresholds[0]).astype(int), 2))


def test_threshold_metrics_definitions_and_empty_cases(rng):
    y = (rng.random(50) < 0.4).astype(float)
    s = rng.normal(size=50) + y
    t = np.array([-np.inf, -0.5, 0.0, 0.7, np.inf])
    out = metrics.threshold_metrics(y, s, t)
    tp, fp, tn, fn = (out[k].astype(float) for k in ("tp", "fp", "tn", "fn"))
    inner = slice(1, 4)  # the finite thresholds, where no ratio is 0/0
    np.testing.assert_allclose(out["precision"][inner], tp[inner] / (tp + fp)[inner])
    np.testing.assert_allclose(out["recall"], tp / (tp + fn))
    np.testing.assert_allclose(out["specificity"], tn / (tn + fp))
    np.testing.assert_allclose(out["f1"][inner], 2 * tp[inner] / (2 * tp + fp + fn)[inner])
    np.testing.assert_allclose(out["accuracy"], (tp + tn) / 50)
    assert out["recall"][0] == 1 and out["fpr"][0] == 1  # -inf: everything positive
    assert out["precision"][-1] == 1 and out["recall"][-1] == 0 and out["f1"][-1] == 0  # +inf: nothing positive
    with np.errstate(all="raise"):
        metrics.threshold_metrics(np.zeros(4), [0.1, 0.2, 0.3, 0.4], [0.25])  # no positive: no 0/0 warning


def test_roc_curve_runs_from_0_0_to_1_1_and_steps_diagonally_through_ties():
    fpr, tpr, thr = metrics.roc_curve([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9])
    assert fpr.tolist() == [0.0, 0.0, 0.5, 1.0] and tpr.tolist() == [0.0, 0.5, 1.0, 1.0]
    assert thr[0] == np.inf and (np.diff(thr) < 0).all()
    assert metrics.roc_auc([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9]) == 0.875
    recall, precision, _ = metrics.precision_recall_curve([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9])
    assert recall.tolist() == [0.5, 1.0, 1.0] and precision.tolist() == [1.0, 2 / 3, 0.5]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: metrics.roc_curve([1, 1], [0.2, 0.3]), "both classes"),
        (lambda: metrics.rank_auc([0, 0], [0.2, 0.3]), "both classes"),
        (lambda: metrics.threshold_counts([0, 1], [0.2, 0.3, 0.4], [0.5]), "same number of samples"),
        (lambda: metrics.threshold_counts([0, 2], [0.2, 0.3], [0.5]), "binary labels"),
        (lambda: metrics.threshold_counts([0, 1], [0.2, np.nan], [0.5]), "scores"),
        (lambda: metrics.threshold_counts([0, 1], [0.2, 0.3], [np.nan]), "NaN"),
        (lambda: metrics.reliability_bins([0, 1], [0.2, 1.3]), r"\[0, 1\]"),
        (lambda: metrics.reliability_bins([0, 1], [0.2, 0.3], 0), "n_bins"),
    ],
)
def test_binary_metrics_reject_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_reliability_bins_match_a_loop_and_keep_every_sample(rng):
    p = rng.random(300)
    p[:3] = [0.0, 1.0, 0.5]
    y = (rng.random(300) < p).astype(float)
    mean_p, mean_y, counts = metrics.reliability_bins(y, p, 10)
    assert counts.sum() == 300
    for k in range(10):
        inside = (p >= k / 10) & ((p < (k + 1) / 10) | ((k == 9) & (p == 1.0)))
        assert counts[k] == inside.sum()
        assert mean_p[k] == pytest.approx(p[inside].mean()) and mean_y[k] == pytest.approx(y[inside].mean())
    assert np.sum(counts * mean_y) == pytest.approx(y.sum())  # the bins partition the samples
    empty_p, empty_y, empty_counts = metrics.reliability_bins([0, 1], [0.05, 0.95], 4)
    assert empty_counts.tolist() == [1, 0, 0, 1] and np.isnan(empty_p[1:3]).all() and np.isnan(empty_y[1:3]).all()


def test_expected_cost_and_the_cost_threshold(rng):
    p = rng.random(400)
    y = (rng.random(400) < p).astype(float)  # p is calibrated by construction
    t = np.linspace(0, 1, 101)
    cost = metrics.expected_cost(y, p, t, cost_fn=5.0, cost_fp=1.0)
    _tp, fp, _tn, fn = metrics.threshold_counts(y, p, t)
    np.testing.assert_allclose(cost, (5 * fn + fp) / 400)
    assert metrics.cost_threshold(5.0, 1.0) == pytest.approx(1 / 6)
    assert abs(t[np.argmin(cost)] - 1 / 6) < 0.1  # calibrated scores: the minimum near c_FP / (c_FP + c_FN)
    with pytest.raises(ValueError, match="both be 0"):
        metrics.cost_threshold(0.0, 0.0)
    with pytest.raises(ValueError, match="cost_fn must be >= 0"):
        metrics.expected_cost(y, p, t, cost_fn=-1.0, cost_fp=1.0)


def test_precision_at_prevalence_equals_counting_with_repeated_negatives(rng):
    y = (rng.random(80) < 0.4).astype(float)
    s = rng.normal(size=80) + 1.5 * y
    fpr, tpr, thr = metrics.roc_curve(y, s)
    r = 7  # every negative counted 7 times: the ROC curve is unchanged, the precision is not
    y_rep = np.r_[y[y == 1], np.repeat(y[y == 0], r)]
    s_rep = np.r_[s[y == 1], np.repeat(s[y == 0], r)]
    fpr_rep, tpr_rep, _ = metrics.roc_curve(y_rep, s_rep)
    np.testing.assert_allclose(fpr_rep, fpr)
    np.testing.assert_allclose(tpr_rep, tpr)
    prevalence = y.sum() / (y.sum() + r * (1 - y).sum())
    counted = metrics.threshold_metrics(y_rep, s_rep, thr)["precision"]
    np.testing.assert_allclose(metrics.precision_at_prevalence(tpr, fpr, prevalence), counted)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        metrics.precision_at_prevalence(tpr, fpr, 1.0)
