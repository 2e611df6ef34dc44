"""The live over-fitting panel of ``notebooks/10_regularisation.ipynb``.

:class:`OverfittingExplorer`: polynomial degree, L2 strength, learning rate and iterations
against the decision boundary and the train / held-out accuracy. Each (degree, λ, learning
rate) is trained once, on first use, through :func:`helpers.optim.logistic_descent`; the
accuracy of every iterate is computed after training (:func:`helpers.logistic.accuracy_path`).
The probabilities go to one ``AxesImage`` (``set_data``) and the boundary to one
``LineCollection`` (``set_segments``), so a slider move only updates artists, and the live
panel repaints just those over a background drawn once (``dynamic_artists``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from numbers import Integral

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import offset_copy
from numpy.typing import ArrayLike

from ... import features, logistic, optim, sigmoid
from ..._validate import check_iterations, check_lam, check_learning_rate, describe
from ..live import LiveFigure, freeze_layout, iterations_slider, learning_rate_slider, learning_rates, slider_style
from ..style import (
    CLASS_COLORS,
    CLASS_MARKERS,
    PALETTE,
    course_style,
    log_axis,
    nearest_image,
    new_figure,
    plane_grid,
    probability_cmap,
    show_divergence,
    style_axes,
)
from .rings import LIMITS, _check_points, _scatter_rings, _zero_level

__all__ = ["LAMBDAS", "OverfittingExplorer"]

#: The learning-rate slider: 10^-2 to 10^1, starting at 1.
_RATE_EXPONENTS = (-2.0, 1.0)
#: The λ slider's values, 0 then roughly three per decade.
LAMBDAS: tuple[float, ...] = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


@dataclass(frozen=True)
class _Run:
    trajectory: optim.Trajectory
    acc_train: np.ndarray
    acc_test: np.ndarray
    last_finite: int


class OverfittingExplorer(LiveFigure):
    """Live figure: polynomial logistic regression trained by gradient descent, with L2.

    Introduced in ``notebooks/10_regularisation.ipynb``. The left panel shows
    the training points (filled) and held-out points (hollow), the model's probability
    P(y = 1 | x) as a pale image and its decision boundary :math:`\\theta^T\\varphi(x) = 0`
    as a black curve; the right panel the training and held-out accuracy along the
    iterations, with the shown iteration marked.

    The design matrices are built once, for ``max_degree``
    (:func:`helpers.features.polynomial_design`, standardised with the training
    statistics); since the features are sorted by total degree, the design of a lower
    degree is their first columns. Each (degree, λ, learning rate) is trained on first use,
    ``max_iter`` steps (:func:`helpers.optim.logistic_descent`; one rate at a time, so a move
    of the degree or λ slider waits for one training, not for every rate of the slider),
    and one :class:`~helpers.optim.Trajectory` is kept per (degree, λ, learning rate) with
    the accuracy of every iterate, so moving the iterations slider only slices it.
    :meth:`live` shows it with the notebook's four sliders (:meth:`controls`).

    Parameters
    ----------
    X_train : array_like, shape (m, 2)
    y_train : array_like, shape (m,)
        Labels 0 or 1.
    X_test : array_like, shape (k, 2)
        Held-out points, never used for training.
    y_test : array_like, shape (k,)
    max_degree : int, default 8
        Highest polynomial degree offered (>= 1).
    max_iter : int, default 500
        Gradient-descent steps computed per trajectory.
    grid_size : int, default 100
        Resolution of the probability image (grid_size x grid_size points).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    image, boundary, acc_lines, marker, banner, map_title, acc_title
        The artists that :meth:`draw` updates.
    learning_rates : numpy.ndarray
        The learning-rate slider's values (:func:`helpers.figures.live.learning_rates`).
    dynamic_artists : list of matplotlib.artist.Artist
        Those artists, and the ones drawn over them (the live panel repaints only these).

    Raises
    ------
    ValueError
        If the data are not 2-D points with binary labels, or a count is not a positive integer.
    """

    cache_size = 48
    #: Every learning rate, degree and λ is visited (trained, its background and texts drawn)
    #: when the panel is first shown, so that no first move to one of them trains.
    prepare_controls = ("learning_rate", "degree", "lam")

    def __init__(
        self,
        X_train: ArrayLike,
        y_train: ArrayLike,
        X_test: ArrayLike,
        y_test: ArrayLike,
        max_degree: int = 8,
        max_iter: int = 500,
        grid_size: int = 100,
    ) -> None:
        self.X_train, self.y_train = _check_points(X_train, y_train, "X_train", "y_train")
        self.X_test, self.y_test = _check_points(X_test, y_test, "X_test", "y_test")
        self.max_degree = check_iterations(max_degree, "max_degree")
        self.max_iter = check_iterations(max_iter, "max_iter")
        size = check_iterations(grid_size, "grid_size")
        if size < 10:
            raise ValueError(f"grid_size must be at least 10; got {size}")
        self.axis, _, self.grid_points = plane_grid((*LIMITS, *LIMITS), size)
        self._designs = features.polynomial_design(self.X_train, self.max_degree, self.X_test, self.grid_points)
        for A in self._designs:
            A.flags.writeable = False
        self.learning_rates = learning_rates(*_RATE_EXPONENTS)
        self._runs: OrderedDict[tuple[int, float, float], _Run] = OrderedDict()
        self._build()

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's sliders: learning rate, iterations, polynomial degree and λ.

        Introduced in ``notebooks/10_regularisation.ipynb``.
        """
        return {
            "learning_rate": learning_rate_slider(value=1.0, min_exponent=_RATE_EXPONENTS[0],
                                                  max_exponent=_RATE_EXPONENTS[1]),
            "iterations": iterations_slider(value=self.max_iter, maximum=self.max_iter),
            "degree": widgets.IntSlider(value=self.max_degree, min=1, max=self.max_degree,
                                        description="polynomial degree d", **slider_style()),
            "lam": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LAMBDAS], value=0.0,
                                           description="regularisation λ", **slider_style()),
        }

    # --- cached computations ---------------------------------------------------------
    def design(self, degree: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Standardised design matrices (train, held-out, grid) for ``degree``.

        Introduced in ``notebooks/10_regularisation.ipynb``. They equal
        ``features.polynomial_design(X_train, degree, X_test, grid)``, taken as the first
        columns of the ``max_degree`` designs built once by the constructor.

        Returns
        -------
        tuple of 3 numpy.ndarray
            Shapes (m, n), (k, n) and (grid_size², n) with n = (d + 1)(d + 2) / 2; read-only
            views, shared by every call.
        """
        d = self._check_degree(degree)
        n = features.n_polynomial_features(d)  # columns sorted by degree: degree d's come first
        train, held_out, grid = self._designs
        return train[:, :n], held_out[:, :n], grid[:, :n]

    def run(self, degree: int, lam: float, learning_rate: float) -> _Run:
        """The cached gradient-descent run for (degree, λ, learning rate), trained on first use.

        Introduced in ``notebooks/10_regularisation.ipynb``. The run holds the
        :class:`~helpers.optim.Trajectory` of ``max_iter`` steps and the training and
        held-out accuracy (in %) of every iterate, arrays of shape (max_iter + 1,).
        At most ``cache_size`` runs are kept (least recently used dropped first).

        Raises
        ------
        ValueError
            On a degree outside 1..max_degree, a negative λ or a non-positive learning rate.
        """
        key = (self._check_degree(degree), check_lam(lam), check_learning_rate(learning_rate))
        if key in self._runs:
            self._runs.move_to_end(key)
            return self._runs[key]
        A_train, A_test, _ = self.design(key[0])
        # One rate at a time: a move of the degree or λ slider waits for one training (about
        # 60 ms at degree 8), not for all 13 slider rates together (about 120 ms).
        trajectory = self._train(key[0], key[1], np.array([key[2]])).trajectory(0)
        run = _Run(  # every iterate of a trajectory is finite: it stops before a step that overflows
            trajectory=trajectory,
            acc_train=100.0 * logistic.accuracy_path(trajectory.path, A_train, self.y_train),
            acc_test=100.0 * logistic.accuracy_path(trajectory.path, A_test, self.y_test),
            last_finite=trajectory.n_iter,
        )
        self._runs[key] = run
        if len(self._runs) > self.cache_size:
            self._runs.popitem(last=False)
        return run

    def _train(self, degree: int, lam: float, rates: np.ndarray) -> optim.Descent:
        runs = optim.logistic_descent(self.design(degree)[0], self.y_train, rates, self.max_iter, lam=lam)
        runs.advance(self.max_iter)
        return runs

    def _check_degree(self, degree: object) -> int:
        if isinstance(degree, bool) or not isinstance(degree, Integral) or not 1 <= int(degree) <= self.max_degree:
            raise ValueError(f"degree must be an integer from 1 to {self.max_degree}; got {describe(degree)}")
        return int(degree)

    # --- figure ------------------------------------------------------------------------
    def _build(self) -> None:
        fig, (ax_map, ax_acc) = new_figure(1, 2, width=10.8, height=4.4, gridspec_kw={"width_ratios": [1.1, 1]})
        self.fig, self.ax_map, self.ax_acc = fig, ax_map, ax_acc
        size = self.axis.size
        with course_style():
            self.image = nearest_image(  # drawn per cell: a live panel repaints it on every move
                ax_map,
                np.full((size, size), 0.5),
                extent=(*LIMITS, *LIMITS),
                origin="lower",
                cmap=probability_cmap(),
                vmin=0.0,
                vmax=1.0,
                zorder=0,
            )
            self.boundary = LineCollection([], colors=PALETTE["black"], linewidths=2.5, zorder=2)
            ax_map.add_collection(self.boundary)
            points = [
                *_scatter_rings(ax_map, self.X_train, self.y_train, hollow=False, suffix="train", size=46),
                *_scatter_rings(ax_map, self.X_test, self.y_test, hollow=True, suffix="held out", size=24),
            ]
            ax_map.set_xlim(*LIMITS)
            ax_map.set_ylim(*LIMITS)
            ax_map.set_aspect("equal")
            ax_map.set_xlabel("x₁ (input units)")
            ax_map.set_ylabel("x₂ (input units)")
            # Four legend entries instead of five: every text costs render time on each redraw.
            key = [
                Line2D([], [], linestyle="none", marker=CLASS_MARKERS[0], color=CLASS_COLORS[0], markersize=8),
                Line2D([], [], linestyle="none", marker=CLASS_MARKERS[1], color=CLASS_COLORS[1], markersize=8),
                Line2D([], [], linestyle="none", marker="o", markerfacecolor="none", markeredgecolor=PALETTE["grey"],
                       markersize=8),
                Line2D([], [], color=PALETTE["black"]),
            ]
            ax_map.legend(key, ["class 0, outer ring", "class 1, inner ring", "hollow: held out", "θᵀφ(x) = 0"],
                          loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=11, borderaxespad=0.2)
            ax_map.grid(False)
            steps = np.arange(1, self.max_iter + 1)
            (train_line,) = ax_acc.plot(steps, np.zeros(self.max_iter), color=PALETTE["blue"], label="training set")
            (test_line,) = ax_acc.plot(
                steps, np.zeros(self.max_iter), color=PALETTE["vermillion"], linestyle="--", label="held-out set"
            )
            self.acc_lines = (train_line, test_line)
            # Room above 100 % holds the legend, so that no curve ever passes behind it
            # (a live panel then leaves the legend in its background); the marker stops below it.
            top = 112
            self.marker = ax_acc.axvline(1, ymax=(101 - 40) / (top - 40), color=PALETTE["grey"], linewidth=1.8,
                                         linestyle=":")
            ax_acc.set_xlim(1, 1.25 * self.max_iter)
            ax_acc.set_ylim(40, top)
            ax_acc.set_xlabel("iteration (log scale)")
            ax_acc.set_ylabel("accuracy (%)")
            ax_acc.legend(loc="upper center", ncol=2, borderaxespad=0.3)
            self.banner = show_divergence(ax_map, None, 0)
            fig.suptitle("More features fit the training set; held-out points reveal over-fitting",
                         fontsize=15, fontweight="bold")
        style_axes(ax_acc)
        log_axis(ax_acc.xaxis, labels="plain")  # plain tick labels: mathtext would be parsed on every redraw
        ax_map.set_xticks([-1, 0, 1])
        ax_map.set_yticks([-1, 0, 1])
        ax_acc.set_yticks([40, 60, 80, 100])
        # The two titles change on every move. They are plain texts placed where an axes
        # title goes (centred, 6 points above the top edge), not ``Axes.set_title``: an axes
        # title is moved by every full draw, and hidden while a live panel draws its
        # background, which sends it off the figure. Written with the longest texts they
        # will hold, so that the layout below leaves room for them.
        self.map_title = ax_map.text(
            0.5, 1.0, f"Degree {self.max_degree} ({features.n_polynomial_features(self.max_degree)} features), "
            "λ = 0.001, α = 0.001", transform=offset_copy(ax_map.transAxes, fig, y=6, units="points"),
            ha="center", va="baseline", fontsize=14, fontweight="bold",
        )
        self.acc_title = ax_acc.text(
            0.5, 1.0, f"Step {self.max_iter}: train 100 %, held out 100 %",
            transform=offset_copy(ax_acc.transAxes, fig, y=6, units="points"),
            ha="center", va="baseline", fontsize=13, fontweight="bold",
        )
        # Lay the figure out once, then freeze it: constrained layout would otherwise
        # measure every text on every redraw, which costs more than the drawing itself.
        # Kept although LivePanel freezes layouts too: it would lay out the first frame's (shorter) titles.
        freeze_layout(fig)
        #: What :meth:`draw` changes, for a live panel that repaints only these (see ``LivePanel``).
        #: The probability image covers the whole map, so what is drawn over it there is
        #: repainted too: the points and the spines. So are the accuracy plot's spines, which
        #: the curves can touch (its legend sits above 100 %, where no curve goes). No slider
        #: changes a limit, a scale or an axis label: the background is drawn once.
        spines = [ax.spines[side] for ax in (ax_map, ax_acc) for side in ("left", "bottom")]
        self.dynamic_artists = [
            self.image, self.boundary, *points, *spines, *self.acc_lines, self.marker,
            self.banner, self.map_title, self.acc_title,
        ]

    def draw(self, learning_rate: float, iterations: int, degree: int, lam: float) -> Figure:
        """Show the model after ``iterations`` steps of gradient descent; return the figure.

        Introduced in ``notebooks/10_regularisation.ipynb``.

        Parameters
        ----------
        learning_rate : float
            Step size α > 0.
        iterations : int
            Steps to show, ``1 <= iterations <= max_iter``.
        degree : int
            Polynomial degree, ``1 <= degree <= max_degree``.
        lam : float
            L2 strength λ >= 0 (the intercept is not penalised).

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            On a value outside the ranges above.
        """
        alpha = check_learning_rate(learning_rate)
        steps = check_iterations(iterations, "iterations")
        if steps > self.max_iter:
            raise ValueError(f"iterations must be at most max_iter = {self.max_iter}; got {steps}")
        d = self._check_degree(degree)
        strength = check_lam(lam)
        run = self.run(d, strength, alpha)
        shown = min(steps, run.last_finite)
        theta = run.trajectory.path[shown]
        _, _, A_grid = self.design(d)
        scores = (A_grid @ theta).reshape(self.axis.size, self.axis.size)
        self.image.set_data(sigmoid.sigmoid(scores))
        self.boundary.set_segments(_zero_level(self.axis, scores))
        count = run.acc_train.size - 1  # iterates after the start
        x = np.arange(1, count + 1)
        self.acc_lines[0].set_data(x, run.acc_train[1:])
        self.acc_lines[1].set_data(x, run.acc_test[1:])
        self.marker.set_xdata([steps, steps])
        train_acc, test_acc = run.acc_train[shown], run.acc_test[shown]
        self.acc_title.set_text(f"Step {steps}: train {train_acc:.0f} %, held out {test_acc:.0f} %")
        n_features = features.n_polynomial_features(d)
        self.map_title.set_text(f"Degree {d} ({n_features} features), λ = {strength:g}, α = {alpha:.3g}")
        show_divergence(self.ax_map, run.trajectory, steps, self.banner)
        return self.fig


