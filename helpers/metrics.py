"""How good a classifier is: the confusion matrix, and the cost and accuracy along a training path.

A training run (:class:`helpers.optim.Trajectory`) keeps every iterate; the metrics of all
of them are computed afterwards, vectorised over the iterates: the scores of ``T`` iterates
are one matrix product ``X @ [W_0 | W_1 | ... | W_T]``, with no loop over samples.

Introduced in ``notebooks/08_softmax.ipynb``. The binary metrics of a score and a
threshold (counts, precision, recall, the ROC and precision-recall curves, the AUC) come from
``notebooks/11_evaluation.ipynb``; the reliability bins from ``notebooks/12_choosing_lambda.ipynb``.
Every one of them sorts the scores once and counts with ``searchsorted``: no loop over samples
or thresholds.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_float_array,
    check_binary_labels,
    check_class_count,
    check_class_labels,
    check_iterations,
    check_matching_rows,
    check_number,
    describe,
)
from .softmax import _stacked_cross_entropy, _stacked_scores_t

__all__ = [
    "binary_confusion",
    "confusion_matrix",
    "cost_threshold",
    "expected_cost",
    "path_metrics",
    "precision_at_prevalence",
    "precision_recall_curve",
    "rank_auc",
    "reliability_bins",
    "roc_auc",
    "roc_curve",
    "threshold_counts",
    "threshold_metrics",
    "wilson_interval",
]


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


# ---------------------------------------------------------------------------------------
# added for notebook 11: a binary classifier's score, a threshold, and the errors it makes
# ---------------------------------------------------------------------------------------
def _labels_and_scores(y: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    labels = check_binary_labels(y)
    values = as_float_array(scores, "scores", ndim=1)
    check_matching_rows(labels, values, "y", "scores")
    return labels, values


def _both_classes(labels: np.ndarray) -> None:
    positives = int(labels.sum())
    if positives == 0 or positives == labels.size:
        raise ValueError(
            f"y must hold both classes (some 0s and some 1s) for this curve; got {positives} of {labels.size} labels 1"
        )


def threshold_counts(
    y: ArrayLike, scores: ArrayLike, thresholds: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""True and false positives and negatives when "positive" means ``score >= threshold``.

    Introduced in ``notebooks/11_evaluation.ipynb``. With :math:`P` positives and :math:`N`
    negatives, :math:`TP(t) = \#\{i: y_i = 1, s_i \ge t\}`, :math:`FN = P - TP`,
    :math:`FP(t) = \#\{i: y_i = 0, s_i \ge t\}`, :math:`TN = N - FP`. The scores of each
    class are sorted once; each count is a ``searchsorted``, so ``T`` thresholds cost
    :math:`O((m + T)\log m)`.

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1.
    scores : array_like, shape (m,)
        Any score that grows with the belief in class 1: a probability or a log-odds.
    thresholds : array_like, shape (T,) or scalar

    Returns
    -------
    tp, fp, tn, fn : numpy.ndarray of int64, shape (T,) (shape () for a scalar threshold)
        ``tp + fp + tn + fn == m`` at every threshold.

    Raises
    ------
    ValueError
        If the labels are not 0/1, the lengths differ, or scores or thresholds are not finite
        (a threshold of ``±inf`` is allowed: everything or nothing is positive).

    Examples
    --------
    >>> [c.tolist() for c in threshold_counts([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], [0.5])]
    [[1], [1], [1], [1]]
    """
    labels, values = _labels_and_scores(y, scores)
    cuts = as_float_array(thresholds, "thresholds", ndim=(0, 1), finite=False)
    if np.isnan(cuts).any():
        raise ValueError("thresholds must be numbers (±inf allowed); got NaN")
    positive = np.sort(values[labels == 1])
    negative = np.sort(values[labels == 0])
    tp = positive.size - np.searchsorted(positive, cuts, side="left")
    fp = negative.size - np.searchsorted(negative, cuts, side="left")
    tp, fp = np.asarray(tp, dtype=np.int64), np.asarray(fp, dtype=np.int64)
    return tp, fp, negative.size - fp, positive.size - tp


