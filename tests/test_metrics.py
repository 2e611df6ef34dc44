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
