"""The exam-score race of ``notebooks/07_learning_slowdown.ipynb``: :class:`ExamScoresRace`.

Cross-entropy against squared error on the exam scores from a confidently wrong start,
trained by :func:`helpers.optim.logistic_descent`. Introduced in
``notebooks/07_learning_slowdown.ipynb``.
"""

from __future__ import annotations

from functools import partial

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from ... import logistic, optim
from ..._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    check_params,
    describe,
)
from ...squared_error import LOSSES, first_index_at_or_above
from ..live import LiveFigure, iterations_slider, learning_rate_slider, learning_rates
from ..runs import RateRuns
from ..style import PALETTE, course_style, new_figure, show_divergence
from ._common import COLORS, LOSS_LABELS, MARKERS, STYLES

__all__ = ["ExamScoresRace"]


class ExamScoresRace(LiveFigure):
    """Cross-entropy against squared error on a real data set, from a confidently wrong start.

    Introduced in ``notebooks/07_learning_slowdown.ipynb``. Left panel: training
    accuracy per iteration with the target line; right panel: each cost divided by its
    starting value. Per cost, the slider's learning rates are trained together by one
    :class:`helpers.optim.Descent` (:func:`helpers.optim.logistic_descent`; any other rate
    on its own), and each run's accuracy per iteration is computed after training, for the
    whole path at once (:func:`helpers.logistic.accuracy_path`); the curves drawn from it
    are cached. :meth:`controls` are the notebook's: learning rate 1 (0.01 to 10), 200
    iterations. The axes always span all ``max_iterations`` iterations, so that a live
    panel can keep one background and repaint only :attr:`dynamic_artists`.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column (standardised features).
    y : array_like, shape (m,)
        Labels 0 or 1.
    theta0 : array_like, shape (n,)
        The starting weights (the poor initialisation).
    target_accuracy : float, default 0.85
        The accuracy the race is to, in (0, 1].
    max_iterations : int, default 400
        The longest run the iterations slider can ask for.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Every artist :meth:`draw` changes (curves, markers, the text box, the figure title):
        what a live panel repaints on each move.
    """

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        theta0: ArrayLike,
        target_accuracy: float = 0.85,
        max_iterations: int = 400,
    ) -> None:
        self.X = as_float_array(X, "X", ndim=2)
        self.y = check_binary_labels(y)
        check_matching_rows(self.X, self.y)
        self.theta0 = check_params(theta0, self.X, "theta0", ndim=1).astype(np.float64)
        if not (isinstance(target_accuracy, (int, float)) and 0 < target_accuracy <= 1):
            raise ValueError(f"target_accuracy must be a number in (0, 1]; got {describe(target_accuracy)}")
        self.target = float(target_accuracy)
        self.max_iterations = check_iterations(max_iterations, "max_iterations")
        self._runs = {
            loss: RateRuns(
                partial(optim.logistic_descent, self.X, self.y, max_iter=self.max_iterations,
                        theta0=self.theta0, loss=loss),
                learning_rates(*self.rate_exponents), self.max_iterations,
            )
            for loss in LOSSES
        }
        self._cache: dict[float, dict[str, tuple[optim.Trajectory, np.ndarray]]] = {}
        self._curves: dict[float, dict[str, tuple[np.ndarray, np.ndarray, int | None]]] = {}
        fig, (ax_acc, ax_cost) = new_figure(1, 2, width=12.0, height=4.8)
        self._lines: dict[str, dict[str, Line2D]] = {}
        with course_style():
            ax_acc.axhline(100 * self.target, color=PALETTE["grey"], lw=1.5, ls=":")
            for loss in LOSSES:
                style = {"color": COLORS[loss], "ls": STYLES[loss]}
                (acc,) = ax_acc.plot([], [], label=LOSS_LABELS[loss], **style)
                (mark,) = ax_acc.plot([], [], MARKERS[loss], color=COLORS[loss], markersize=10)
                (cost,) = ax_cost.plot([], [], label=LOSS_LABELS[loss], **style)
                self._lines[loss] = {"acc": acc, "mark": mark, "cost": cost}
            ax_acc.set(xlim=(0, self.max_iterations), ylim=(0, 100), xlabel="iteration",
                       ylabel="training accuracy (%)")
            ax_cost.set(xlim=(0, self.max_iterations), ylim=(0.0, 1.2), xlabel="iteration",
                        ylabel="cost / starting cost", yticks=np.linspace(0, 1, 6))
            ax_cost.legend(loc="upper center", ncols=2)  # in the headroom above 1, where no curve goes
            self._text = ax_acc.text(0.97, 0.40, "", transform=ax_acc.transAxes, ha="right", va="top",
                                     fontsize=12, bbox={"facecolor": "white", "edgecolor": PALETTE["grey"],
                                                        "alpha": 0.9})
            # the starting costs do not depend on the learning rate: a title that never changes
            ce, mse = logistic.cost(self.theta0, self.X, self.y), logistic.mse_cost(self.theta0, self.X, self.y)
            ax_cost.set_title(f"starting cost: CE {ce:.2f} nats, MSE {mse:.3f}", fontsize=13)
            self._suptitle = fig.suptitle("", fontsize=15, fontweight="bold")
        self._ax_cost = ax_cost
        self._banner = show_divergence(ax_cost, None, 0)
        self.fig: Figure = fig
        self.dynamic_artists = [
            *(self._lines[loss][key] for loss in LOSSES for key in ("acc", "mark", "cost")),
            self._text, self._suptitle, self._banner,
        ]

    rate_exponents: tuple[float, float] = (-2.0, 1.0)

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's sliders: ``learning_rate`` at 1 (0.01 to 10) and ``iterations`` at 200.

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.
        """
        return {
            "learning_rate": learning_rate_slider(1.0, min_exponent=self.rate_exponents[0],
                                                  max_exponent=self.rate_exponents[1]),
            "iterations": iterations_slider(min(200, self.max_iterations), maximum=self.max_iterations),
        }

    def runs(self, learning_rate: float) -> dict[str, tuple[optim.Trajectory, np.ndarray]]:
        """Both costs' runs of ``max_iterations`` steps and their accuracy per iteration (cached).

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.

        Parameters
        ----------
        learning_rate : float

        Returns
        -------
        dict
            ``{loss: (Trajectory, accuracy array of shape (k + 1,))}``.
        """
        rate = check_learning_rate(learning_rate)
        if rate not in self._cache:
            runs = {loss: self._runs[loss](rate) for loss in LOSSES}
            self._cache[rate] = {
                loss: (run, logistic.accuracy_path(run.path, self.X, self.y)) for loss, run in runs.items()
            }
        return self._cache[rate]

    def iterations_to_target(self, learning_rate: float) -> dict[str, int | None]:
        """First iteration at or above the target accuracy, per cost (``None``: not within the run).

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.
        """
        return {loss: first_index_at_or_above(acc, self.target) for loss, (_, acc) in self.runs(learning_rate).items()}

    def _curves_for(self, learning_rate: float) -> dict[str, tuple[np.ndarray, np.ndarray, int | None]]:
        """Accuracy (%), cost / starting cost and first iteration at the target, once per whole run."""
        rate = check_learning_rate(learning_rate)
        if rate not in self._curves:
            reached = self.iterations_to_target(rate)
            self._curves[rate] = {
                loss: (100 * acc, run.costs / run.costs[0], reached[loss])
                for loss, (run, acc) in self.runs(rate).items()
            }
        return self._curves[rate]

    def draw(self, learning_rate: float = 1.0, iterations: int = 200) -> Figure:
        """Show ``iterations`` steps of both runs at ``learning_rate``.

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.

        Parameters
        ----------
        learning_rate : float, default 1.0
        iterations : int, default 200
            1 to ``max_iterations``.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            On a non-positive learning rate or an iteration count outside 1..max_iterations.
        """
        shown = check_iterations(iterations, "iterations")
        if shown > self.max_iterations:
            raise ValueError(f"iterations must be at most max_iterations = {self.max_iterations}; got {shown}")
        runs = self.runs(learning_rate)
        curves = self._curves_for(learning_rate)
        reached: dict[str, int | None] = {}
        for loss, (run, _) in runs.items():
            k = min(shown, run.n_iter)
            steps = np.arange(k + 1)
            percent, relative, first = curves[loss]
            lines = self._lines[loss]
            lines["acc"].set_data(steps, percent[: k + 1])
            lines["cost"].set_data(steps, relative[: k + 1])
            # the first iteration at the target in the whole run is the first among those shown, if shown
            n = first if first is not None and first <= k else None
            reached[loss] = n
            lines["mark"].set_data([n] if n is not None else [], [percent[n]] if n is not None else [])
        parts = [
            f"{LOSS_LABELS[loss]}: {reached[loss] if reached[loss] is not None else f'not in {shown}'}"
            for loss in LOSSES
        ]
        self._text.set_text(f"iterations to {100 * self.target:.0f} % (dotted)\n" + "\n".join(parts))
        ce_first = reached["cross_entropy"] is not None and (
            reached["mse"] is None or reached["mse"] > reached["cross_entropy"]
        )
        if ce_first:
            lesson = "cross-entropy recovers from the bad start first"
        elif reached["cross_entropy"] is None and reached["mse"] is None:
            lesson = "neither cost has reached the target yet"
        else:
            lesson = "squared error got there first"
        self._suptitle.set_text(f"α = {learning_rate:.3g}, {shown} iterations: {lesson}")
        show_divergence(self._ax_cost, {LOSS_LABELS[loss]: run for loss, (run, _) in runs.items()}, shown, self._banner)
        return self.fig
