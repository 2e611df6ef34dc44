"""The live panel of ``notebooks/03_likelihood_cross_entropy.ipynb``: gradient descent on the exam scores.

:class:`DescentExplorer` shows batch gradient descent on the exam scores (raw or
standardised): the cost per iteration next to the decision boundary moving over the data.
Its trajectories come from :class:`~.runs.DescentRuns`, which trains every learning rate of
the slider at once, so no slider move ever retrains; and it lists the artists a move
changes (``dynamic_artists``), so that its live panel repaints only those over a cached
picture of the rest.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.ticker import MaxNLocator, ScalarFormatter
from numpy.typing import ArrayLike

from ... import data, features, logistic, optim
from ..._validate import check_iterations, describe
from ..live import LiveFigure, freeze_layout, iterations_slider, learning_rate_slider, learning_rates
from ..style import CLASS_COLORS, PALETTE, course_style, new_figure, show_divergence, tint
from .runs import _MAX_LEARNING_RATE, DescentRuns
from .scores import _ABOVE_KEY, _check_scores, _key, _scatter, _score_axes, admitted_region, boundary_segment

__all__ = ["DescentExplorer"]

_TALL = 1.15  # a tall cost axis reaches this factor above the highest cost: room for a label on top


class _Facts(NamedTuple):
    top: float  # the cost axis' top
    zigzag_at: int | None  # the first step that raised the cost
    settled_at: int | None  # the first iterate within 1e-4 of the minimum
    last: int  # the last iterate with a finite cost
    accuracy: np.ndarray  # training accuracy of iterates 0..last, fractions


def _envelope(values: np.ndarray, max_points: int = 1200) -> tuple[np.ndarray, np.ndarray]:
    """``(iterations, values)`` to draw, thinned to at most about ``max_points`` points.

    Consecutive iterations are grouped in bins narrower than a pixel; each bin keeps its
    smallest and its largest value, in their order. The drawn line looks the same (an
    oscillating cost still fills its band), but thousands of zig-zags render much faster.
    """
    count = values.size
    if count <= max_points:
        return np.arange(count), values
    width = -(-count // (max_points // 2))  # iterations per bin, rounded up
    bins = -(-count // width)
    padded = np.concatenate([values, np.full(bins * width - count, values[-1])]).reshape(bins, width)
    first, last = np.argmin(padded, axis=1), np.argmax(padded, axis=1)
    early, late = np.minimum(first, last), np.maximum(first, last)
    starts = np.arange(bins) * width
    index = np.minimum(np.column_stack([starts + early, starts + late]).ravel(), count - 1)
    index = np.concatenate([[0], index, [count - 1]])  # always start at the start and end on the last iterate
    return index, values[index]


def _few_ticks() -> MaxNLocator:
    """At most about five round-numbered ticks (the live panels redraw every tick label each time)."""
    return MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])


class DescentExplorer(LiveFigure):
    """Gradient descent on the exam scores: cost per iteration beside the moving decision boundary.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. Build it once; then
    :meth:`draw` only updates artists, and :meth:`live` shows it with its sliders
    (:meth:`controls`). Trajectories for every slider position are computed at
    construction (:class:`DescentRuns`); :meth:`twin` makes a second figure that shares
    them, for the live panel after the static picture.

    Parameters
    ----------
    scores : array_like, shape (m, 2)
        Exam scores in points.
    admitted : array_like, shape (m,)
        Labels 0 or 1.
    standardized : bool
        Train on standardised scores (mean 0, standard deviation 1) instead of raw points.
        The boundary is drawn in points either way.
    min_exponent, max_exponent : float
        The learning-rate slider's range, ``10**min_exponent`` to ``10**max_exponent``
        (at most 1000).
    max_iter : int
        The iterations slider's maximum.
    steps_per_decade : int, default 4
        Slider positions per factor of ten (as :func:`helpers.figures.live.learning_rate_slider`).
    learning_rate : float, optional
        The learning-rate slider's starting value (a slider position); by default the
        middle position.
    iterations : int, optional
        The iterations slider's starting value; ``max_iter`` by default.
    minimum : float, optional
        The minimum cost, drawn as a reference line; by default found with Newton's method.
    runs : DescentRuns, optional
        Precomputed trajectories to reuse (used by :meth:`twin`).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    runs : DescentRuns
    mean, std : numpy.ndarray, shape (2,)
        Standardisation statistics (zeros and ones for raw scores).
    dynamic_artists : list of matplotlib.artist.Artist
        Every artist :meth:`draw` changes (the live panel repaints only these). The axes'
        limits never change with the iteration count, and take at most two values along
        the learning-rate slider.

    Raises
    ------
    ValueError
        On bad data or slider settings.
    """

    def __init__(
        self,
        scores: ArrayLike,
        admitted: ArrayLike,
        *,
        standardized: bool,
        min_exponent: float,
        max_exponent: float,
        max_iter: int,
        steps_per_decade: int = 4,
        learning_rate: float | None = None,
        iterations: int | None = None,
        minimum: float | None = None,
        runs: DescentRuns | None = None,
    ) -> None:
        points, labels = _check_scores(scores, admitted)
        if not isinstance(standardized, bool):
            raise ValueError(f"standardized must be True or False; got {describe(standardized)}")
        if max_exponent > math.log10(_MAX_LEARNING_RATE):
            raise ValueError(f"max_exponent must be at most {math.log10(_MAX_LEARNING_RATE):g}; got {max_exponent}")
        rates = learning_rates(min_exponent, max_exponent, steps_per_decade)
        self.settings: dict[str, Any] = {"min_exponent": min_exponent, "max_exponent": max_exponent,
                                         "steps_per_decade": steps_per_decade, "max_iter": max_iter}
        self.defaults: dict[str, Any] = {
            "learning_rate": float(rates[rates.size // 2]) if learning_rate is None else learning_rate,
            "iterations": max_iter if iterations is None else iterations,
        }
        self.standardized = standardized
        self.scores, self.admitted = points, labels
        if standardized:
            inputs, self.mean, self.std = data.standardize(points)
        else:
            inputs, self.mean, self.std = points, np.zeros(2), np.ones(2)
        design = data.add_intercept(inputs)
        if runs is None:
            runs = DescentRuns(design, labels, rates, max_iter)
        elif not (runs.X.shape == design.shape and np.array_equal(runs.X, design) and runs.max_iter == max_iter):
            raise ValueError("runs were computed for other data or another max_iter; build the explorer without runs")
        self.runs = runs
        if minimum is None:
            minimum = float(optim.fit_logistic_newton(design, labels).costs[-1])
        self.minimum = float(minimum)
        self._design = design
        self._build()

    def twin(self) -> DescentExplorer:
        """A new explorer with its own figure, sharing this one's trajectories (nothing retrained).

        Introduced in ``notebooks/04_gradient_descent.ipynb``.
        """
        return DescentExplorer(self.scores, self.admitted, standardized=self.standardized,
                               minimum=self.minimum, runs=self.runs, **self.settings, **self.defaults)

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's sliders: the learning rate over the explorer's range, and the iterations.

        Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.
        """
        return {
            "learning_rate": learning_rate_slider(self.defaults["learning_rate"],
                                                  min_exponent=self.settings["min_exponent"],
                                                  max_exponent=self.settings["max_exponent"],
                                                  steps_per_decade=self.settings["steps_per_decade"]),
            "iterations": iterations_slider(self.defaults["iterations"], maximum=self.settings["max_iter"]),
        }

    def _build(self) -> None:
        fig, (ax_cost, ax_data) = new_figure(1, 2, width=11.5, height=4.6, gridspec_kw={"width_ratios": [1.2, 1]})
        # Legends are re-laid-out on every render and cost as much as the rest of an axes;
        # plain text labels and a hand-made key draw several times faster.
        with course_style():
            ax_cost.axhline(self.minimum, color=PALETTE["green"], linestyle=":")
            # Below the line, where the curve never goes (the cost never drops under its minimum);
            # in the top corner when the axis is so tall that the line sits on the bottom edge
            # (the zig-zags of a too-large learning rate fill the space just above it).
            label = f"minimum J* = {self.minimum:.4f} (Newton)"
            self.minimum_labels = {
                "below": ax_cost.annotate(label, (0.98, self.minimum), xycoords=ax_cost.get_yaxis_transform(),
                                          xytext=(0, -9), textcoords="offset points", ha="right", va="top",
                                          color=PALETTE["green"], fontsize=12),
                "corner": ax_cost.text(0.98, 0.97, f"dotted line: {label}", transform=ax_cost.transAxes,
                                       ha="right", va="top", color=PALETTE["green"], fontsize=12),
            }
            (self.cost_line,) = ax_cost.plot([], [], color=PALETTE["blue"], linewidth=1.8)
            (self.cost_dot,) = ax_cost.plot([], [], "o", color=PALETTE["vermillion"], markersize=9, zorder=5)
            ax_cost.set(xlim=(0, self.runs.max_iter), ylim=(0, 0.8), xlabel="iteration", ylabel="cost J (nats)")
            self.divergence_text = show_divergence(ax_cost, None, 0)
            ax_data.set_facecolor(tint(CLASS_COLORS[0], 0.3))
            self.region = Polygon(np.zeros((0, 2)), closed=True, facecolor=tint(CLASS_COLORS[1], 0.3),
                                  edgecolor="none", zorder=0)
            ax_data.add_patch(self.region)
            _scatter(ax_data, self.scores, self.admitted, size=40, counts=False)
            (self.boundary_line,) = ax_data.plot([], [], color=PALETTE["black"], zorder=4)
            _score_axes(ax_data)
            ax_data.grid(False)
            _key(ax_data)
            self.boundary_text = ax_data.text(0.97, 0.985, "", transform=ax_data.transAxes, ha="right", va="top",
                                              fontsize=11, color=PALETTE["vermillion"], fontweight="bold", zorder=6)
            self.title = fig.suptitle("", fontweight="bold")
            # A fixed height (y=1, where matplotlib would put them anyway) keeps the titles in
            # place: matplotlib moves an automatically placed title that is hidden, as a live
            # panel hides its dynamic artists while it draws the background.
            for ax in (ax_cost, ax_data):
                ax.set_title("", fontsize=13, fontweight="normal", y=1.0)
            # Tick labels are most of the cost of a render: five per axis are plenty.
            for axis in (ax_cost.xaxis, ax_cost.yaxis, ax_data.xaxis, ax_data.yaxis):
                axis.set_major_locator(_few_ticks())
        self.ax_cost, self.ax_data = ax_cost, ax_data
        self.fig: Figure = fig
        #: What :meth:`draw` changes: a live panel repaints only these over a cached picture
        #: of the rest (see ``LivePanel``). On the score plot that includes what lies on top
        #: of the moving region: the applicants and the left spine (the key below is never
        #: covered, see ``_key``). The axes' limits change only with the learning rate.
        self.dynamic_artists = [
            self.cost_line, self.cost_dot, *self.minimum_labels.values(), self.divergence_text, ax_cost.title,
            self.region, *ax_data.collections, ax_data.spines["left"], self.boundary_line, self.boundary_text,
            ax_data.title, self.title,
        ]
        self._facts_cache: dict[int, _Facts] = {}
        highest = max((float(np.nanmax(self.runs.get(float(rate)).costs)) for rate in self.runs.learning_rates),
                      default=0.0)
        self._tall_top = _TALL * highest  # the one taller cost axis of the slider's runs (see _facts)
        # Lay the figure out once, with representative texts, then freeze the layout: a
        # constrained-layout pass costs as much as drawing the figure, on every redraw.
        # For that pass the cost axis gets wider tick labels ("17.50") than it ever shows
        # (at most four characters, such as "12.5" or "0.25"), so no later label is cut off.
        # Kept although LivePanel freezes layouts too: it would lay out the first frame's (narrower) tick labels.
        self.draw(float(self.runs.learning_rates[0]), self.runs.max_iter)
        ax_cost.set_yticks([0.0, 0.4], labels=["0.00", "17.50"])
        freeze_layout(fig)
        ax_cost.yaxis.set_major_locator(_few_ticks())
        ax_cost.yaxis.set_major_formatter(ScalarFormatter())

    def _facts(self, run: optim.Trajectory) -> _Facts:
        """Per run: the y-axis top, the first step that raised the cost, the first iterate near J*,
        the last iterate with a finite cost, and the training accuracy of every iterate.

        The top is 0.8 for a run that stays below it; otherwise it is the one taller top
        shared by all the slider's runs (with room for the label in its corner), so that
        the axis changes at most once along the learning-rate slider (a live panel then
        draws the axes only twice) and the growing zig-zags of larger learning rates can be
        compared on one scale.
        """
        key = id(run)
        if key not in self._facts_cache:
            # A run that overflowed ends on an iterate with a non-finite cost (as
            # optim.gradient_descent keeps it); the figure shows the run up to the one before.
            last = run.n_iter if np.isfinite(run.costs[-1]) else run.n_iter - 1
            costs = run.costs[: last + 1]
            rises = np.flatnonzero(np.diff(costs) > 1e-12)
            near = np.flatnonzero(costs - self.minimum < 1e-4)
            peak = float(costs.max())
            self._facts_cache[key] = _Facts(
                0.8 if 1.08 * peak <= 0.8 else max(_TALL * peak, self._tall_top),
                int(rises[0]) + 1 if rises.size else None,
                int(near[0]) if near.size else None,
                last,
                logistic.accuracy_path(run.path[: last + 1], self._design, self.admitted),
            )
        return self._facts_cache[key]

    def _lesson(self, run: optim.Trajectory, shown: int, zigzag_at: int | None, settled_at: int | None) -> str:
        kind = "Standardised scores" if self.standardized else "Raw scores"
        behaviour, _ = optim.cost_behaviour(run.costs, min(shown, run.n_iter))
        if behaviour == "recovers":
            return f"{kind}: the first steps overshoot, then the cost comes back down"
        if behaviour != "descends":
            return f"{kind}: α too large, the cost rose above its starting value"
        if zigzag_at is not None and shown >= zigzag_at and (settled_at is None or settled_at > shown):
            return f"{kind}: α too large, the cost goes up as well as down"
        if settled_at is not None and shown >= settled_at:
            return f"{kind}: within 0.0001 nats of the minimum after {settled_at} iterations"
        gap = float(run.costs[shown]) - self.minimum
        return f"{kind}: still {gap:.3f} nats above the minimum after {shown} iterations"

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the run with ``learning_rate`` after ``iterations`` steps.

        Introduced in ``notebooks/04_gradient_descent.ipynb``.

        Parameters
        ----------
        learning_rate : float
            In (0, 1000]; slider positions are precomputed, other values are trained now.
        iterations : int
            1 to ``max_iter``.

        Returns
        -------
        matplotlib.figure.Figure
            The same figure, updated.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not a positive number up to 1000 or ``iterations`` is
            not in 1..max_iter.
        """
        steps = check_iterations(iterations, "iterations")
        if steps > self.runs.max_iter:
            raise ValueError(f"iterations must be at most max_iter = {self.runs.max_iter}; got {steps}")
        run = self.runs.get(learning_rate)
        top, zigzag_at, settled_at, last, accuracy = self._facts(run)
        shown = min(steps, last)
        costs = run.costs[: shown + 1]
        self.cost_line.set_data(*_envelope(costs))
        self.cost_dot.set_data([shown], [costs[-1]])
        self.ax_cost.set_ylim(0, top)
        low = self.minimum < 0.15 * top
        self.minimum_labels["below"].set_visible(not low)
        self.minimum_labels["corner"].set_visible(low)
        self.ax_cost.title.set_text(f"α = {learning_rate:.3g}, iteration {shown}:  J = {costs[-1]:.4f} nats")
        theta = run.path[shown]
        raw = features.raw_units_theta(theta, self.mean, self.std) if self.standardized else theta
        self.region.set_xy(admitted_region(raw, _ABOVE_KEY) if np.isfinite(raw).all() else np.zeros((0, 2)))
        x1, x2 = boundary_segment(raw, _ABOVE_KEY)
        # No NaN reaches the figure: a boundary outside the view is an empty line.
        self.boundary_line.set_data(([], []) if np.isnan(x1[0]) else (x1, x2))
        self.ax_data.title.set_text(f"boundary h = 0.5: training accuracy {100 * accuracy[shown]:.0f} %")
        note = ""
        if np.isnan(x1[0]):
            # the boundary misses the whole view: the applicant in its middle speaks for all
            everyone = "admitted" if logistic.predict(raw, np.array([[1.0, 65.0, 65.0]]))[0] else "not admitted"
            note = f"boundary outside this view:\nevery applicant predicted {everyone}"
        self.boundary_text.set_text(note)
        self.title.set_text(self._lesson(run, shown, zigzag_at, settled_at))
        show_divergence(self.ax_cost, run, shown, self.divergence_text)
        return self.fig
