"""Held-out data and cross-validation: stratified splits, stratified folds, choosing λ.

A model is judged on samples it was not fitted to. A *stratified* split keeps each class's
share the same in every part, which matters when one class is rare: a random split of 569
diagnoses can put noticeably more malignant cases on one side by chance. Every function
takes an explicit ``numpy.random.Generator`` and returns indices, so the same split can be
applied to any array of the samples.

Introduced in ``notebooks/11_evaluation.ipynb`` (the split) and
``notebooks/12_choosing_lambda.ipynb`` (folds, cross-validation, the one-standard-error rule).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import data, logistic, optim
from ._validate import (
    as_float_array,
    check_binary_labels,
    check_class_count,
    check_lam,
    check_matching_rows,
    check_rng,
    describe,
)

__all__ = [
    "choose_lambda",
    "cross_validate",
    "fit_standardised",
    "out_of_fold_probabilities",
    "stratified_folds",
    "stratified_split",
]


def _class_orders(labels: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """The indices of each class (0, then 1, ...), each shuffled by ``rng``."""
    return [rng.permutation(np.flatnonzero(labels == value)) for value in np.unique(labels)]


def stratified_split(
    y: ArrayLike, test_fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a training set and a held-out test set with the same class shares.

    Introduced in ``notebooks/11_evaluation.ipynb``. Each class is shuffled on its own and
    ``round(test_fraction * n_c)`` of its ``n_c`` samples go to the test set.

    Parameters
    ----------
    y : array_like, shape (m,)
        Class labels (any values that can be compared for equality).
    test_fraction : float
        Share held out, strictly between 0 and 1.
    rng : numpy.random.Generator

    Returns
    -------
    train, test : numpy.ndarray of int64
        Sorted indices; together they are ``0..m-1``, each once.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, the fraction is outside (0, 1), ``rng`` is not a Generator,
        or a class would have no sample left on one side.

    Examples
    --------
    >>> train, test = stratified_split([0, 0, 0, 0, 1, 1], 0.5, np.random.default_rng(0))
    >>> len(train), len(test), sorted(np.r_[train, test].tolist()) == list(range(6))
    (3, 3, True)
    """
    labels = np.asarray(y)
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D; got {describe(y)}")
    if isinstance(test_fraction, bool) or not isinstance(test_fraction, float) or not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be a float strictly between 0 and 1; got {test_fraction!r}")
    check_rng(rng)
    test_parts, train_parts = [], []
    for order in _class_orders(labels, rng):
        n_test = round(test_fraction * order.size)
        if n_test == 0 or n_test == order.size:
            raise ValueError(
                f"a class with {order.size} samples cannot be split with test_fraction={test_fraction}: "
                "one side would get none of it"
            )
        test_parts.append(order[:n_test])
        train_parts.append(order[n_test:])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(test_parts))


def stratified_folds(y: ArrayLike, k: int, rng: np.random.Generator) -> np.ndarray:
    """Assign every sample to one of ``k`` folds, each class spread evenly over the folds.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. Each class is shuffled, then dealt
    out to the folds like cards (0, 1, ..., k-1, 0, 1, ...), continuing where the previous
    class stopped, so fold sizes differ by at most one and each class's count per fold by at
    most one.

    Parameters
    ----------
    y : array_like, shape (m,)
        Class labels.
    k : int
        Number of folds, 2 <= k <= m.
    rng : numpy.random.Generator

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
        ``folds[i]`` is the fold of sample ``i``, in ``0..k-1``.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, ``k`` is not an integer from 2 to m, or ``rng`` is not a Generator.

    Examples
    --------
    >>> np.bincount(stratified_folds([0, 0, 0, 1, 1, 1], 3, np.random.default_rng(0))).tolist()
    [2, 2, 2]
    """
    labels = np.asarray(y)
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D; got {describe(y)}")
    count = check_class_count(k) if not isinstance(k, bool) and isinstance(k, int) and k >= 2 else None
    if count is None or count > labels.size:
        raise ValueError(f"k must be an integer number of folds from 2 to m = {labels.size}; got {describe(k)}")
    check_rng(rng)
    order = np.concatenate(_class_orders(labels, rng))
    folds = np.empty(labels.size, dtype=np.int64)
    folds[order] = np.arange(labels.size) % count
    return folds


