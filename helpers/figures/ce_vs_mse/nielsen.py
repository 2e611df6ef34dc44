"""Nielsen's question: which cost gives ∂C/∂z = a − y? The slope it forces, and that slope integrated.

Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. The maths is
:func:`helpers.squared_error.ce_grad_a` and :func:`helpers.squared_error.cost_from_slope`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ... import squared_error
from ..style import PALETTE, course_style, new_figure

__all__ = ["plot_required_cost"]


def plot_required_cost(axes: Sequence[Axes] | None = None) -> Figure:
    r"""The slope :math:`\partial C/\partial a = (a - y)/(a(1 - a))` and the cost it integrates to.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Left: the slope that
    :math:`\partial C/\partial z = a - y` forces, for ``y = 1`` and ``y = 0``; right: that slope
    integrated numerically from ``a = 1/2`` (trapezoid rule, markers) on top of the cross-entropy
    :math:`-[y\ln a + (1-y)\ln(1-a)]` minus its value at ``1/2`` (line).

    Parameters
    ----------
    axes : sequence of 2 Axes, optional
        Where to draw; a new 12 x 4.6 in figure by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if axes is None:
        fig, made = new_figure(1, 2, width=12.0, height=4.6)
        ax_slope, ax_cost = list(cast(np.ndarray, made))
    else:
        if len(axes) != 2:
            raise ValueError(f"axes must hold 2 Axes; got {len(axes)}")
        ax_slope, ax_cost = axes
        fig = cast(Figure, ax_slope.figure)
    a = np.linspace(0.02, 0.98, 481)
    colours = {1: PALETTE["blue"], 0: PALETTE["orange"]}
    with course_style():
        for y in (1, 0):
            ax_slope.plot(a, squared_error.ce_grad_a(a, y), color=colours[y], label=f"y = {y}")
            integral = squared_error.cost_from_slope(a, y)
            integral -= integral[240]  # anchored at a = 1/2 (entry 240 of the grid)
            bce = -(y * np.log(a) + (1 - y) * np.log(1 - a))
            ax_cost.plot(a, bce - bce[240], color=colours[y], label=f"cross-entropy, y = {y}")
            ax_cost.plot(a[::24], integral[::24], "o", color=PALETTE["black"], markersize=6,
                         label="slope integrated (trapezoids)" if y == 1 else None)
        ax_slope.axhline(0, color=PALETTE["black"], linewidth=1)
        ax_slope.set(xlabel="prediction a = σ(z)", ylabel="required ∂C/∂a", ylim=(-12, 12))
        ax_slope.set_title("what ∂C/∂z = a − y demands of ∂C/∂a")
        ax_slope.legend(loc="upper center", fontsize=12)
        ax_cost.axhline(0, color=PALETTE["black"], linewidth=1)
        ax_cost.set(xlabel="prediction a = σ(z)", ylabel="C(a) − C(1/2) (nats)")
        ax_cost.set_title("integrated: it is the cross-entropy")
        ax_cost.legend(loc="upper center", fontsize=11)
    return fig
