"""A first look at gradient descent in ``notebooks/01_sigmoid.ipynb``: :class:`TrainingPreview`.

Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import data, optim
from ..._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    check_number,
)
from ...logistic import FLAT
from ...sigmoid import sigmoid
from ..live import LiveFigure, iterations_slider, learning_rate_slider, learning_rates
from ..runs import RateRuns
from ..style import PALETTE, course_style, new_figure, scatter_classes, show_divergence, spines
from ._common import _fmt

__all__ = ["TrainingPreview"]


class TrainingPreview(LiveFigure):
    r"""Gradient descent fitting :math:`p(x) = \sigma(\theta_0 + \theta_1 (x - c))` to 1-D data.

    Introduced in ``notebooks/02_decision_boundary.ipynb`` (the gradient is derived in
    ``notebooks/05_convexity_newton.ipynb``).

    Left panel: the samples at height 0 or 1, the fitted curve after the chosen number of
    iterations, where it crosses ``p = 1/2``, and (dotted) the curve at the minimum of the
    cost. Right panel: the cross-entropy cost up to that iteration and the minimum. The
    slider's learning rates are trained together, ``max_iterations`` steps each, by one
    :class:`helpers.optim.Descent` (:func:`helpers.optim.logistic_descent`; any other rate
    on its own) and cached; the iterations slider only slices the trajectories. If the cost rises above its
    starting value, :func:`helpers.figures.style.show_divergence` says so on the cost panel.

    Parameters
    ----------
    x : array_like, shape (m,)
        The feature.
    y : array_like, shape (m,)
        Labels 0 or 1 (both classes present and overlapping, so that the minimum exists).
    centre : float, default 0.0
        The model uses ``x - centre`` as its feature (centring makes descent much faster).
    max_iterations : int, default 500
        Steps computed per learning rate (the iterations slider's maximum).
    x_label : str
        Label of the horizontal axis, with units.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    defaults : dict
        ``{"learning_rate": 0.1, "iterations": 100}``.
    n_trained : int
        How many trajectories have been computed (one per distinct learning rate).
    best : helpers.optim.Trajectory
        Newton's method run to the minimum of the cost (the dotted reference).
    dynamic_artists : list of Artist
        What :meth:`draw` changes, plus the samples and spines drawn over it: pass
        it to :class:`helpers.figures.live.LivePanel` as ``dynamic``. The cost axis ends at 0.8
        for every steady learning rate and higher for one whose cost climbs; the iterations
        slider never changes an axis.
    """

    defaults: ClassVar[dict[str, Any]] = {"learning_rate": 0.1, "iterations": 100}
    lr_exponents: tuple[float, float] = (-3.0, 2.0)

    def __init__(
        self,
        x: ArrayLike,
        y: ArrayLike,
        centre: float = 0.0,
        max_iterations: int = 500,
        x_label: str = "feature x (units of x)",
    ) -> None:
        xs = as_float_array(x, "x", ndim=1).astype(np.float64)
        self.y = check_binary_labels(y)
        check_matching_rows(xs, self.y, "x", "y")
        if np.unique(self.y).size < 2:
            raise ValueError("y must contain both classes, 0 and 1; got only one")
        self.x = xs
        self.centre = check_number(centre, "centre")
        self.max_iterations = check_iterations(max_iterations, "max_iterations")
        self.design = data.add_intercept(xs - self.centre)
        low, high = self.lr_exponents
        self._runs = RateRuns(
            lambda rates: optim.logistic_descent(self.design, self.y, rates, self.max_iterations),
            learning_rates(low, high), self.max_iterations,
        )
        self._diverging_top: float | None = None  # see _cost_top
        self.best = optim.fit_logistic_newton(self.design, self.y)
        span = float(xs.max() - xs.min()) or 1.0
        self.grid = np.linspace(xs.min() - 0.08 * span, xs.max() + 0.08 * span, 300)
        self._grid_design = self.grid - self.centre

        self.fig, (self.ax_fit, self.ax_cost) = new_figure(
            1, 2, width=12, height=4.8, gridspec_kw={"width_ratios": [1.0, 1.1]}
        )
        with course_style():
            ax = self.ax_fit
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            best_theta = self.best.params
            ax.plot(self.grid, sigmoid(best_theta[0] + best_theta[1] * self._grid_design),
                    color=PALETTE["grey"], ls=":", lw=2, label="minimum of J")
            (self.curve,) = ax.plot(self.grid, np.full_like(self.grid, 0.5), color=PALETTE["green"],
                                    label="after t steps")
            self.cross = ax.axvline(0.0, color=PALETTE["vermillion"], ls="--", lw=2, label="p = 1/2")
            self.points = scatter_classes(ax, np.column_stack([xs, self.y]), self.y, ("y = 0", "y = 1"),
                                          size=70, linewidth=0.8, zorder=4)
            self.fit_text = ax.text(0.02, 0.86, "", transform=ax.transAxes, va="top", fontsize=11.5,
                                    bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=(self.grid[0], self.grid[-1]), ylim=(-0.06, 1.06), xlabel=x_label,
                   ylabel="P(y = 1 | x)", title="the model after t steps")
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.1), fontsize=10)
            ax = self.ax_cost
            ax.axhline(self.best.costs[-1], color=PALETTE["grey"], ls=":", lw=2,
                       label=f"minimum {self.best.costs[-1]:.3f}")
            (self.cost_line,) = ax.plot([], [], color=PALETTE["blue"], label="cost J(θ)")
            (self.cost_marker,) = ax.plot([], [], "o", color="black", ms=8, zorder=5)
            self.divergence = show_divergence(ax, None, 0)
            self.divergence.set_fontsize(11)  # the shared banner is wider than a half-width panel at 13 pt
            ax.set(xlim=(0, self.max_iterations), ylim=(0, 0.8), xlabel="iteration t",
                   ylabel="cost J (nats)", title="cross-entropy cost (notebook 02)")
            ax.legend(loc="upper right", fontsize=10.5)
            self.fig.suptitle("Gradient descent moves the curve toward the data")
        # The legends stay in the background: on this panel's data neither the curve nor the
        # crossing line enters the lower-right corner, and the cost falls below the upper-right
        # legend long before reaching it (tests/test_figures_sigmoid.py compares blitted and full renders).
        self.dynamic_artists: list[Artist] = [
            self.curve, self.cross, *self.points, self.fit_text, *spines(self.ax_fit),
            self.cost_line, self.cost_marker, *spines(self.ax_cost), self.divergence,
        ]

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """A logarithmic ``learning_rate`` slider and an ``iterations`` slider, at the defaults."""
        low, high = self.lr_exponents
        return {
            "learning_rate": learning_rate_slider(value=self.defaults["learning_rate"],
                                                  min_exponent=low, max_exponent=high),
            "iterations": iterations_slider(value=min(int(self.defaults["iterations"]), self.max_iterations),
                                            maximum=self.max_iterations),
        }

    def trajectory(self, learning_rate: float) -> optim.Trajectory:
        """The cached gradient-descent run of ``max_iterations`` steps at ``learning_rate``.

        Parameters
        ----------
        learning_rate : float
            A positive, finite number.

        Returns
        -------
        helpers.optim.Trajectory

        Raises
        ------
        ValueError
            If the learning rate is not positive and finite.
        """
        return self._runs(check_learning_rate(learning_rate))

    @property
    def n_trained(self) -> int:
        """How many learning rates have had their run computed (the slider's rates train together)."""
        return self._runs.n_trained

    def _cost_top(self, run: optim.Trajectory) -> float:
        """Upper end of the cost axis for ``run``: the same for most learning rates.

        It depends on the whole run, not the part shown, so the iterations slider never moves
        it. A run whose cost stays below 0.8 (every steady run: it starts at ln 2 ≈ 0.69 and
        falls) gets 0.8; a run that climbs higher gets the height that fits the run at the
        slider's largest learning rate, or its own if it climbs higher still. So across the
        slider the cost axis usually takes just two heights, and a live panel draws just two
        backgrounds.
        """
        top = 1.08 * float(run.costs.max())
        if top <= 0.8:
            return 0.8
        if self._diverging_top is None:
            worst = self.trajectory(10.0 ** self.lr_exponents[1])
            self._diverging_top = max(0.8, 1.08 * float(worst.costs.max()))
        return max(top, self._diverging_top)

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the model and the cost after ``iterations`` steps at ``learning_rate``; returns the figure.

        Parameters
        ----------
        learning_rate : float
            A positive, finite number.
        iterations : int
            From 1 to ``max_iterations``.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If the learning rate is not positive, or ``iterations`` is not an integer in
            ``1..max_iterations``.
        """
        run = self.trajectory(learning_rate)
        steps = check_iterations(iterations, "iterations")
        if steps > self.max_iterations:
            raise ValueError(f"iterations must be at most max_iterations = {self.max_iterations}; got {steps}")
        shown = min(steps, run.n_iter)
        theta = run.at(shown)
        cost = run.cost_at(shown)
        self.curve.set_ydata(sigmoid(theta[0] + theta[1] * self._grid_design))
        if abs(theta[1]) >= FLAT:
            x_star = self.centre - theta[0] / theta[1]
            self.cross.set_xdata([x_star, x_star])
            self.cross.set_visible(True)
            crossing = f"p = 1/2 at x = {_fmt(x_star)}"
        else:
            self.cross.set_visible(False)
            crossing = "flat curve: no crossing of p = 1/2"
        self.fit_text.set_text(
            f"p = σ(θ₀ + θ₁(x − {self.centre:g}))\n"
            f"t = {shown}: θ₀ = {_fmt(theta[0])}, θ₁ = {_fmt(theta[1])}\n{crossing}"
        )
        self.cost_line.set_data(np.arange(shown + 1), run.costs[: shown + 1])
        self.cost_marker.set_data([shown], [cost])
        self.ax_cost.set_ylim(0.0, self._cost_top(run))
        show_divergence(self.ax_cost, run, shown, text=self.divergence)
        return self.fig
