"""The two cost surfaces of ``notebooks/06_cross_entropy_vs_mse.ipynb`` side by side.

The surfaces and eigenvalues are computed by :mod:`helpers.squared_error`; this draws them.
Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from numpy.typing import ArrayLike

from ..._validate import as_float_array
from ..style import PALETTE, course_style, new_figure, style_axes

__all__ = ["plot_cost_surfaces"]


def _colorbar(
    fig: Figure, mappable: ScalarMappable, ax: Axes, label: str, ticks: Sequence[float] | None = None
) -> None:
    bar = fig.colorbar(mappable, ax=ax, label=label, shrink=0.95)
    if ticks is not None:
        bar.set_ticks(list(ticks), labels=[f"{t:g}" for t in ticks])
        bar.ax.minorticks_off()
    style_axes(bar.ax)
    bar.ax.grid(False)


def plot_cost_surfaces(
    w_values: ArrayLike,
    b_values: ArrayLike,
    ce: ArrayLike,
    mse: ArrayLike,
    mse_min_eig: ArrayLike,
    ce_best: tuple[float, float] | None = None,
    mse_best: tuple[float, float] | None = None,
    segment: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> Figure:
    """Side-by-side contour maps of the two cost surfaces over ``(w, b)``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Cross-entropy grows
    linearly far from its minimum, so its levels are spaced logarithmically; the squared
    error lies in [0, 1/2] and gets linear levels. Hatching marks where the squared
    error's Hessian has a negative eigenvalue (the surface is not convex there).

    Parameters
    ----------
    w_values : array_like, shape (p,)
    b_values : array_like, shape (q,)
    ce, mse : array_like, shape (q, p)
        From :func:`cost_surfaces`.
    mse_min_eig : array_like, shape (q, p)
        Smallest eigenvalue of the squared error's Hessian (:func:`min_eigenvalues`).
    ce_best, mse_best : (w, b), optional
        Minimisers to mark with a star.
    segment : ((w, b), (w, b)), optional
        A straight path to draw on both maps (the chord test of the notebook).

    Returns
    -------
    matplotlib.figure.Figure
    """
    w = as_float_array(w_values, "w_values", ndim=1)
    b = as_float_array(b_values, "b_values", ndim=1)
    ce_grid = as_float_array(ce, "ce", ndim=2)
    mse_grid = as_float_array(mse, "mse", ndim=2)
    lam = as_float_array(mse_min_eig, "mse_min_eig", ndim=2)
    for name, grid in (("ce", ce_grid), ("mse", mse_grid), ("mse_min_eig", lam)):
        if grid.shape != (b.size, w.size):
            raise ValueError(f"{name} must have shape ({b.size}, {w.size}) to match the grid; got {grid.shape}")
    fig, (ax_ce, ax_mse) = new_figure(1, 2, width=12.0, height=5.0)
    with course_style():
        low, high = float(ce_grid.min()), float(ce_grid.max())
        levels = np.geomspace(low, high, 16)
        filled = ax_ce.contourf(w, b, ce_grid, levels=levels, norm=LogNorm(low, high), cmap="cividis")
        ax_ce.contour(w, b, ce_grid, levels=levels, colors="white", linewidths=0.6, alpha=0.6)
        nice = [t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50) if low <= t <= high]
        _colorbar(fig, filled, ax_ce, "cost J (nats, log scale)", nice)
        filled = ax_mse.contourf(w, b, mse_grid, levels=np.linspace(0, 0.5, 21), cmap="cividis")
        ax_mse.contour(w, b, mse_grid, levels=np.linspace(0, 0.5, 21), colors="white", linewidths=0.6, alpha=0.6)
        _colorbar(fig, filled, ax_mse, "cost J (½ squared error)")
        with mpl.rc_context({"hatch.color": PALETTE["vermillion"], "hatch.linewidth": 0.8}):
            ax_mse.contourf(w, b, lam, levels=[lam.min() - 1.0, 0.0], colors="none", hatches=["/"])
        ax_mse.contour(w, b, lam, levels=[0.0], colors=PALETTE["vermillion"], linewidths=2.0)
        for ax, best, label in ((ax_ce, ce_best, "cross-entropy"), (ax_mse, mse_best, "squared error")):
            if segment is not None:
                (w0, b0), (w1, b1) = segment
                ax.plot([w0, w1], [b0, b1], "o--", color=PALETTE["sky"], lw=2.2, markersize=7,
                        markeredgecolor="black", label="chord-test path")
            if best is not None:
                ax.plot([best[0]], [best[1]], "*", color=PALETTE["orange"], markersize=18,
                        markeredgecolor="black", label="minimum")
            ax.set(xlabel="weight w", ylabel="bias b")
            ax.set_title(label)
            ax.grid(False)
        handles = [*ax_mse.get_lines(), Patch(facecolor="none", edgecolor=PALETTE["vermillion"], hatch="/",
                                              label="negative curvature")]
        ax_mse.legend(handles=[h for h in handles if not h.get_label().startswith("_")], loc="lower left",
                      fontsize=11)
        if ce_best is not None or segment is not None:
            ax_ce.legend(loc="lower left", fontsize=11)
        fig.suptitle("Cross-entropy is one smooth bowl; squared error has plateaus and non-convex regions",
                     fontsize=15, fontweight="bold")
    return fig
