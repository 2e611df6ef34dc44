"""How good a classifier is: the confusion matrix, and the cost and accuracy along a training path.

A training run (:class:`helpers.optim.Trajectory`) keeps every iterate; the metrics of all
of them are computed afterwards, vectorised over the iterates: the scores of ``T`` iterates
are one matrix product ``X @ [W_0 | W_1 | ... | W_T]``, with no loop over samples.

Introduced in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_float_array,
    check_class_count,
    check_class_labels,
    check_iterations,
    check_matching_rows,
    describe,
)
from .softmax import _stacked_cross_entropy, _stacked_scores_t

__all__ = ["confusion_matrix", "path_metrics"]


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, k: int) -> np.ndarray:
    """Count how often each true class was predicted as each class.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    y_true, y_pred : array_like of int, shape (m,)
        True and predicted labels in ``0..k-1``.
    k : int
        Number of classes (>= 2).

    Returns
    -------
    numpy.ndarray of int64, shape (k, k)
        Entry ``[i, j]`` counts the samples of class ``i`` predicted as ``j``; the diagonal
        holds the correct predictions, and the whole matrix sums to ``m``.

    Raises
    ------
    ValueError
        If ``k`` is not an integer >= 2, a label is outside ``0..k-1`` or the lengths differ.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 2, 1, 2], 3)
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    classes = check_class_count(k)
    truth = check_class_labels(y_true, classes, "y_true")
    guess = check_class_labels(y_pred, classes, "y_pred")
    check_matching_rows(truth, guess, "y_true", "y_pred")
    return np.bincount(truth * classes + guess, minlength=classes * classes).reshape(classes, classes)


def path_metrics(
    X: ArrayLike, y: ArrayLike, path: ArrayLike, chunk: int = 64, with_cost: bool = True
) -> tuple[np.ndarray | None, np.ndarray]:
    r"""Mean cross-entropy and accuracy of every iterate of a softmax-regression path.

    Introduced in ``notebooks/08_softmax.ipynb``. For iterate :math:`W_t` the cost
    is :math:`-\frac{1}{m}\sum_i \ln p_{i, y_i}` (log-softmax of the scores, no penalty: the
    data term of :func:`helpers.softmax.cost`) and the accuracy the share of samples whose
    highest score is their label (ties go to the first class, as ``argmax`` decides). The
    scores of all iterates are one matrix product ``X @ [W_0 | W_1 | ...]``, done in blocks
    of ``chunk`` iterates to bound the memory (``m * chunk * K`` numbers); no loop over samples.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix (with the intercept column): the training samples, or held-out ones.
    y : array_like of int, shape (m,)
        Labels in ``0..K-1``.
    path : array_like, shape (T, n, K)
        Iterates, for example ``Trajectory.path`` of a softmax fit.
    chunk : int, default 64
        Iterates per block.
    with_cost : bool, default True
        Whether to compute the cost too (skip it when the trajectory already holds it).

    Returns
    -------
    cost : numpy.ndarray, shape (T,), or None
        Unregularised mean cross-entropy (nats) at each iterate; ``None`` if not ``with_cost``.
        Where an iterate's scores overflow the float range the cost is not finite (no warning).
    accuracy : numpy.ndarray, shape (T,)
        Share of samples whose highest score is their label.

    Raises
    ------
    ValueError
        If the shapes do not match, the data or the path are not finite, a label is outside
        ``0..K-1``, or ``chunk`` is not a positive integer.

    Examples
    --------
    >>> X = np.array([[1.0, 2.0], [1.0, -1.0]])
    >>> path = np.array([np.zeros((2, 2)), [[0.0, 0.0], [-1.0, 1.0]]])  # W_0 = 0, then W_1
    >>> cost, accuracy = path_metrics(X, [0, 0], path)
    >>> cost.round(4).tolist(), accuracy.tolist()  # ln 2 at W = 0 (a tie: class 0 wins)
    ([0.6931, 2.0725], [1.0, 0.5])
    """
    design = as_float_array(X, "X", ndim=2)
    steps = as_float_array(path, "path", ndim=3)
    labels = check_class_labels(y, steps.shape[2])
    check_matching_rows(design, labels)
    if steps.shape[1] != design.shape[1]:
        raise ValueError(f"path must have shape (T, {design.shape[1]}, K) to match X; got {steps.shape}")
    block = check_iterations(chunk, "chunk")
    if not isinstance(with_cost, bool):
        raise ValueError(f"with_cost must be True or False; got {describe(with_cost)}")
    n_steps = steps.shape[0]
    cost = np.empty(n_steps) if with_cost else None
    accuracy = np.empty(n_steps)
    with np.errstate(over="ignore", invalid="ignore"):  # scores beyond the float range: a cost of inf or nan
        for start in range(0, n_steps, block):  # a loop over blocks of iterates, not samples
            stop = min(start + block, n_steps)
            scores = _stacked_scores_t(steps[start:stop], design)  # (t, K, m)
            accuracy[start:stop] = (scores.argmax(axis=1) == labels).mean(axis=1)
            if cost is not None:
                cost[start:stop] = _stacked_cross_entropy(scores, labels)  # overwrites the scores
    return cost, accuracy