def binary_confusion(y: ArrayLike, scores: ArrayLike, threshold: float) -> np.ndarray:
    """The 2 x 2 confusion matrix at one threshold, laid out as :func:`confusion_matrix`.

    Introduced in ``notebooks/11_evaluation.ipynb``. Row = true class, column = predicted
    class (1 when ``score >= threshold``): ``[[TN, FP], [FN, TP]]``.

    Parameters
    ----------
    y : array_like, shape (m,)
    scores : array_like, shape (m,)
    threshold : float

    Returns
    -------
    numpy.ndarray of int64, shape (2, 2)

    Raises
    ------
    ValueError
        As :func:`threshold_counts`.

    Examples
    --------
    >>> binary_confusion([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], 0.5)
    array([[1, 1],
           [1, 1]])
    """
    tp, fp, tn, fn = threshold_counts(y, scores, threshold)
    return np.array([[tn, fp], [fn, tp]], dtype=np.int64)


def threshold_metrics(y: ArrayLike, scores: ArrayLike, thresholds: ArrayLike) -> dict[str, np.ndarray]:
    r"""Accuracy, precision, recall, specificity and F1 at each threshold.

    Introduced in ``notebooks/11_evaluation.ipynb``.

    .. math::

        \text{precision} = \frac{TP}{TP + FP},\quad \text{recall} = \frac{TP}{TP + FN},\quad
        \text{specificity} = \frac{TN}{TN + FP},\quad F_1 = \frac{2\,TP}{2\,TP + FP + FN}.

    Where a ratio is 0/0 it is given the value its curve approaches: precision 1 when
    nothing is predicted positive (no false alarm was raised), recall 1 when there is no
    positive, specificity 1 when there is no negative, and F1 0 when ``TP = FP = FN = 0``.

    Parameters
    ----------
    y, scores : array_like, shape (m,)
    thresholds : array_like, shape (T,) or scalar

    Returns
    -------
    dict of str to numpy.ndarray, each of shape (T,)
        Keys ``"accuracy"``, ``"precision"``, ``"recall"``, ``"specificity"``, ``"f1"``,
        ``"fpr"`` (false-positive rate, 1 - specificity) and the counts ``"tp"``, ``"fp"``,
        ``"tn"``, ``"fn"``.

    Raises
    ------
    ValueError
        As :func:`threshold_counts`.

    Examples
    --------
    >>> out = threshold_metrics([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], [0.5])
    >>> float(out["precision"][0]), float(out["recall"][0]), float(out["f1"][0])
    (0.5, 0.5, 0.5)
    """
    tp, fp, tn, fn = (np.atleast_1d(c) for c in threshold_counts(y, scores, thresholds))

    def ratio(top: np.ndarray, bottom: np.ndarray, empty: float) -> np.ndarray:
        return np.divide(top, bottom, out=np.full(top.shape, empty), where=bottom > 0)

    specificity = ratio(tn, tn + fp, 1.0)
    return {
        "accuracy": (tp + tn) / (tp + fp + tn + fn),
        "precision": ratio(tp, tp + fp, 1.0),
        "recall": ratio(tp, tp + fn, 1.0),
        "specificity": specificity,
        "fpr": 1.0 - specificity,
        "f1": ratio(2 * tp, 2 * tp + fp + fn, 0.0),
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
    }


def roc_curve(y: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The ROC curve: true-positive rate against false-positive rate as the threshold falls.

    Introduced in ``notebooks/11_evaluation.ipynb``. One point per distinct score (the
    threshold set to it), plus the start (0, 0) with threshold :math:`+\infty`. Samples with
    equal scores change class together, so a tie between a positive and a negative is one
    diagonal step, not a staircase whose shape would depend on the order of the samples.

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1, both present.
    scores : array_like, shape (m,)

    Returns
    -------
    fpr, tpr : numpy.ndarray, shape (d + 1,)
        Rates from (0, 0) to (1, 1); ``d`` distinct scores.
    thresholds : numpy.ndarray, shape (d + 1,)
        ``inf`` then the distinct scores, falling.

    Raises
    ------
    ValueError
        If the labels are not 0/1 or hold one class only, or the inputs do not match.

    Examples
    --------
    >>> fpr, tpr, _ = roc_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    >>> fpr.tolist(), tpr.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0])
    """
    labels, values = _labels_and_scores(y, scores)
    _both_classes(labels)
    thresholds = np.concatenate([[np.inf], np.unique(values)[::-1]])
    tp, fp, tn, fn = threshold_counts(labels, values, thresholds)
    return fp / (fp + tn), tp / (tp + fn), thresholds


def precision_recall_curve(y: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision against recall at every distinct score taken as the threshold, falling.

    Introduced in ``notebooks/11_evaluation.ipynb``. Unlike the ROC curve it does not start
    from a fixed point: at the highest threshold the precision is that of the top-scored
    samples. No point for threshold ``+inf`` (0/0 precision).

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1, both present.
    scores : array_like, shape (m,)

    Returns
    -------
    recall, precision : numpy.ndarray, shape (d,)
    thresholds : numpy.ndarray, shape (d,)
        The distinct scores, falling.

    Raises
    ------
    ValueError
        As :func:`roc_curve`.

    Examples
    --------
    >>> recall, precision, _ = precision_recall_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    >>> recall.tolist(), precision.round(3).tolist()
    ([0.5, 0.5, 1.0, 1.0], [1.0, 0.5, 0.667, 0.5])
    """
    labels, values = _labels_and_scores(y, scores)
    _both_classes(labels)
    thresholds = np.unique(values)[::-1]
    tp, fp, _, fn = threshold_counts(labels, values, thresholds)
    return tp / (tp + fn), tp / (tp + fp), thresholds


