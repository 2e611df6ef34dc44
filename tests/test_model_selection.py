"""helpers.model_selection: stratified splits and folds, cross-validation, the one-standard-error rule."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic, model_selection, optim


def test_stratified_split_keeps_the_class_shares_and_every_sample_once(rng):
    y = np.r_[np.zeros(357), np.ones(212)]
    train, test = model_selection.stratified_split(y, 0.3, rng)
    assert sorted(np.r_[train, test].tolist()) == list(range(569))
    assert y[test].sum() == round(0.3 * 212) and (1 - y[test]).sum() == round(0.3 * 357)
    again = model_selection.stratified_split(y, 0.3, np.random.default_rng(20261122))
    np.testing.assert_array_equal(again[1], test)


def test_stratified_folds_deal_each_class_evenly(rng):
    y = np.r_[np.zeros(37), np.ones(11), 2 * np.ones(5)]
    folds = model_selection.stratified_folds(y, 4, rng)
    sizes = np.bincount(folds)
    assert sizes.sum() == 53 and sizes.max() - sizes.min() <= 1
    for c in range(3):
        per_fold = np.bincount(folds[y == c], minlength=4)
        assert per_fold.max() - per_fold.min() <= 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: model_selection.stratified_split([0, 0, 1, 1], 1.0, r), "strictly between"),
        (lambda r: model_selection.stratified_split([0, 0, 0, 1], 0.5, r), "one side would get none"),
        (lambda r: model_selection.stratified_split([0, 1], 0.5, "seed"), "Generator"),
        (lambda r: model_selection.stratified_folds([0, 1, 0], 4, r), "from 2 to m = 3"),
        (lambda r: model_selection.stratified_folds([0, 1, 0], 1, r), "from 2 to m"),
        (lambda r: model_selection.choose_lambda([1.0, 0.1], np.ones((2, 3))), "increasing"),
        (lambda r: model_selection.choose_lambda([0.1, 1.0], np.ones((2, 1))), "k >= 2"),
        (lambda r: model_selection.cross_validate(np.ones((4, 1)), [0, 1, 0, 1], [0.1], [0, 0, 0, 0]), "k >= 2"),
        (lambda r: model_selection.cross_validate(np.ones((4, 1)), [0, 1, 0, 1], [-1.0], [0, 1, 0, 1]), "lam"),
    ],
)
def test_bad_input_is_named(call, message, rng):
    with pytest.raises(ValueError, match=message):
        call(rng)


def test_fit_standardised_uses_the_training_statistics_only(rng):
    X = rng.normal(5, 3, size=(60, 3))
    y = (X[:, 0] + rng.normal(size=60) > 5).astype(float)
    other = rng.normal(50, 1, size=(7, 3))  # far away: would move the mean if it were used
    theta, (A, B), run = model_selection.fit_standardised(X, y, 0.1, other)
    Z, mean, std = data.standardize(X)
    np.testing.assert_allclose(A[:, 1:], Z)
    np.testing.assert_allclose(B[:, 1:], (other - mean) / std)
    assert run.converged
    np.testing.assert_allclose(theta, optim.fit_logistic_newton(data.add_intercept(Z), y, lam=0.1).params)


def test_cross_validate_matches_a_loop_over_folds(rng):
    X = rng.normal(size=(45, 2))
    y = (X @ [1.5, -1.0] + rng.normal(size=45) > 0).astype(float)
    folds = model_selection.stratified_folds(y, 3, rng)
    lams = np.array([0.1, 10.0])
    cost, accuracy = model_selection.cross_validate(X, y, lams, folds)
    assert cost.shape == accuracy.shape == (2, 3)
    for f in range(3):
        held = folds == f
        for j, lam in enumerate(lams):
            theta, (_, B), _ = model_selection.fit_standardised(X[~held], y[~held], lam, X[held])
            assert cost[j, f] == pytest.approx(logistic.cost(theta, B, y[held]))
            assert accuracy[j, f] == pytest.approx(np.mean((B @ theta >= 0) == y[held]))


def test_choose_lambda_takes_the_minimum_and_the_one_standard_error_rule():
    lams = [0.01, 0.1, 1.0, 10.0, 100.0]
    costs = np.array([[0.5, 0.7], [0.30, 0.36], [0.31, 0.33], [0.32, 0.33], [0.6, 0.8]])
    # means 0.6, 0.33, 0.32, 0.325, 0.7; the minimum's standard error is 0.02 / sqrt(2) / sqrt(2) = 0.01
    assert model_selection.choose_lambda(lams, costs) == (1.0, 10.0)
    costs[3] = [0.34, 0.36]  # mean 0.35 > 0.32 + 0.01: the rule keeps the minimum
    assert model_selection.choose_lambda(lams, costs) == (1.0, 1.0)
