"""The static figures of ``notebooks/10_regularisation.ipynb`` beyond the ring data.

* :func:`plot_lambda_sweep`: accuracy and cost against the regularisation strength;
* :func:`plot_age_fits`: a raw and a binned age feature against the true risk;
* :func:`plot_weight_growth`: the weights' norm along Newton's iterations.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import features, optim
from ..._validate import as_float_array, check_binary_labels, check_matching_rows, describe
from ..style import (
    CLASS_MARKERS,
    PALETTE,
    course_style,
    log_axis,
    new_figure,
)

__all__ = ["plot_age_fits", "plot_lambda_sweep", "plot_weight_growth"]


def plot_lambda_sweep(
    lams: ArrayLike,
    acc_train: ArrayLike,
    acc_test: ArrayLike,
    cost_train: ArrayLike,
    cost_test: ArrayLike,
    best: int,
    degree: int,
) -> Figure:
    """Accuracy and cross-entropy against λ (log axis), training and held-out, best λ marked.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    Parameters
    ----------
    lams : array_like, shape (k,)
        Positive, increasing regularisation strengths.
    acc_train, acc_test : array_like, shape (k,)
        Accuracies in %.
    cost_train, cost_test : array_like, shape (k,)
        Unregularised cross-entropy in nats.
    best : int
        Index of the chosen λ.
    degree : int
        Polynomial degree of the models (for the title).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the arrays differ in length, a λ is not positive, or ``best`` is out of range.
    """
    grid = as_float_array(lams, "lams", ndim=1)
    curves = [as_float_array(c, name, ndim=1) for c, name in
              ((acc_train, "acc_train"), (acc_test, "acc_test"), (cost_train, "cost_train"), (cost_test, "cost_test"))]
    if any(c.shape != grid.shape for c in curves):
        raise ValueError(f"every curve must have the shape of lams, {grid.shape}; got {[c.shape for c in curves]}")
    if (grid <= 0).any():
        raise ValueError("lams must be positive (a log axis cannot show λ = 0); use a tiny value instead")
    if isinstance(best, bool) or not isinstance(best, Integral) or not 0 <= best < grid.size:
        raise ValueError(f"best must be an index from 0 to {grid.size - 1}; got {describe(best)}")
    fig, (ax_acc, ax_cost) = new_figure(1, 2, width=12.0, height=4.6)
    with course_style():
        for ax, (train, test), unit in (
            (ax_acc, curves[:2], "accuracy (%)"),
            (ax_cost, curves[2:], "cross-entropy J (nats)"),
        ):
            ax.plot(grid, train, color=PALETTE["blue"], marker="o", markersize=5, label="training set")
            ax.plot(grid, test, color=PALETTE["vermillion"], marker="s", markersize=5, linestyle="--",
                    label="held-out set")
            ax.axvline(grid[best], color=PALETTE["green"], linewidth=2, label=f"best λ = {grid[best]:.3g}")
            log_axis(ax.xaxis)  # ticks at the powers of ten, labelled 10⁻³, ... in plain text
            ax.set_xlabel("regularisation strength λ (log scale)")
            ax.set_ylabel(unit)
        log_axis(ax_cost.yaxis)
        ax_acc.annotate("over-fitting:\ntrain ≫ held out", xy=(grid[0], curves[1][0]), xytext=(0.04, 0.32),
                        textcoords="axes fraction", fontsize=12, color=PALETTE["vermillion"],
                        arrowprops={"arrowstyle": "->", "color": PALETTE["vermillion"]})
        ax_acc.annotate("under-fitting:\nboth drop", xy=(grid[-1], curves[1][-1]), xytext=(0.70, 0.80),
                        textcoords="axes fraction", fontsize=12, color=PALETTE["black"],
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        ax_acc.legend(loc="center left", bbox_to_anchor=(0.0, 0.62), fontsize=11)
        ax_acc.set_title(f"Degree {degree}: accuracy")
        ax_cost.set_title("Held-out cost is lowest in between")
        fig.suptitle("Too little λ over-fits, too much under-fits: the sweet spot is in between",
                     fontsize=15, fontweight="bold")
    return fig


def plot_age_fits(
    age: ArrayLike,
    y: ArrayLike,
    edges: ArrayLike,
    grid: ArrayLike,
    curves: Sequence[tuple[str, ArrayLike, str, str]],
    ax: Axes | None = None,
    title: str = "",
    legend_at: tuple[float, float] = (0.5, 0.74),
    legend_columns: int = 2,
) -> Figure:
    """Outcomes against age: data as a rug, observed rate per bin, and fitted probability curves.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    Parameters
    ----------
    age : array_like, shape (m,)
        Ages (years) of the training people.
    y : array_like, shape (m,)
        Outcomes 0 or 1.
    edges : array_like, shape (K - 1,)
        Inner bin edges, drawn as thin vertical lines; the observed rate of each bin is
        drawn as a short horizontal bar.
    grid : array_like, shape (g,)
        Ages at which the curves are evaluated.
    curves : sequence of (label, probabilities of shape (g,), colour, line style)
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    title : str
    legend_at : tuple of 2 float, default (0.5, 0.74)
        Centre of the legend, in axes fractions (put it where the curves are not).
    legend_columns : int, default 2

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On mismatched shapes or non-binary outcomes.
    """
    years = as_float_array(age, "age", ndim=1)
    outcomes = check_binary_labels(y)
    check_matching_rows(years, outcomes, "age", "y")
    cuts = as_float_array(edges, "edges", ndim=1)
    ages = as_float_array(grid, "grid", ndim=1)
    if ax is None:
        fig, ax = new_figure(width=9.0, height=4.8)
    else:
        fig = cast(Figure, ax.figure)
    with course_style():
        shown = years[years <= ages.max()]  # a typo far outside the axis is not drawn
        shown_y = outcomes[years <= ages.max()]
        ax.plot(shown, 0.02 + 0.96 * shown_y, linestyle="none", marker="|", markersize=10, alpha=0.35,
                color=PALETTE["grey"], label="people (0 / 1)")
        bins = features.bin_index(years, cuts)
        bounds = np.concatenate([[ages.min()], cuts, [ages.max()]])
        counts = np.bincount(bins, minlength=cuts.size + 1)
        rates = np.bincount(bins, weights=outcomes, minlength=cuts.size + 1) / np.maximum(counts, 1)
        for b in range(cuts.size + 1):
            ax.plot(bounds[b : b + 2], [rates[b], rates[b]], color=PALETTE["green"], linewidth=6, alpha=0.45,
                    solid_capstyle="butt", label="observed rate per bin" if b == 0 else None)
        for edge in cuts:
            ax.axvline(edge, color=PALETTE["grey"], linewidth=1, linestyle=":")
        for label, probs, colour, style in curves:
            values = as_float_array(probs, "probabilities", ndim=1)
            if values.shape != ages.shape:
                raise ValueError(f"each curve must have the shape of grid, {ages.shape}; got {values.shape}")
            ax.plot(ages, values, color=colour, linestyle=style, label=label)
        ax.set_xlim(ages.min(), ages.max())
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("age (years)")
        ax.set_ylabel("P(y = 1 | age)")
        if title:
            ax.set_title(title)
        ax.legend(loc="center", bbox_to_anchor=legend_at, fontsize=10, ncol=legend_columns, framealpha=0.95)
    return fig


def plot_weight_growth(runs: Sequence[tuple[str, optim.Trajectory, str]], ax: Axes | None = None) -> Figure:
    """Norm of the weights after each Newton iteration, one line per run.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    Parameters
    ----------
    runs : sequence of (label, Trajectory, colour)
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``runs`` is empty.
    """
    if not runs:
        raise ValueError("runs must hold at least one (label, Trajectory, colour); got none")
    if ax is None:
        fig, ax = new_figure(width=8.0, height=4.4)
    else:
        fig = cast(Figure, ax.figure)
    with course_style():
        for (label, trajectory, colour), marker in zip(runs, CLASS_MARKERS, strict=False):
            norms = np.linalg.norm(trajectory.path, axis=1)
            ax.plot(np.arange(norms.size), norms, color=colour, marker=marker, markersize=5, label=label)
        ax.set_xlabel("Newton iteration")
        ax.set_ylabel("weight norm ‖θ‖")
        ax.set_title("Separable data: without λ the weights never stop growing")
        ax.legend(loc="upper left")
    return fig