def roc_auc(y: ArrayLike, scores: ArrayLike) -> float:
    """Area under the ROC curve by the trapezoid rule over :func:`roc_curve`.

    Introduced in ``notebooks/11_evaluation.ipynb``. Equal to :func:`rank_auc` (a theorem
    the notebook checks), 0.5 for scores that carry no information, 1 when every positive
    scores above every negative.

    Parameters
    ----------
    y, scores : array_like, shape (m,)
        Labels 0 or 1 (both present) and scores.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        As :func:`roc_curve`.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    0.75
    """
    fpr, tpr, _ = roc_curve(y, scores)
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def rank_auc(y: ArrayLike, scores: ArrayLike) -> float:
    r"""The probability that a random positive outscores a random negative, ties counting one half.

    Introduced in ``notebooks/11_evaluation.ipynb``. With midranks :math:`r_i` of the scores
    (tied scores share the mean of their ranks, 1 = lowest),

    .. math::

        \text{AUC} = \frac{1}{PN}\sum_{i: y_i = 1}\sum_{k: y_k = 0}
        \Big(\mathbb 1[s_i > s_k] + \tfrac12\mathbb 1[s_i = s_k]\Big)
        = \frac{\sum_{i: y_i = 1} r_i - P(P + 1)/2}{PN}

    (the Mann-Whitney U statistic over :math:`PN`), computed without forming the
    :math:`P \times N` pairs.

    Parameters
    ----------
    y, scores : array_like, shape (m,)
        Labels 0 or 1 (both present) and scores.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the labels are not 0/1 or hold one class only, or the inputs do not match.

    Examples
    --------
    >>> rank_auc([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    0.75
    >>> rank_auc([0, 1], [0.5, 0.5])  # a tie: half a win
    0.5
    """
    labels, values = _labels_and_scores(y, scores)
    _both_classes(labels)
    _distinct, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    below = np.cumsum(counts) - counts  # samples strictly below each distinct score
    midrank = below + (counts + 1) / 2.0
    positives = labels == 1
    p, n = int(positives.sum()), int((~positives).sum())
    return float((midrank[inverse.ravel()][positives].sum() - p * (p + 1) / 2) / (p * n))


def expected_cost(
    y: ArrayLike, scores: ArrayLike, thresholds: ArrayLike, cost_fn: float, cost_fp: float
) -> np.ndarray:
    r"""Mean cost per sample of the errors at each threshold: :math:`(c_{FN}\,FN + c_{FP}\,FP)/m`.

    Introduced in ``notebooks/11_evaluation.ipynb``. Correct decisions cost nothing; a missed
    positive costs ``cost_fn``, a false alarm ``cost_fp`` (in any one unit).

    Parameters
    ----------
    y, scores : array_like, shape (m,)
    thresholds : array_like, shape (T,)
    cost_fn, cost_fp : float
        Costs of a false negative and of a false positive, each >= 0.

    Returns
    -------
    numpy.ndarray, shape (T,)

    Raises
    ------
    ValueError
        As :func:`threshold_counts`, or on a negative or non-finite cost.

    Examples
    --------
    >>> expected_cost([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], [0.5], cost_fn=10.0, cost_fp=1.0)
    array([2.75])
    """
    fn_cost, fp_cost = (_check_cost(c, name) for c, name in ((cost_fn, "cost_fn"), (cost_fp, "cost_fp")))
    tp, fp, tn, fn = (np.atleast_1d(c) for c in threshold_counts(y, scores, thresholds))
    return (fn_cost * fn + fp_cost * fp) / (tp + fp + tn + fn)


