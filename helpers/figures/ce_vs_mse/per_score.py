"""Static figures of the per-sample losses of ``notebooks/06_cross_entropy_vs_mse.ipynb``.

:func:`plot_score_view` (losses and slopes against the score) and :func:`plot_probability_view`
(the same against the predicted probability). The formulas are in :mod:`helpers.squared_error`.
Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..._validate import as_float_array, describe
from ...sigmoid import _sigmoid
from ...squared_error import ce_grad_z, ce_loss_z, mse_grad_z, mse_loss_z
from ..style import PALETTE, course_style, new_figure
from ._common import COLORS, LOSS_LABELS, STYLES

__all__ = ["plot_probability_view", "plot_score_view"]


def plot_score_view(z: ArrayLike | None = None, y: int = 1) -> Figure:
    """Per-sample losses (left) and their derivatives with respect to ``z`` (right) for one target.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    z : array_like, shape (k,), optional
        Scores to plot; by default 801 points in [-10, 10].
    y : {0, 1}, default 1
        The target.

    Returns
    -------
    matplotlib.figure.Figure
    """
    scores = np.linspace(-10, 10, 801) if z is None else as_float_array(z, "z", ndim=1)
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {describe(y)}")
    wrong = (scores.min(), -2.0) if y == 1 else (2.0, scores.max())
    fig, (ax_loss, ax_grad) = new_figure(1, 2, width=12.0, height=4.8)
    with course_style():
        for ax in (ax_loss, ax_grad):
            ax.axvspan(*wrong, color=PALETTE["grey"], alpha=0.12, lw=0)
        ax_loss.text(np.mean(wrong), 0.30, "confidently\nwrong", transform=ax_loss.get_xaxis_transform(),
                     ha="center", va="center", color=PALETTE["black"])
        for loss, f, g in (("cross_entropy", ce_loss_z, ce_grad_z), ("mse", mse_loss_z, mse_grad_z)):
            style = {"color": COLORS[loss], "ls": STYLES[loss], "label": LOSS_LABELS[loss]}
            ax_loss.plot(scores, f(scores, y), **style)
            ax_grad.plot(scores, g(scores, y), **style)
        peak = -math.log(2) if y == 1 else math.log(2)
        ax_grad.plot([peak], [float(mse_grad_z(peak, y))], "v" if y == 1 else "^", color=COLORS["mse"],
                     markersize=11, label=f"largest |MSE slope|, z = {'-' if y == 1 else '+'}ln 2")
        ax_grad.axhline(0.0, color=PALETTE["grey"], lw=1)
        ax_loss.set(xlabel="score z", ylabel="loss of one sample (nats / ½ squared error)",
                    ylim=(-0.2, 6.0), xlim=(scores.min(), scores.max()))
        ax_grad.set(xlabel="score z", ylabel="derivative ∂loss/∂z", xlim=(scores.min(), scores.max()),
                    ylim=(-1.1, 0.15) if y == 1 else (-0.15, 1.1))
        ax_loss.set_title(f"loss for target y = {y}")
        ax_grad.set_title("slope: what gradient descent feels")
        ax_loss.legend(loc="upper right" if y == 1 else "upper left")
        ax_grad.legend(loc="center right" if y == 1 else "center left", fontsize=11)
        fig.suptitle("Confidently wrong: cross-entropy's slope stays near 1, squared error's vanishes",
                     fontsize=15, fontweight="bold")
    return fig


def plot_probability_view(y: int = 1) -> Figure:
    """Losses against the predicted probability (left) and their slope in ``z`` (right).

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``; the picture seed 000 sums up
    as "cross-entropy: steep → flat; squared error: flat → flatter → steep".

    Parameters
    ----------
    y : {0, 1}, default 1
        The target.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {describe(y)}")
    z = np.linspace(-9, 9, 721)
    h = _sigmoid(z)
    fig, (ax_loss, ax_grad) = new_figure(1, 2, width=12.0, height=4.8)
    with course_style():
        for loss, f, g in (("cross_entropy", ce_loss_z, ce_grad_z), ("mse", mse_loss_z, mse_grad_z)):
            style = {"color": COLORS[loss], "ls": STYLES[loss], "label": LOSS_LABELS[loss]}
            ax_loss.plot(h, f(z, y), **style)
            ax_grad.plot(h, np.abs(g(z, y)), **style)
        peak_h = 1 / 3 if y == 1 else 2 / 3
        ax_grad.plot([peak_h], [4 / 27], "v", color=COLORS["mse"], markersize=11)
        ax_grad.annotate(f"peak 4/27 at h = {'1/3' if y == 1 else '2/3'}", (peak_h, 4 / 27),
                         xytext=(0.03 if y == 1 else 0.62, 0.32), textcoords="data", fontsize=12, color=COLORS["mse"],
                         arrowprops={"arrowstyle": "->", "color": COLORS["mse"]})
        ax_loss.set(xlabel=f"predicted probability h = σ(z)   (target y = {y})",
                    ylabel="loss of one sample (nats / ½ sq. error)", xlim=(0, 1), ylim=(0, 4.5))
        ax_grad.set(xlabel=f"predicted probability h = σ(z)   (target y = {y})",
                    ylabel="|∂loss/∂z| (step size per unit α)", xlim=(0, 1), ylim=(0, 1.05))
        ax_loss.set_title("the loss itself")
        ax_grad.set_title("its slope in the score z")
        ax_loss.legend(loc="upper right" if y == 1 else "upper left")
        ax_grad.legend(loc="upper right" if y == 1 else "upper left")
        fig.suptitle("Wrong → right: cross-entropy pushes hardest when most wrong; squared error does not",
                     fontsize=15, fontweight="bold")
    return fig
