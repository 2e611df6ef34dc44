"""The static figures of ``notebooks/11_evaluation.ipynb``: ROC curves, the cost of errors, class imbalance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import metrics
from ..._validate import as_float_array, check_binary_labels, check_matching_rows
from ..style import PALETTE, course_style, new_figure, style_axes

__all__ = ["plot_expected_cost", "plot_imbalance", "plot_roc_curves"]

_LINE_COLOURS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["purple"])
_LINE_STYLES = ("-", "--", "-.", ":")


def _pair(y: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    labels = check_binary_labels(y)
    values = as_float_array(scores, "scores", ndim=1)
    check_matching_rows(labels, values, "y", "scores")
    return labels, values


def _axes(ax: Axes | None, width: float = 6.2, height: float = 5.2) -> tuple[Figure, Axes]:
    if ax is None:
        fig, ax = new_figure(width=width, height=height)
        return fig, ax
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    return figure, ax


def plot_roc_curves(
    curves: Mapping[str, tuple[ArrayLike, ArrayLike]], ax: Axes | None = None, title: str | None = None
) -> Figure:
    """ROC curves, one per labelled (labels, scores) pair, each with its AUC in the legend.

    Introduced in ``notebooks/11_evaluation.ipynb``.

    Parameters
    ----------
    curves : mapping of str to (y, scores)
        Labels 0/1 (both present) and scores of shape (m,) for each curve, at most four.
    ax : matplotlib.axes.Axes, optional
        Draw here; a new figure by default.
    title : str, optional
        The lesson the figure states.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On bad labels or scores, or more than four curves.
    """
    if not 1 <= len(curves) <= len(_LINE_COLOURS):
        raise ValueError(f"curves must hold 1 to {len(_LINE_COLOURS)} (y, scores) pairs; got {len(curves)}")
    fig, ax = _axes(ax, width=6.4, height=5.4)
    with course_style():
        ax.plot([0, 1], [0, 1], color=PALETTE["grey"], linestyle=":", linewidth=1.8, label="chance (AUC 0.500)")
        for k, (name, (y, scores)) in enumerate(curves.items()):
            labels, values = _pair(y, scores)
            fpr, tpr, _ = metrics.roc_curve(labels, values)
            auc = metrics.roc_auc(labels, values)
            ax.plot(fpr, tpr, color=_LINE_COLOURS[k], linestyle=_LINE_STYLES[k], label=f"{name} (AUC {auc:.3f})")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.set_aspect("equal")
        ax.set_xlabel("false-positive rate FP/(FP+TN)")
        ax.set_ylabel("true-positive rate (recall)")
        ax.legend(loc="lower right", fontsize=11)
        ax.set_title(title or "ROC curves", fontsize=14)
    style_axes(ax)
    return fig


def plot_expected_cost(
    y: ArrayLike, probabilities: ArrayLike, cost_ratios: Sequence[float], ax: Axes | None = None
) -> Figure:
    """Mean cost of the errors per patient against the threshold, for several costs of a missed case.

    Introduced in ``notebooks/11_evaluation.ipynb``. A false alarm costs 1; a missed
    positive costs each of ``cost_ratios``. Each curve is marked at its lowest point (the
    best threshold on these data) and at :math:`1/(1 + c_{FN})`, the best threshold for a
    calibrated model (:func:`helpers.metrics.cost_threshold`).

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1.
    probabilities : array_like, shape (m,)
        Predicted P(y = 1).
    cost_ratios : sequence of float
        Costs of a false negative in units of a false positive's, at most four, each > 0.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On bad labels or probabilities, or a cost ratio that is not positive.
    """
    labels, values = _pair(y, probabilities)
    ratios = as_float_array(cost_ratios, "cost_ratios", ndim=1)
    if not 1 <= ratios.size <= len(_LINE_COLOURS) or (ratios <= 0).any():
        raise ValueError(f"cost_ratios must hold 1 to {len(_LINE_COLOURS)} positive numbers; got {ratios}")
    thresholds = np.linspace(0.005, 0.995, 199)
    fig, ax = _axes(ax, width=11.5, height=4.8)
    top = 0.0
    with course_style():
        for k, ratio in enumerate(ratios):
            cost = metrics.expected_cost(labels, values, thresholds, cost_fn=float(ratio), cost_fp=1.0)
            colour = _LINE_COLOURS[k]
            ax.plot(thresholds, cost, color=colour, linestyle=_LINE_STYLES[k],
                    label=f"a miss costs {ratio:g} × a false alarm")
            best = int(np.argmin(cost))
            ax.plot([thresholds[best]], [cost[best]], marker="o", markersize=9, color=colour,
                    markeredgecolor="black", linestyle="none")
            ax.axvline(metrics.cost_threshold(float(ratio), 1.0), color=colour, linestyle=":", linewidth=1.6)
            top = max(top, float(cost[np.searchsorted(thresholds, 0.5)]))
        ax.plot([], [], color=PALETTE["black"], marker="o", linestyle="none", label="lowest cost on these data")
        ax.plot([], [], color=PALETTE["black"], linestyle=":", linewidth=1.6, label="t* = 1/(1 + c_FN)")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.6 * top if top > 0 else 1.0)
        ax.set_xlabel("threshold t on P(malignant)")
        ax.set_ylabel("mean cost per patient\n(in false alarms)")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=11)
        ax.set_title("The costlier a miss, the lower the best threshold", fontsize=14)
    style_axes(ax)
    return fig


def plot_imbalance(y: ArrayLike, scores: ArrayLike, prevalences: Sequence[float]) -> Figure:
    """The same classifier in populations where the positives are ever rarer: ROC against precision-recall.

    Introduced in ``notebooks/11_evaluation.ipynb``. The rates TPR and FPR are measured once
    on (``y``, ``scores``); at prevalence π the precision is
    :func:`helpers.metrics.precision_at_prevalence`. The ROC curve does not depend on π, so
    one curve stands for all; the precision-recall curve falls with π, towards the
    horizontal line at π that a classifier without skill reaches.

    Parameters
    ----------
    y, scores : array_like, shape (m,)
        Labels 0/1 (both present) and scores.
    prevalences : sequence of float
        Shares of positives, at most four, each strictly between 0 and 1.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On bad labels or scores, or a prevalence outside (0, 1).
    """
    labels, values = _pair(y, scores)
    shares = as_float_array(prevalences, "prevalences", ndim=1)
    if not 1 <= shares.size <= len(_LINE_COLOURS) or ((shares <= 0) | (shares >= 1)).any():
        raise ValueError(f"prevalences must hold 1 to {len(_LINE_COLOURS)} shares in (0, 1); got {shares}")
    fpr, tpr, _ = metrics.roc_curve(labels, values)
    fig, (ax_roc, ax_pr) = new_figure(1, 2, width=12.0, height=5.2)
    with course_style():
        ax_roc.plot([0, 1], [0, 1], color=PALETTE["grey"], linestyle=":", linewidth=1.8)
        ax_roc.plot(fpr, tpr, color=PALETTE["blue"],
                    label=f"every prevalence (AUC {metrics.roc_auc(labels, values):.3f})")
        ax_roc.set_xlim(-0.02, 1.02)
        ax_roc.set_ylim(-0.02, 1.02)
        ax_roc.set_xlabel("false-positive rate")
        ax_roc.set_ylabel("recall (true-positive rate)")
        ax_roc.legend(loc="lower right", fontsize=11)
        ax_roc.set_title("ROC: the same curve at any prevalence", fontsize=13)
        handles: list[Any] = []
        for k, share in enumerate(shares):
            precision = metrics.precision_at_prevalence(tpr[1:], fpr[1:], float(share))
            colour = _LINE_COLOURS[k]
            handles += ax_pr.plot(tpr[1:], precision, color=colour, linestyle=_LINE_STYLES[k],
                                  label=f"{100 * share:.3g} % malignant")
            ax_pr.axhline(float(share), color=colour, linestyle=":", linewidth=1.4)
        ax_pr.set_xlim(-0.02, 1.02)
        ax_pr.set_ylim(0, 1.05)
        ax_pr.set_xlabel("recall")
        ax_pr.set_ylabel("precision")
        ax_pr.legend(handles=handles, loc="lower left", fontsize=11)
        ax_pr.set_title("Precision-recall: falls as the cases get rarer", fontsize=13)
        fig.suptitle("Rare positives: a fine ROC curve, and most alarms false (dotted: no skill)",
                     fontsize=15, fontweight="bold")
    style_axes(ax_roc)
    style_axes(ax_pr)
    return fig
