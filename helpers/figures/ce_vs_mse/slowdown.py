"""The one-neuron slowdown of ``notebooks/07_learning_slowdown.ipynb``: :class:`SlowdownExplorer`.

One neuron, ``x = 1``, target ``y = 0``, trained from a confidently wrong start under both
costs (:func:`helpers.squared_error.neuron_descent`). Introduced in
``notebooks/07_learning_slowdown.ipynb``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ... import optim, squared_error
from ..._validate import check_iterations, check_learning_rate
from ...sigmoid import _sigmoid
from ...squared_error import LOSSES, _check_start, epochs_to_halve
from ..live import LiveFigure, iterations_slider, learning_rate_slider, learning_rates
from ..runs import RateRuns
from ..style import PALETTE, course_style, new_figure, show_divergence
from ._common import COLORS, LOSS_LABELS, MARKERS, STYLES

__all__ = ["START_POINTS", "SlowdownExplorer"]

#: The two starting points of the one-neuron experiment, as ``label -> (w, b)``.
START_POINTS: dict[str, tuple[float, float]] = {
    "(w, b) = (0.6, 0.9)": (0.6, 0.9),
    "(w, b) = (2, 2)": (2.0, 2.0),
}
#: The learning-rate slider: a decade below the notebook's 0.15 to one and a half above.
RATE_EXPONENTS: tuple[float, float] = (math.log10(0.15) - 1, math.log10(0.15) + 1.5)


@lru_cache(maxsize=64)
def _neuron_runs(w: float, b: float, max_epochs: int, loss: str) -> RateRuns:
    """The runs from ``(w, b)`` under ``loss``, one per learning rate, shared by every figure (static and live)."""
    return RateRuns(
        lambda rates: squared_error.neuron_descent((w, b), rates, max_epochs, loss),
        learning_rates(*RATE_EXPONENTS), max_epochs,
    )


def _halving_text(epochs: Mapping[str, int | None], horizon: int) -> str:
    short = {"cross_entropy": "CE", "mse": "MSE"}
    parts = [f"{short[loss]} {epochs[loss] if epochs[loss] is not None else f'> {horizon}'}" for loss in LOSSES]
    return "epochs to halve the cost: " + ", ".join(parts)


def _slowdown_lesson(halving: Mapping[str, int | None]) -> str:
    """The one-line verdict of the slowdown figure, from the epochs each cost needed to halve."""
    ce, mse = halving["cross_entropy"], halving["mse"]
    if ce is None and mse is None:
        return "neither cost has halved yet"
    if mse is None:
        return "squared error has not even halved its cost: the slowdown"
    if ce is None:
        return "squared error halved its cost first"
    ratio = mse / ce
    if ratio >= 10:
        return f"squared error needs {ratio:.0f} times as many epochs: the slowdown"
    return f"squared error needs {ratio:.1f} times as many epochs: no real slowdown"


class _NeuronCurves(NamedTuple):
    """What the slowdown figure shows of one run, computed once for the whole run."""

    outputs: np.ndarray  # a = sigmoid(w + b) per epoch
    relative: np.ndarray  # cost / starting cost per epoch
    halved_at: int | None  # first epoch at or below half the starting cost


class SlowdownExplorer(LiveFigure):
    """One neuron, ``x = 1``, target ``y = 0``: output and cost per epoch under both costs.

    Introduced in ``notebooks/07_learning_slowdown.ipynb``. Left panel: the output
    ``a`` per epoch; right panel: each cost divided by its starting value, with the
    halving line and the epoch where each cost first halves. The axes always span all
    ``max_epochs`` epochs, whatever the controls, so that a live panel can keep one
    background and repaint only :attr:`dynamic_artists`. Per start and cost, the slider's
    learning rates are trained together by one :class:`helpers.optim.Descent`
    (:func:`helpers.squared_error.neuron_descent`; any other rate on its own), shared by
    every explorer with the same ``max_epochs``; the curves drawn from each run are cached
    too, so moving the epochs slider never retrains or recomputes. :meth:`controls` are the
    notebook's: learning rate 0.15 (a decade below to 1.5 decades above), 300 of 400
    epochs, the start (2, 2).

    Parameters
    ----------
    max_epochs : int, default 400
        The longest run the epochs slider can ask for (each new learning rate trains
        both costs for this many epochs).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    max_epochs : int
    dynamic_artists : list of matplotlib.artist.Artist
        The artists :meth:`draw` changes on every move (curves, markers, the halving text,
        the figure title): what a live panel repaints. The two axes titles change only with
        the start and stay in the background (a live panel keeps one per start).
    """

    def __init__(self, max_epochs: int = 400) -> None:
        self.max_epochs = check_iterations(max_epochs, "max_epochs")
        fig, (ax_out, ax_cost) = new_figure(1, 2, width=12.0, height=4.8)
        self._lines: dict[str, dict[str, Line2D]] = {}
        with course_style():
            ax_out.axhline(0.0, color=PALETTE["grey"], lw=1.5, ls=":")
            ax_cost.axhline(0.5, color=PALETTE["grey"], lw=1.5, ls=":")
            # under the curves (zorder 1.5), so that a live panel can leave it in the background
            ax_cost.text(0.98, 0.48, "half the starting cost", transform=ax_cost.get_yaxis_transform(),
                         ha="right", va="top", color=PALETTE["grey"], zorder=1.5)
            for loss in LOSSES:
                style = {"color": COLORS[loss], "ls": STYLES[loss]}
                (out,) = ax_out.plot([], [], label=LOSS_LABELS[loss], **style)
                (cost,) = ax_cost.plot([], [], label=LOSS_LABELS[loss], **style)
                (mark,) = ax_cost.plot([], [], MARKERS[loss], color=COLORS[loss], markersize=10)
                vline = ax_cost.axvline(0.0, color=COLORS[loss], lw=1.2, ls=STYLES[loss], alpha=0.8)
                self._lines[loss] = {"out": out, "cost": cost, "mark": mark, "vline": vline}
            ax_out.set(xlim=(0, self.max_epochs), ylim=(-0.03, 1.2), xlabel="epoch",
                       ylabel="output a = σ(w + b)  (target 0)", yticks=np.linspace(0, 1, 6))
            ax_cost.set(xlim=(0, self.max_epochs), ylim=(0.0, 1.2), xlabel="epoch",
                        ylabel="cost / starting cost", yticks=np.linspace(0, 1, 6))
            ax_out.legend(loc="upper center", ncols=2)  # in the headroom above 1, where no curve goes
            self._out_title = ax_out.set_title("", fontsize=13)
            self._cost_title = ax_cost.set_title("", fontsize=13)
            # one line in the headroom above 1, where no curve goes
            self._text = ax_cost.text(0.5, 1.1, "", transform=ax_cost.get_yaxis_transform(), ha="center",
                                      va="center", fontsize=12)
            self._suptitle = fig.suptitle("", fontsize=15, fontweight="bold")
        self._ax_cost = ax_cost
        self._banner = show_divergence(ax_cost, None, 0)
        self.fig: Figure = fig
        self._curves: dict[tuple[float, float, float], dict[str, _NeuronCurves]] = {}
        # In drawing order (the order of creation). The two axes titles change only with the
        # start: they stay in the background, which a live panel redraws once per start.
        self.dynamic_artists = [
            *(self._lines[loss]["out"] for loss in LOSSES),
            *(self._lines[loss][key] for loss in LOSSES for key in ("cost", "mark", "vline")),
            self._text, self._suptitle, self._banner,
        ]

    def controls(self) -> dict[str, Any]:
        """The notebook's controls: ``learning_rate``, ``iterations`` (epochs) and ``start``.

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.
        """
        return {
            "learning_rate": learning_rate_slider(0.15, min_exponent=RATE_EXPONENTS[0], max_exponent=RATE_EXPONENTS[1]),
            "iterations": iterations_slider(min(300, self.max_epochs), maximum=self.max_epochs, description="epochs"),
            "start": widgets.ToggleButtons(
                options=list(START_POINTS.items()), value=(2.0, 2.0), description="start",
                style={"button_width": "auto"},
            ),
        }

    def trajectories(self, start: tuple[float, float], learning_rate: float) -> dict[str, optim.Trajectory]:
        """Both costs' runs of ``max_epochs`` epochs from ``start``, trained once and cached.

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.

        Parameters
        ----------
        start : (float, float)
            Starting ``(w, b)``.
        learning_rate : float

        Returns
        -------
        dict
            ``{"cross_entropy": Trajectory, "mse": Trajectory}``.
        """
        w, b = _check_start(start)
        rate = check_learning_rate(learning_rate)
        return {loss: _neuron_runs(w, b, self.max_epochs, loss)(rate) for loss in LOSSES}

    def _curves_for(self, start: tuple[float, float], learning_rate: float) -> dict[str, _NeuronCurves]:
        """Outputs, relative costs and halving epoch of both whole runs, computed once per run."""
        key = (*_check_start(start), check_learning_rate(learning_rate))
        if key not in self._curves:
            self._curves[key] = {
                loss: _NeuronCurves(
                    outputs=_sigmoid(run.path.sum(axis=1)),  # z = b * 1 + w * 1
                    relative=run.costs / run.costs[0],
                    halved_at=epochs_to_halve(run.costs),
                )
                for loss, run in self.trajectories(start, learning_rate).items()
            }
        return self._curves[key]

    def draw(
        self, learning_rate: float = 0.15, iterations: int = 300, start: tuple[float, float] = (2.0, 2.0)
    ) -> Figure:
        """Show ``iterations`` epochs from ``start`` with step size ``learning_rate``.

        Introduced in ``notebooks/07_learning_slowdown.ipynb``.

        Parameters
        ----------
        learning_rate : float, default 0.15
            > 0, the same for both costs.
        iterations : int, default 300
            Epochs shown, 1 to ``max_epochs``.
        start : (float, float), default (2.0, 2.0)
            Starting ``(w, b)``.

        Returns
        -------
        matplotlib.figure.Figure
            The same figure, updated.

        Raises
        ------
        ValueError
            On a non-positive learning rate, an epoch count outside 1..max_epochs or a bad start.
        """
        shown = check_iterations(iterations, "iterations")
        if shown > self.max_epochs:
            raise ValueError(f"iterations must be at most max_epochs = {self.max_epochs}; got {shown}")
        runs = self.trajectories(start, learning_rate)
        curves = self._curves_for(start, learning_rate)
        w, b = _check_start(start)
        halving: dict[str, int | None] = {}
        for loss, run in runs.items():
            k = min(shown, run.n_iter)
            epochs = np.arange(k + 1)
            curve = curves[loss]
            lines = self._lines[loss]
            lines["out"].set_data(epochs, curve.outputs[: k + 1])
            lines["cost"].set_data(epochs, curve.relative[: k + 1])
            # the first halving of the whole run is the first among the epochs shown, if shown
            n = curve.halved_at if curve.halved_at is not None and curve.halved_at <= k else None
            halving[loss] = n
            lines["mark"].set_data([n] if n is not None else [], [curve.relative[n]] if n is not None else [])
            lines["vline"].set_xdata([n, n] if n is not None else [0, 0])
            lines["vline"].set_visible(n is not None)
        self._text.set_text(_halving_text(halving, shown))
        self._out_title.set_text(f"start (w, b) = ({w:g}, {b:g}), a₀ = {float(_sigmoid(np.array(w + b))):.2f}")
        self._cost_title.set_text(
            f"starting cost: CE {runs['cross_entropy'].costs[0]:.2f} nats, MSE {runs['mse'].costs[0]:.3f}"
        )
        self._suptitle.set_text(f"α = {learning_rate:.3g}, {shown} epochs: {_slowdown_lesson(halving)}")
        show_divergence(self._ax_cost, {LOSS_LABELS[loss]: run for loss, run in runs.items()}, shown, self._banner)
        return self.fig