def _check_cost(value: object, name: str) -> float:
    cost = check_number(value, name)
    if cost < 0:
        raise ValueError(f"{name} must be >= 0; got {cost!r}")
    return cost


def cost_threshold(cost_fn: float, cost_fp: float) -> float:
    r"""The threshold on a calibrated probability that minimises the expected cost: :math:`c_{FP}/(c_{FP}+c_{FN})`.

    Introduced in ``notebooks/11_evaluation.ipynb``. Calling a sample positive costs
    :math:`(1-p)\,c_{FP}` on average, calling it negative :math:`p\,c_{FN}`; the first is
    smaller exactly when :math:`p > c_{FP}/(c_{FP}+c_{FN})`. It holds only if :math:`p` is
    the true probability (a calibrated model, ``notebooks/12_choosing_lambda.ipynb``).

    Parameters
    ----------
    cost_fn, cost_fp : float
        Costs of a false negative and of a false positive, >= 0, not both 0.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        On a negative or non-finite cost, or both costs 0.

    Examples
    --------
    >>> cost_threshold(cost_fn=9.0, cost_fp=1.0)
    0.1
    """
    fn_cost, fp_cost = _check_cost(cost_fn, "cost_fn"), _check_cost(cost_fp, "cost_fp")
    if fn_cost + fp_cost == 0:
        raise ValueError("cost_fn and cost_fp cannot both be 0")
    return fp_cost / (fp_cost + fn_cost)


def precision_at_prevalence(tpr: ArrayLike, fpr: ArrayLike, prevalence: float) -> np.ndarray:
    r"""The precision a classifier with these rates has where a share ``prevalence`` of the cases is positive.

    Introduced in ``notebooks/11_evaluation.ipynb``. The rates are properties of the
    classifier on each class; the mix of classes is a property of the population. Per
    case, true positives are :math:`\pi\,\text{TPR}` and false positives
    :math:`(1-\pi)\,\text{FPR}`, so

    .. math:: \text{precision} = \frac{\pi\,\text{TPR}}{\pi\,\text{TPR} + (1-\pi)\,\text{FPR}} .

    Where both are 0 (nothing called positive) the precision is 1, as in :func:`threshold_metrics`.

    Parameters
    ----------
    tpr, fpr : array_like, shape (T,)
        Rates in [0, 1] (for example from :func:`roc_curve`).
    prevalence : float
        :math:`\pi`, strictly between 0 and 1.

    Returns
    -------
    numpy.ndarray, shape (T,)

    Raises
    ------
    ValueError
        If the rates are outside [0, 1] or differ in shape, or ``prevalence`` is not in (0, 1).

    Examples
    --------
    >>> precision_at_prevalence([0.9], [0.05], 0.05).round(3)  # a good test, a rare disease
    array([0.486])
    """
    t = as_float_array(tpr, "tpr", ndim=(0, 1))
    f = as_float_array(fpr, "fpr", ndim=(0, 1))
    if t.shape != f.shape or ((t < 0) | (t > 1) | (f < 0) | (f > 1)).any():
        raise ValueError(f"tpr and fpr must be rates in [0, 1] of the same shape; got shapes {t.shape} and {f.shape}")
    share = check_number(prevalence, "prevalence")
    if not 0 < share < 1:
        raise ValueError(f"prevalence must lie strictly between 0 and 1; got {share!r}")
    top = share * t
    bottom = top + (1 - share) * f
    return np.divide(top, bottom, out=np.ones(np.shape(top)), where=bottom > 0)