def fit_standardised(
    X_train: ArrayLike, y_train: ArrayLike, lam: float, *X_other: ArrayLike
) -> tuple[np.ndarray, tuple[np.ndarray, ...], optim.Trajectory]:
    """Standardise with the training set's statistics, add the intercept, fit by Newton's method.

    Introduced in ``notebooks/11_evaluation.ipynb``. The mean and standard deviation of each
    column come from ``X_train`` alone (:func:`helpers.data.standardize`) and are applied to
    every other set (:func:`helpers.data.apply_standardization`): a held-out sample must not
    shape the model, not even through the scaling. The fit is
    :func:`helpers.optim.fit_logistic_newton` with L2 strength ``lam`` (up to 100 steps).

    Parameters
    ----------
    X_train : array_like, shape (m, d)
        Raw features, without the intercept column.
    y_train : array_like, shape (m,)
        Labels 0 or 1.
    lam : float
        L2 strength λ >= 0 (the intercept is not penalised).
    *X_other : array_like, shape (k, d)
        Other sets to transform the same way (held-out, test ...).

    Returns
    -------
    theta : numpy.ndarray, shape (d + 1,)
        Fitted weights on the standardised features, intercept first.
    designs : tuple of numpy.ndarray
        The design matrices (intercept column first): training set, then each of ``X_other``.
    run : helpers.optim.Trajectory
        The Newton run (``converged``, ``separable``).

    Raises
    ------
    ValueError
        On bad data, mismatched columns or a negative ``lam``.
    """
    train = as_float_array(X_train, "X_train", ndim=2)
    labels = check_binary_labels(y_train, "y_train")
    check_matching_rows(train, labels, "X_train", "y_train")
    strength = check_lam(lam)
    Z, mean, std = data.standardize(train)
    others = [data.apply_standardization(as_float_array(X, "X_other", ndim=2), mean, std) for X in X_other]
    designs = (data.add_intercept(Z), *(data.add_intercept(other) for other in others))
    run = optim.fit_logistic_newton(designs[0], labels, lam=strength, max_iter=100)
    return run.params, designs, run


