"""The static figures of ``notebooks/01_sigmoid.ipynb``.

* :func:`threshold_shift_figure` -- least squares on 0/1 labels, before and after one far point.
* :func:`odds_figure` -- probability -> odds -> log-odds, and back through the sigmoid.

Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..._validate import as_float_array, check_binary_labels, check_matching_rows, check_number, describe
from ...sigmoid import sigmoid
from ..style import PALETTE, course_style, new_figure, scatter_classes

__all__ = ["odds_figure", "threshold_shift_figure"]


def threshold_shift_figure(
    x: ArrayLike,
    y: ArrayLike,
    coef_before: ArrayLike,
    coef_after: ArrayLike,
    x_far: float,
    *,
    x_label: str = "hours studied (h)",
    class_names: tuple[str, str] = ("failed (y = 0)", "passed (y = 1)"),
) -> Figure:
    """Two panels: a least-squares line on 0/1 labels, and the same after one far point.

    Introduced in ``notebooks/01_sigmoid.ipynb``. The left panel shows the fit
    ``ŷ = θ0 + θ1 x`` leaving [0, 1] and its threshold (where ``ŷ = 0.5``); the right panel
    shows the refit after adding one sample at ``x_far`` with label 1 (drawn as an
    arrow at the edge, since it lies far to the right), the old and new thresholds, and a
    ring around every original sample that the refit now gets wrong.

    Parameters
    ----------
    x : array_like, shape (m,)
        The feature of the original samples.
    y : array_like, shape (m,)
        Their labels, 0 or 1.
    coef_before : array_like, shape (2,)
        ``(θ0, θ1)`` fitted to ``(x, y)``; ``θ1`` must not be 0.
    coef_after : array_like, shape (2,)
        ``(θ0, θ1)`` fitted after adding ``(x_far, 1)``; ``θ1`` must not be 0.
    x_far : float
        Where the added sample lies.
    x_label : str
        Label of the horizontal axis, with units.
    class_names : (str, str)
        Legend entries of class 0 and class 1.

    Returns
    -------
    matplotlib.figure.Figure
        12 x 4.8 inches, two axes.

    Raises
    ------
    ValueError
        On arrays of the wrong shape, non-binary labels, or a zero slope.
    """
    xs = as_float_array(x, "x", ndim=1)
    labels = check_binary_labels(y)
    check_matching_rows(xs, labels, "x", "y")
    before = as_float_array(coef_before, "coef_before", ndim=1)
    after = as_float_array(coef_after, "coef_after", ndim=1)
    for name, coef in (("coef_before", before), ("coef_after", after)):
        if coef.shape != (2,) or coef[1] == 0:
            raise ValueError(f"{name} must be (intercept, slope) with a non-zero slope; got {describe(coef)}")
    far = check_number(x_far, "x_far")
    x_low, x_high = float(xs.min()) - 0.7, float(xs.max()) + 1.3
    grid = np.array([x_low, x_high])
    threshold_before = (0.5 - before[0]) / before[1]
    threshold_after = (0.5 - after[0]) / after[1]
    wrong_before = ((before[0] + before[1] * xs) >= 0.5) != labels
    wrong_after = ((after[0] + after[1] * xs) >= 0.5) != labels
    newly_wrong = wrong_after & ~wrong_before

    fig, axes = new_figure(1, 2, width=12, height=4.8, sharey=True)
    with course_style():
        panels = (
            (axes[0], before, threshold_before, "Least squares: outputs leave [0, 1]"),
            (axes[1], after, threshold_after, "One far, obvious pass moves the threshold"),
        )
        for ax, coef, threshold, title in panels:
            ax.axhspan(1.0, 1.6, color=PALETTE["grey"], alpha=0.15, lw=0)
            ax.axhspan(-0.6, 0.0, color=PALETTE["grey"], alpha=0.15, lw=0)
            ax.text(x_low + 0.15, 1.42, "ŷ > 1: not a probability", fontsize=11, color="0.3", va="center")
            ax.text(x_low + 0.15, -0.42, "ŷ < 0: not a probability", fontsize=11, color="0.3", va="center")
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            ax.plot(grid, coef[0] + coef[1] * grid, color=PALETTE["green"], label="least-squares line ŷ = θ₀ + θ₁x")
            ax.axvline(threshold, color=PALETTE["vermillion"], ls="--", lw=2, label="threshold: ŷ = 0.5")
            ax.text(threshold + 0.12, 0.2, f"{threshold:.2f} h", color=PALETTE["vermillion"], fontsize=12,
                    fontweight="bold")
            scatter_classes(ax, np.column_stack([xs, labels]), labels, class_names, size=70, linewidth=0.8, zorder=4)
            ax.set_title(title)
            ax.set_xlabel(x_label)
            ax.set_xlim(x_low, x_high)
        axes[0].set_ylim(-0.6, 1.6)
        axes[0].set_ylabel("label y, prediction ŷ")
        axes[1].axvline(threshold_before, color=PALETTE["grey"], ls="--", lw=1.5, label="threshold before")
        axes[1].text(threshold_before - 0.12, 0.2, f"{threshold_before:.2f} h", color="0.35", fontsize=12,
                     ha="right")
        if newly_wrong.any():
            axes[1].scatter(xs[newly_wrong], labels[newly_wrong], s=420, facecolor="none",
                            edgecolor=PALETTE["vermillion"], linewidth=2.5, zorder=5,
                            label="now misclassified")
        axes[1].annotate(
            f"+ one student at {far:g} h\nwho passed (y = 1)",
            xy=(x_high, 1.0), xytext=(x_high - 0.3, 1.25), ha="right", va="center", fontsize=11,
            arrowprops={"arrowstyle": "->", "lw": 2, "color": "black"},
        )
        handles, names = axes[1].get_legend_handles_labels()
        fig.legend(handles, names, loc="outside lower center", ncol=3, fontsize=11.5)
        fig.suptitle("Linear regression is the wrong tool for 0/1 labels")
    return fig


def odds_figure() -> Figure:
    """Three panels: odds against p, log-odds against p, and p against log-odds (the sigmoid).

    Introduced in ``notebooks/01_sigmoid.ipynb``. The odds squeeze "less likely than not"
    into [0, 1) and stretch the rest over [1, ∞); the log-odds are symmetric about
    ``p = 1/2`` and cover the whole real line, so a linear score can be a log-odds; the
    third panel reads the second one sideways: solving for ``p`` gives the sigmoid.

    Returns
    -------
    matplotlib.figure.Figure
        12 x 4.4 inches, three axes.
    """
    p_odds = np.linspace(0.0, 0.95, 300)
    p_log = np.linspace(0.002, 0.998, 400)
    z = np.linspace(-7.0, 7.0, 400)
    fig, axes = new_figure(1, 3, width=12, height=4.4)
    with course_style():
        ax = axes[0]
        ax.plot(p_odds, p_odds / (1 - p_odds), color=PALETTE["blue"])
        ax.axvline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(1.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.annotate("p = 0.8: odds 4 to 1", xy=(0.8, 4.0), xytext=(0.05, 10.0), fontsize=11,
                    arrowprops={"arrowstyle": "->", "lw": 1.5})
        ax.plot([0.8], [4.0], "o", color="black")
        ax.set(xlabel="probability p", ylabel="odds p / (1 − p)", title="odds: [0, ∞), lopsided",
               xlim=(0, 1), ylim=(0, 20))
        ax = axes[1]
        ax.plot(p_log, np.log(p_log) - np.log1p(-p_log), color=PALETTE["orange"])
        ax.axvline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(0.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.set(xlabel="probability p", ylabel="log-odds ln(p / (1 − p))",
               title="log-odds: all of ℝ, symmetric", xlim=(0, 1), ylim=(-7, 7))
        ax = axes[2]
        ax.plot(z, sigmoid(z), color=PALETTE["green"])
        ax.axvline(0.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.set(xlabel="log-odds z = θᵀx", ylabel="p = σ(z)", title="solve for p: the sigmoid",
               xlim=(-7, 7), ylim=(0, 1))
        fig.suptitle("From probability to odds to log-odds, and back: p = 1 / (1 + e^(−z))")
    return fig