# ---------------------------------------------------------------------------------------
# added for notebook 12: calibration
# ---------------------------------------------------------------------------------------
def reliability_bins(
    y: ArrayLike, probabilities: ArrayLike, n_bins: int = 10
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The reliability diagram's numbers: in each probability bin, the mean prediction and the observed rate.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. The interval [0, 1] is cut into
    ``n_bins`` equal bins :math:`[k/B, (k+1)/B)` (the last one closed). For the samples
    :math:`S_k` in bin :math:`k`,

    .. math::

        \bar p_k = \frac{1}{|S_k|}\sum_{i\in S_k} p_i, \qquad
        \bar y_k = \frac{1}{|S_k|}\sum_{i\in S_k} y_i .

    A calibrated model has :math:`\bar y_k \approx \bar p_k` in every bin (the diagonal).
    Empty bins get NaN means and count 0 (plot only the bins with samples).

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1.
    probabilities : array_like, shape (m,)
        Predicted :math:`P(y = 1)`, each in [0, 1].
    n_bins : int, default 10

    Returns
    -------
    mean_predicted, observed, counts : numpy.ndarray, shape (n_bins,)
        :math:`\bar p_k`, :math:`\bar y_k` and :math:`|S_k|` (int64).

    Raises
    ------
    ValueError
        If the labels are not 0/1, a probability is outside [0, 1], the lengths differ or
        ``n_bins`` is not a positive integer.

    Examples
    --------
    >>> p_bar, y_bar, counts = reliability_bins([0, 1, 1, 0], [0.1, 0.2, 0.8, 1.0], 2)
    >>> p_bar.round(2).tolist(), y_bar.tolist(), counts.tolist()
    ([0.15, 0.9], [0.5, 0.5], [2, 2])
    """
    labels, values = _labels_and_scores(y, probabilities)
    if ((values < 0) | (values > 1)).any():
        bad = values[(values < 0) | (values > 1)][0]
        raise ValueError(f"probabilities must lie in [0, 1]; got {bad:g}")
    bins = check_iterations(n_bins, "n_bins")
    index = np.minimum((values * bins).astype(np.int64), bins - 1)
    counts = np.bincount(index, minlength=bins)
    sums_p = np.bincount(index, weights=values, minlength=bins)
    sums_y = np.bincount(index, weights=labels, minlength=bins)
    filled = counts > 0
    mean_p = np.divide(sums_p, counts, out=np.full(bins, np.nan), where=filled)
    mean_y = np.divide(sums_y, counts, out=np.full(bins, np.nan), where=filled)
    return mean_p, mean_y, counts.astype(np.int64)


def wilson_interval(successes: ArrayLike, trials: ArrayLike, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    r"""Wilson's confidence interval for a share of successes: how far a bin's observed rate may be from the truth.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. With :math:`\hat q = k/n`,

    .. math::

        \frac{\hat q + \frac{z^2}{2n} \pm \frac{z}{n}\sqrt{n\hat q(1-\hat q) + \frac{z^2}{4}}}{1 + \frac{z^2}{n}},

    which stays inside [0, 1] and, unlike :math:`\hat q \pm z\sqrt{\hat q(1-\hat q)/n}`, does not
    shrink to a point when :math:`k = 0` or :math:`k = n`. ``z = 1.96`` gives about 95 %
    coverage. Where ``n = 0`` both ends are NaN.

    Parameters
    ----------
    successes, trials : array_like, same shape
        :math:`k` and :math:`n`, with :math:`0 \le k \le n` (bin counts times observed shares).
    z : float, default 1.96
        Normal quantile, > 0.

    Returns
    -------
    low, high : numpy.ndarray

    Raises
    ------
    ValueError
        If the shapes differ, a count is negative, ``successes > trials`` or ``z`` is not positive.

    Examples
    --------
    >>> low, high = wilson_interval([0, 5], [10, 10])
    >>> low.round(3).tolist(), high.round(3).tolist()
    ([0.0, 0.237], [0.278, 0.763])
    """
    k = as_float_array(successes, "successes", ndim=(0, 1))
    n = as_float_array(trials, "trials", ndim=(0, 1))
    quantile = check_number(z, "z")
    if k.shape != n.shape or (k < 0).any() or (k > n + 1e-9 * np.maximum(n, 1)).any() or quantile <= 0:
        raise ValueError(
            f"need 0 <= successes <= trials of the same shape and z > 0; got shapes {k.shape}, {n.shape} and z={z!r}"
        )
    filled = n > 0
    safe_n = np.where(filled, n, 1.0)
    share = np.clip(k / safe_n, 0.0, 1.0)
    z2 = quantile**2
    centre = (share + z2 / (2 * safe_n)) / (1 + z2 / safe_n)
    half = quantile / safe_n * np.sqrt(safe_n * share * (1 - share) + z2 / 4) / (1 + z2 / safe_n)
    low = np.where(filled, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(filled, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high