def cross_validate(
    X: ArrayLike, y: ArrayLike, lams: ArrayLike, folds: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    r"""Held-out cross-entropy and accuracy of every λ on every fold.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. For fold :math:`f` the model is
    fitted on the other folds (standardised with their statistics, :func:`fit_standardised`)
    and scored on fold :math:`f`: the mean cross-entropy without penalty,
    :math:`-\frac{1}{|F|}\sum_{i\in F}[y_i\ln h_i + (1-y_i)\ln(1-h_i)]`, and the accuracy at
    threshold 1/2. The loops run over folds and λ values, never over samples.

    Parameters
    ----------
    X : array_like, shape (m, d)
        Raw features, without the intercept column.
    y : array_like, shape (m,)
        Labels 0 or 1.
    lams : array_like, shape (L,)
        L2 strengths, each >= 0.
    folds : array_like of int, shape (m,)
        Fold of each sample, ``0..k-1`` with every fold used (:func:`stratified_folds`).

    Returns
    -------
    cost, accuracy : numpy.ndarray, shape (L, k)
        Held-out mean cross-entropy (nats) and accuracy (share) per λ and fold.

    Raises
    ------
    ValueError
        On bad data, a negative λ, or folds that are not ``0..k-1`` with k >= 2 all used.
    """
    features, labels, fold, k = _check_folds(X, y, folds)
    strengths = as_float_array(lams, "lams", ndim=1)
    for value in strengths:
        check_lam(float(value))
    cost = np.empty((strengths.size, k))
    accuracy = np.empty((strengths.size, k))
    for f in range(k):  # a loop over folds ...
        held = fold == f
        for j, lam in enumerate(strengths):  # ... and strengths; the maths inside is vectorised
            theta, (_, A_held), _ = fit_standardised(features[~held], labels[~held], float(lam), features[held])
            cost[j, f] = logistic.cost(theta, A_held, labels[held])
            accuracy[j, f] = np.mean(logistic.predict(theta, A_held) == labels[held])
    return cost, accuracy


def out_of_fold_probabilities(X: ArrayLike, y: ArrayLike, lam: float, folds: ArrayLike) -> np.ndarray:
    """Each sample's predicted probability from the model fitted on the other folds.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. Every sample is predicted once, by
    a model that did not see it (standardised and fitted as in :func:`cross_validate`): held-out
    predictions for the whole training set, for a reliability diagram with more samples per
    bin than the test set alone.

    Parameters
    ----------
    X : array_like, shape (m, d)
        Raw features, without the intercept column.
    y : array_like, shape (m,)
        Labels 0 or 1.
    lam : float
        L2 strength >= 0.
    folds : array_like of int, shape (m,)
        Fold of each sample, ``0..k-1`` (:func:`stratified_folds`).

    Returns
    -------
    numpy.ndarray, shape (m,)

    Raises
    ------
    ValueError
        As :func:`cross_validate`.
    """
    features, labels, fold, k = _check_folds(X, y, folds)
    strength = check_lam(lam)
    out = np.empty(labels.size)
    for f in range(k):  # a loop over folds, not samples
        held = fold == f
        theta, (_, A_held), _ = fit_standardised(features[~held], labels[~held], strength, features[held])
        out[held] = logistic.predict_proba(theta, A_held)
    return out


def _check_folds(X: ArrayLike, y: ArrayLike, folds: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    features = as_float_array(X, "X", ndim=2)
    labels = check_binary_labels(y)
    check_matching_rows(features, labels)
    fold = np.asarray(folds)
    if fold.shape != labels.shape or fold.dtype.kind not in "iu":
        raise ValueError(f"folds must be integers, one per sample (shape {labels.shape}); got {describe(folds)}")
    k = int(fold.max()) + 1 if fold.size else 0
    if k < 2 or fold.min() < 0 or np.bincount(fold, minlength=k).min() == 0:
        raise ValueError(f"folds must number the folds 0..k-1 with k >= 2 and none empty; got {np.unique(fold)}")
    return features, labels, fold.astype(np.int64), k


def choose_lambda(lams: ArrayLike, fold_costs: ArrayLike) -> tuple[float, float]:
    r"""The λ with the lowest mean held-out cost, and the largest λ within one standard error of it.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. With fold costs :math:`c_{jf}`,
    mean :math:`\bar c_j` and standard error :math:`s_j = \mathrm{sd}_f(c_{jf})/\sqrt{k}`
    (sample standard deviation), the minimum is :math:`j^* = \arg\min_j \bar c_j` and the
    *one-standard-error rule* picks the largest λ with :math:`\bar c_j \le \bar c_{j^*} + s_{j^*}`:
    the simplest model whose cost cannot be told apart from the best one's on these folds.

    Parameters
    ----------
    lams : array_like, shape (L,)
        Increasing L2 strengths.
    fold_costs : array_like, shape (L, k)
        Held-out cost per λ and fold (:func:`cross_validate`), k >= 2.

    Returns
    -------
    lam_min, lam_1se : float

    Raises
    ------
    ValueError
        If the shapes do not match, ``lams`` is not increasing, or there are fewer than two folds.

    Examples
    --------
    >>> choose_lambda([0.1, 1.0, 10.0], [[0.30, 0.34], [0.27, 0.33], [0.31, 0.33]])
    (1.0, 10.0)
    """
    strengths = as_float_array(lams, "lams", ndim=1)
    costs = as_float_array(fold_costs, "fold_costs", ndim=2)
    if costs.shape[0] != strengths.size or costs.shape[1] < 2:
        raise ValueError(
            f"fold_costs must have shape ({strengths.size}, k) with k >= 2 folds; got {costs.shape}"
        )
    if (np.diff(strengths) <= 0).any():
        raise ValueError(f"lams must be increasing; got {strengths}")
    mean = costs.mean(axis=1)
    se = costs.std(axis=1, ddof=1) / np.sqrt(costs.shape[1])
    best = int(np.argmin(mean))
    within = np.flatnonzero(mean <= mean[best] + se[best])
    return float(strengths[best]), float(strengths[within.max()])
