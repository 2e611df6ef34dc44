"""The live decision-regions panel of notebook 04: softmax regions in the plane and the training cost.

Introduced in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..._validate import check_class_count, check_iterations, describe
from ...softmax import _softmax
from ..live import freeze_layout, learning_rates
from ..style import PALETTE, course_style, nearest_image, new_figure, scatter_classes, show_divergence
from .pictures import fixed_cost_axis, plane_grid, plane_points, region_colours, rgba_bytes
from .runs import REGIONS_DEFAULTS, REGIONS_LEARNING_RATE_EXPONENTS, REGIONS_MAX_ITER, SoftmaxRuns, TrainingPanel

__all__ = ["RegionsExplorer"]


class RegionsExplorer(TrainingPanel):
    """Decision regions of softmax regression in the plane, for one learning rate and iteration count.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Left: the points and the class the
    model predicts everywhere (colour) with its confidence (saturation); the regions are
    bounded by straight lines because each boundary is where two linear scores are equal.
    Right: the training cost up to the chosen iteration, with the divergence banner when the
    step is too large. The axes never change, so a live panel repaints just
    :attr:`dynamic_artists`. ``.live()`` shows it with the notebook's sliders
    (``REGIONS_LEARNING_RATE_EXPONENTS``, ``REGIONS_DEFAULTS``, up to the runs' ``max_iter``).

    Parameters
    ----------
    X : array_like, shape (m, 2)
        Points (without the intercept column).
    y : array_like of int, shape (m,)
        Labels 0..K-1.
    k : int, default 3
        Number of classes.
    runs : SoftmaxRuns, optional
        Cached runs on ``[1, X]`` (share one between the static and the live explorer);
        built with ``max_iter=REGIONS_MAX_ITER`` if not given.
    resolution : int, default 160
        Grid points per axis of the region image.
    limit_rates : sequence of float, optional
        Learning rates whose whole runs (trained now) set the fixed range of the cost axis.
        By default every position of the notebook's slider (``REGIONS_LEARNING_RATE_EXPONENTS``,
        4 per decade): 17 runs of 300 steps on 180 points, trained together (one product per
        step for all of them), after which no slider move trains anything.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Everything :meth:`draw` changes, and the points and legend drawn over the region image.
    overlay_artists : list of matplotlib.artist.Artist
        The legend: drawn over the region image, never changed.
    """

    exponents = REGIONS_LEARNING_RATE_EXPONENTS
    defaults = REGIONS_DEFAULTS

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        k: int = 3,
        runs: SoftmaxRuns | None = None,
        resolution: int = 160,
        limit_rates: Sequence[float] | None = None,
    ) -> None:
        classes = check_class_count(k)
        points, labels = plane_points(X, y, classes)
        design = np.column_stack([np.ones(points.shape[0]), points])
        if runs is None:
            runs = SoftmaxRuns(design, labels, classes, REGIONS_MAX_ITER)
        elif not isinstance(runs, SoftmaxRuns):
            raise ValueError(f"runs must be a SoftmaxRuns; got {describe(runs)}")
        elif runs.k != classes or runs.X.shape != design.shape or not np.array_equal(runs.X, design):
            raise ValueError(
                f"runs must be trained on [1, X] with X of shape {points.shape} and k = {classes}; "
                f"got X of shape {runs.X.shape} and k = {runs.k}"
            )
        self.runs = runs
        self.max_iter = runs.max_iter
        self.points, self.labels = points, labels
        self.resolution = check_iterations(resolution, "resolution")
        self.grid, extent = plane_grid(points, self.resolution)
        rates = learning_rates(*REGIONS_LEARNING_RATE_EXPONENTS) if limit_rates is None else limit_rates
        limit_runs = runs.trajectories(rates)  # trained together, all the way
        fig, axes = new_figure(1, 2, width=12.0, height=4.8, gridspec_kw={"width_ratios": [1.25, 1]})
        ax_map, ax_cost = cast(np.ndarray, axes)
        self.fig = fig
        with course_style():
            self.region = nearest_image(
                ax_map, rgba_bytes(np.ones((self.resolution, self.resolution, 3))), origin="lower", extent=extent,
                aspect="auto",
            )
            scatter_classes(ax_map, points, labels, size=34)
            ax_map.set(xlabel="feature $x_1$ (units)", ylabel="feature $x_2$ (units)")
            ax_map.grid(False)  # the map fills the axes: grid lines would only cross it
            legend = ax_map.legend(loc="lower left", fontsize=10)
            self.map_title = ax_map.set_title("", fontsize=14, y=1.0)
            (self.curve,) = ax_cost.plot([0], [1.0], color=PALETTE["blue"])
            (self.dot,) = ax_cost.plot([0], [1.0], "o", color=PALETTE["vermillion"], markersize=9)
            ax_cost.axhline(np.log(runs.k), color=PALETTE["grey"], linestyle=":", linewidth=1.5)
            start = ax_cost.text(0.98, 0.97, f"start: ln {runs.k} = {np.log(runs.k):.3f}", transform=ax_cost.transAxes,
                                 ha="right", va="top", fontsize=11, color=PALETTE["grey"])
            ax_cost.set(xlim=(0, runs.max_iter), xlabel="iteration", ylabel="training cost J (nats)")
            fixed_cost_axis(ax_cost, [run.costs for run in limit_runs], np.log(runs.k), 1.3)
            self.cost_title = ax_cost.set_title("", fontsize=14, y=1.0)
            self.divergence = show_divergence(ax_cost, None, 0)
            self.divergence.set_fontsize(10)
            fig.suptitle("Softmax regions: straight boundaries where two scores tie", fontsize=16,
                         fontweight="bold")
            self.map_title.set_text("α = 0.0178, 000 steps: 00.0 % correct")
            self.cost_title.set_text("cost 0.000 nats")
        freeze_layout(fig)
        # The points and the legend lie on the region image, and large steps send the cost
        # curve through the "start" label: all are repainted over what they cover.
        self.dynamic_artists = [
            self.region, *ax_map.collections, legend, self.map_title,
            self.curve, self.dot, start, self.cost_title, self.divergence,
        ]
        #: Repainted on every move but never changed: a live panel pastes them as a picture
        #: (``LivePanel(..., overlay=...)``). Drawing the legend again cost 11 ms a move.
        self.overlay_artists = [legend]

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the regions after ``iterations`` steps at ``learning_rate``; return the figure.

        ValueError (from :meth:`checked`) unless ``learning_rate > 0`` and ``1 <= iterations <= max_iter``.
        """
        alpha, t = self.checked(learning_rate, iterations)
        run = self.runs.trajectory(alpha, t)
        t = min(t, run.n_iter)
        W = run.path[t]
        P = _softmax(self.grid @ W)
        self.region.set_data(rgba_bytes(region_colours(P).reshape(self.resolution, self.resolution, 3)))
        accuracy = float(np.mean((self.runs.X @ W).argmax(axis=1) == self.labels))
        self.map_title.set_text(f"α = {alpha:.3g}, {t} step{'s' if t != 1 else ''}: {100 * accuracy:.1f} % correct")
        steps = np.arange(t + 1)
        self.curve.set_data(steps, run.costs[: t + 1])
        self.dot.set_data([t], [run.costs[t]])
        self.cost_title.set_text(f"cost {run.costs[t]:.3f} nats")
        show_divergence(self.curve.axes, run, t, self.divergence)
        return self.fig
