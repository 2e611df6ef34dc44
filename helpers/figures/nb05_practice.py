"""Figures and the live over-fitting panel of ``notebooks/05_regularisation_in_practice.ipynb``.

* :class:`OverfittingExplorer`: polynomial degree, L2 strength, learning rate and
  iterations against the decision boundary and the train / held-out accuracy.
* :func:`plot_boundaries`: zero level of :math:`\\theta^T \\varphi(x)` for fitted models.
* :func:`plot_lambda_sweep`: accuracy and cost against the regularisation strength.
* :func:`plot_multiclass_regions`: one-vs-rest against softmax decision regions.
* :func:`plot_age_fits`: a raw and a binned age feature against the true risk.
* :func:`plot_weight_growth`: the weights' norm along Newton's iterations.

The moving boundary of the live panel is not redrawn with ``Axes.contour``: the zero
level is traced by ``contourpy`` (the contouring library matplotlib itself uses) and
handed to one ``LineCollection`` with ``set_segments``, and the probabilities to one
``AxesImage`` with ``set_data``, so a slider move only updates artists. The live panel
repaints just those over a background drawn once (``OverfittingExplorer.dynamic_artists``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral

import contourpy
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import LinearSegmentedColormap, ListedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedFormatter, FixedLocator, FuncFormatter, LogLocator, NullLocator
from matplotlib.transforms import offset_copy
from numpy.typing import ArrayLike

from .. import features, losses, optim
from .._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_lam,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from ..sigmoid import _sigmoid, sigmoid
from .style import (
    CLASS_COLORS,
    CLASS_MARKERS,
    PALETTE,
    course_style,
    nearest_image,
    new_figure,
    show_divergence,
    style_axes,
)

__all__ = [
    "LIMITS",
    "OverfittingExplorer",
    "plot_age_fits",
    "plot_boundaries",
    "plot_lambda_sweep",
    "plot_multiclass_regions",
    "plot_weight_growth",
    "probability_cmap",
]

#: Square shown in the 2-D plots of the ring data, in input units.
LIMITS: tuple[float, float] = (-1.4, 1.4)


def _tint(colour: str, amount: float) -> tuple[float, float, float]:
    """``colour`` mixed with white: ``amount = 0`` white, ``1`` the colour itself."""
    rgb = np.array(to_rgb(colour))
    return tuple(1.0 - amount * (1.0 - rgb))


def probability_cmap() -> LinearSegmentedColormap:
    """Colour map for P(y = 1 | x): light blue (class 0) through white (0.5) to light orange (class 1).

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``. Built from the
    Okabe-Ito blue and orange of :data:`helpers.plotting.CLASS_COLORS`, so it stays
    readable with colour blindness, and kept pale so that the points on top stand out.
    """
    return LinearSegmentedColormap.from_list(
        "course_probability", [_tint(CLASS_COLORS[0], 0.4), (1.0, 1.0, 1.0), _tint(CLASS_COLORS[1], 0.4)]
    )


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(value: float, _position: int | None = None) -> str:
    """Tick label ``10⁻³`` in plain Unicode: no mathtext to parse (or fonts to look up) per redraw."""
    if value <= 0:
        return ""
    exponent = round(float(np.log10(value)))
    return "1" if exponent == 0 else "10" + str(exponent).translate(_SUPERSCRIPT)


def _plain_log_axis(axis: object) -> None:
    """Major ticks at the powers of ten, labelled by :func:`_power_of_ten`; no minor labels."""
    axis.set_major_locator(LogLocator(base=10))
    axis.set_major_formatter(FuncFormatter(_power_of_ten))
    axis.set_minor_formatter(FuncFormatter(lambda _v, _p: ""))


def _grid(limits: tuple[float, float], size: int) -> tuple[np.ndarray, np.ndarray]:
    axis = np.linspace(limits[0], limits[1], size)
    xx, yy = np.meshgrid(axis, axis)
    return axis, np.column_stack([xx.ravel(), yy.ravel()])


def _check_points(X: ArrayLike, y: ArrayLike, x_name: str, y_name: str) -> tuple[np.ndarray, np.ndarray]:
    points = as_float_array(X, x_name, ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"{x_name} must have 2 columns (x1, x2); got an array of shape {points.shape}")
    labels = check_binary_labels(y, y_name)
    check_matching_rows(points, labels, x_name, y_name)
    return points, labels


def _scatter_binary(
    ax: Axes, X: np.ndarray, y: np.ndarray, *, hollow: bool, suffix: str, size: float = 42
) -> list[PathCollection]:
    """Class 0 and class 1 points on ``ax`` (filled, or hollow for held-out data); returns the two collections."""
    names = ("class 0 (outer)", "class 1 (inner)")
    collections = []
    for label in (0, 1):
        mask = y == label
        colour = CLASS_COLORS[label]
        points = ax.scatter(
            X[mask, 0],
            X[mask, 1],
            s=size,
            marker=CLASS_MARKERS[label],
            facecolors="none" if hollow else colour,
            edgecolors=colour if hollow else "white",
            linewidths=1.1 if hollow else 0.7,
            label=f"{names[label]}, {suffix}",
            zorder=3,
        )
        collections.append(points)
    return collections


def _zero_level(axis: np.ndarray, scores: np.ndarray) -> list[np.ndarray]:
    """Segments of the curve ``scores = 0`` on the square grid ``axis`` x ``axis``."""
    generator = contourpy.contour_generator(axis, axis, scores, line_type="Separate")
    return list(generator.lines(0.0))


def _accuracy_path(path: np.ndarray, A: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Accuracy (in %) of every iterate of ``path`` (k + 1, n) on design ``A``, labels ``y``."""
    predicted = (path @ A.T) >= 0  # theta^T x >= 0  <=>  h >= 1/2
    return 100.0 * np.mean(predicted == (y == 1), axis=1)


def _descend(A: np.ndarray, y: np.ndarray, learning_rate: float, n_iter: int, lam: float) -> optim.Trajectory:
    r"""What ``optim.fit_logistic_gd(A, y, learning_rate, n_iter, lam=lam)`` returns, several times faster.

    The same steps, with the same floating-point operations in the same order, so the
    same iterates to the last bit: :math:`\theta \leftarrow \theta - \alpha\,g` with
    :math:`g = A^T(\sigma(A\theta) - y) / m + (\lambda / m)\,\tilde\theta`
    (:math:`\tilde\theta`: the weights without the intercept), from :math:`\theta = 0`.
    The general loop also evaluates the cost and checks for overflow at every step, which
    for these small designs costs more than the step itself; here the loop only steps,
    and the costs of all iterates are computed afterwards with one matrix product. The
    inputs are the explorer's own checked designs, so nothing is validated again.
    ``tests/test_figures_nb05.py`` checks that both give the same trajectory, diverging runs included.
    """
    m, n = A.shape
    path = np.zeros((n_iter + 1, n))
    penalty = np.full(n, lam / m)
    penalty[0] = 0.0  # the intercept is not penalised
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run may overflow: see below
        for t in range(n_iter):
            theta = path[t]
            residual = _sigmoid(A @ theta)
            residual -= y
            grad = A.T @ residual
            grad /= m
            if lam:
                grad += penalty * theta
            np.subtract(theta, learning_rate * grad, out=path[t + 1])
        costs = losses._bce_with_logits(y, path @ A.T).mean(axis=1)
        if lam:
            costs += lam / (2 * m) * np.sum(path[:, 1:] ** 2, axis=1)
    # Where the general loop stops: at the first iterate whose cost is not finite (kept, as
    # the loop keeps it), or before a step that overflowed the weights themselves.
    bad = ~np.isfinite(costs)
    taken, blew_up_at = n_iter, None
    if bad.any():
        first = int(np.argmax(bad))
        if np.isfinite(path[first]).all():
            taken = first
        else:
            taken, blew_up_at = first - 1, first
    costs = costs[: taken + 1]
    rise = ~np.isfinite(costs) | (costs > costs[0])  # diverged: the cost went above its start
    return optim.Trajectory(
        params=path[taken].copy(),
        costs=costs,
        path=path[: taken + 1],
        n_iter=taken,
        diverged_at=int(np.argmax(rise)) if rise.any() else blew_up_at,
    )


@dataclass(frozen=True)
class _Run:
    trajectory: optim.Trajectory
    acc_train: np.ndarray
    acc_test: np.ndarray
    last_finite: int


class OverfittingExplorer:
    """Live figure: polynomial logistic regression trained by gradient descent, with L2.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``. The left panel shows
    the training points (filled) and held-out points (hollow), the model's probability
    P(y = 1 | x) as a pale image and its decision boundary :math:`\\theta^T\\varphi(x) = 0`
    as a black curve; the right panel the training and held-out accuracy along the
    iterations, with the shown iteration marked.

    The design matrices are built once, for ``max_degree``
    (:func:`helpers.features.polynomial_design`, standardised with the training
    statistics); since the features are sorted by total degree, the design of a lower
    degree is their first columns. One :class:`~helpers.optim.Trajectory` of ``max_iter``
    steps is cached per (degree, λ, learning rate), with the accuracy of every iterate, so
    moving the iterations slider only slices it.

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
    dynamic_artists : list of matplotlib.artist.Artist
        Those artists, and the ones drawn over them, for
        ``LivePanel(..., dynamic=explorer.dynamic_artists)``.

    Raises
    ------
    ValueError
        If the data are not 2-D points with binary labels, or a count is not a positive integer.
    """

    cache_size = 48

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
        self.axis, self.grid_points = _grid(LIMITS, size)
        self._designs = features.polynomial_design(self.X_train, self.max_degree, self.X_test, self.grid_points)
        for A in self._designs:
            A.flags.writeable = False
        self._runs: OrderedDict[tuple[int, float, float], _Run] = OrderedDict()
        self._build()

    # --- cached computations ---------------------------------------------------------
    def design(self, degree: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Standardised design matrices (train, held-out, grid) for ``degree``.

        Introduced in ``notebooks/05_regularisation_in_practice.ipynb``. They equal
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
        return tuple(A[:, :n] for A in self._designs)

    def run(self, degree: int, lam: float, learning_rate: float) -> _Run:
        """The cached gradient-descent run for (degree, λ, learning rate), trained on first use.

        Introduced in ``notebooks/05_regularisation_in_practice.ipynb``. The run holds the
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
        trajectory = _descend(A_train, self.y_train, key[2], self.max_iter, key[1])  # only finite iterates
        run = _Run(
            trajectory=trajectory,
            acc_train=_accuracy_path(trajectory.path, A_train, self.y_train),
            acc_test=_accuracy_path(trajectory.path, A_test, self.y_test),
            last_finite=trajectory.n_iter,
        )
        self._runs[key] = run
        if len(self._runs) > self.cache_size:
            self._runs.popitem(last=False)
        return run

    def _check_degree(self, degree: object) -> int:
        if isinstance(degree, bool) or not isinstance(degree, Integral) or not 1 <= degree <= self.max_degree:
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
                *_scatter_binary(ax_map, self.X_train, self.y_train, hollow=False, suffix="train", size=46),
                *_scatter_binary(ax_map, self.X_test, self.y_test, hollow=True, suffix="held out", size=24),
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
            ax_acc.set_xscale("log")
            ax_acc.set_xlim(1, 1.25 * self.max_iter)
            ax_acc.set_ylim(40, top)
            ax_acc.set_xlabel("iteration (log scale)")
            ax_acc.set_ylabel("accuracy (%)")
            ax_acc.legend(loc="upper center", ncol=2, borderaxespad=0.3)
            self.banner = show_divergence(ax_map, None, 0)
            fig.suptitle("More features fit the training set; held-out points reveal over-fitting",
                         fontsize=15, fontweight="bold")
        style_axes(ax_acc)
        # Plain tick labels: the default log labels are mathtext, parsed again on every redraw.
        decades = [10**k for k in range(len(str(self.max_iter)))]
        ax_acc.xaxis.set_major_locator(FixedLocator(decades))
        ax_acc.xaxis.set_major_formatter(FixedFormatter([str(v) for v in decades]))
        ax_acc.xaxis.set_minor_locator(NullLocator())
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
        fig.draw_without_rendering()
        fig.set_layout_engine(None)  # outside course_style: removes the engine, keeps the positions
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

        Introduced in ``notebooks/05_regularisation_in_practice.ipynb``.

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
        self.image.set_data(sigmoid(scores))
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
        show_divergence(self.ax_map, run.trajectory.diverged_at, steps, self.banner)
        return self.fig


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def plot_boundaries(
    X_train: ArrayLike,
    y_train: ArrayLike,
    fits: Sequence[tuple[int, ArrayLike, str]],
    X_test: ArrayLike | None = None,
    y_test: ArrayLike | None = None,
    title: str = "",
    grid_size: int = 150,
) -> Figure:
    """One panel per fitted model: probability image, boundary θᵀφ(x) = 0 and the points.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``.

    Parameters
    ----------
    X_train : array_like, shape (m, 2)
        Training inputs; they define the standardisation of the polynomial features,
        exactly as :func:`helpers.features.polynomial_design` did for the fit.
    y_train : array_like, shape (m,)
    fits : sequence of (degree, theta, title)
        ``theta`` has shape ((degree + 1)(degree + 2) / 2,).
    X_test, y_test : array_like, optional
        Held-out points, drawn hollow.
    title : str, optional
        Title of the whole figure: the lesson it shows.
    grid_size : int, default 150

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On malformed data, or a ``theta`` whose length does not match its degree.
    """
    points, labels = _check_points(X_train, y_train, "X_train", "y_train")
    if not fits:
        raise ValueError("fits must hold at least one (degree, theta, title); got none")
    held = None if X_test is None else _check_points(X_test, y_test, "X_test", "y_test")
    axis, grid = _grid(LIMITS, check_iterations(grid_size, "grid_size"))
    fig, axes = new_figure(1, len(fits), width=min(5.0 * len(fits) + 0.8, 12.0), height=4.8)
    axes = np.atleast_1d(axes)
    with course_style():
        for ax, (degree, theta, panel_title) in zip(axes, fits, strict=True):
            weights = as_float_array(theta, "theta", ndim=1)
            if weights.shape[0] != features.n_polynomial_features(degree):
                raise ValueError(
                    f"theta for degree {degree} must have {features.n_polynomial_features(degree)} entries; "
                    f"got {weights.shape[0]}"
                )
            _, A_grid = features.polynomial_design(points, degree, grid)
            scores = (A_grid @ weights).reshape(axis.size, axis.size)
            ax.imshow(sigmoid(scores), extent=(*LIMITS, *LIMITS), origin="lower", cmap=probability_cmap(),
                      vmin=0, vmax=1, zorder=0)
            ax.add_collection(LineCollection(_zero_level(axis, scores), colors=PALETTE["black"], linewidths=2.5,
                                             zorder=2))
            _scatter_binary(ax, points, labels, hollow=False, suffix="train", size=46)
            if held is not None:
                _scatter_binary(ax, held[0], held[1], hollow=True, suffix="held out", size=24)
            ax.set_xlim(*LIMITS)
            ax.set_ylim(*LIMITS)
            ax.set_aspect("equal")
            ax.grid(False)
            ax.set_xlabel("x₁ (input units)")
            ax.set_title(panel_title)
        axes[0].set_ylabel("x₂ (input units)")
        axes[-1].plot([], [], color=PALETTE["black"], label="θᵀφ(x) = 0")
        axes[-1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=10)
        if title:
            fig.suptitle(title, fontsize=15, fontweight="bold")
    return fig


def plot_lambda_sweep(
    lams: ArrayLike,
    acc_train: ArrayLike,
    acc_test: ArrayLike,
    cost_train: ArrayLike,
    cost_test: ArrayLike,
    best: int,
    degree: int,
) -> Figure:
    """Accuracy and cross-entropy against λ (log axis), training and held-out, best λ marked.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``.

    Parameters
    ----------
    lams : array_like, shape (k,)
        Positive, increasing regularisation strengths.
    acc_train, acc_test : array_like, shape (k,)
        Accuracies in %.
    cost_train, cost_test : array_like, shape (k,)
        Unregularised cross-entropy in nats.
    best : int
        Index of the chosen λ.
    degree : int
        Polynomial degree of the models (for the title).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the arrays differ in length, a λ is not positive, or ``best`` is out of range.
    """
    grid = as_float_array(lams, "lams", ndim=1)
    curves = [as_float_array(c, name, ndim=1) for c, name in
              ((acc_train, "acc_train"), (acc_test, "acc_test"), (cost_train, "cost_train"), (cost_test, "cost_test"))]
    if any(c.shape != grid.shape for c in curves):
        raise ValueError(f"every curve must have the shape of lams, {grid.shape}; got {[c.shape for c in curves]}")
    if (grid <= 0).any():
        raise ValueError("lams must be positive (a log axis cannot show λ = 0); use a tiny value instead")
    if isinstance(best, bool) or not isinstance(best, Integral) or not 0 <= best < grid.size:
        raise ValueError(f"best must be an index from 0 to {grid.size - 1}; got {describe(best)}")
    fig, (ax_acc, ax_cost) = new_figure(1, 2, width=12.0, height=4.6)
    with course_style():
        for ax, (train, test), unit in (
            (ax_acc, curves[:2], "accuracy (%)"),
            (ax_cost, curves[2:], "cross-entropy J (nats)"),
        ):
            ax.plot(grid, train, color=PALETTE["blue"], marker="o", markersize=5, label="training set")
            ax.plot(grid, test, color=PALETTE["vermillion"], marker="s", markersize=5, linestyle="--",
                    label="held-out set")
            ax.axvline(grid[best], color=PALETTE["green"], linewidth=2, label=f"best λ = {grid[best]:.3g}")
            ax.set_xscale("log")
            ax.set_xlabel("regularisation strength λ (log scale)")
            ax.set_ylabel(unit)
        ax_cost.set_yscale("log")
        for axis in (ax_acc.xaxis, ax_cost.xaxis, ax_cost.yaxis):
            _plain_log_axis(axis)
        ax_acc.annotate("over-fitting:\ntrain ≫ held out", xy=(grid[0], curves[1][0]), xytext=(0.04, 0.32),
                        textcoords="axes fraction", fontsize=12, color=PALETTE["vermillion"],
                        arrowprops={"arrowstyle": "->", "color": PALETTE["vermillion"]})
        ax_acc.annotate("under-fitting:\nboth drop", xy=(grid[-1], curves[1][-1]), xytext=(0.70, 0.80),
                        textcoords="axes fraction", fontsize=12, color=PALETTE["black"],
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        ax_acc.legend(loc="center left", bbox_to_anchor=(0.0, 0.62), fontsize=11)
        ax_acc.set_title(f"Degree {degree}: accuracy")
        ax_cost.set_title("Held-out cost is lowest in between")
        fig.suptitle("Too little λ over-fits, too much under-fits: the sweet spot is in between",
                     fontsize=15, fontweight="bold")
    return fig


def plot_multiclass_regions(
    X: ArrayLike,
    y: ArrayLike,
    W_ovr: ArrayLike,
    W_softmax: ArrayLike,
    mean: ArrayLike,
    std: ArrayLike,
    limits: tuple[float, float] = (-6.2, 6.2),
    grid_size: int = 160,
) -> Figure:
    """Decision regions of one-vs-rest (left) and softmax (right) on the same 2-D points.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``. In the one-vs-rest
    panel the region where *every* binary model says "not my class" (all K scores below
    1/2) is greyed: argmax still picks a class there, but no model claimed it.

    Parameters
    ----------
    X : array_like, shape (m, 2)
        Points in input units.
    y : array_like of int, shape (m,)
        Labels ``0..K-1``.
    W_ovr, W_softmax : array_like, shape (3, K)
        Weights on the design ``[1, standardised x1, standardised x2]``.
    mean, std : array_like, shape (2,)
        The standardisation used for the fits.
    limits : tuple of 2 float
        Square shown, in input units.
    grid_size : int, default 160

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On mismatched shapes.
    """
    points = as_float_array(X, "X", ndim=2)
    labels = np.asarray(y)
    if points.shape[1] != 2 or labels.shape != (points.shape[0],):
        raise ValueError(f"X must have shape (m, 2) and y shape (m,); got {points.shape} and {labels.shape}")
    ovr = as_float_array(W_ovr, "W_ovr", ndim=2)
    soft = as_float_array(W_softmax, "W_softmax", ndim=2)
    if ovr.shape != soft.shape or ovr.shape[0] != 3:
        raise ValueError(f"W_ovr and W_softmax must both have shape (3, K); got {ovr.shape} and {soft.shape}")
    k = ovr.shape[1]
    axis, grid = _grid(limits, check_iterations(grid_size, "grid_size"))
    scaled = (grid - as_float_array(mean, "mean", ndim=1)) / as_float_array(std, "std", ndim=1)
    design = np.column_stack([np.ones(grid.shape[0]), scaled])
    region_cmap = ListedColormap([_tint(c, 0.35) for c in CLASS_COLORS[:k]])
    fig, axes = new_figure(1, 2, width=10.6, height=5.6)
    with course_style():
        for ax, W, title in (
            (axes[0], ovr, "One-vs-rest: K separate yes/no models"),
            (axes[1], soft, "Softmax: one model, probabilities sum to 1"),
        ):
            scores = design @ W
            regions = np.argmax(scores, axis=1).reshape(axis.size, axis.size)
            ax.imshow(regions, extent=(*limits, *limits), origin="lower", cmap=region_cmap, vmin=-0.5,
                      vmax=k - 0.5, interpolation="nearest", zorder=0)
            if W is ovr:
                unclaimed = (sigmoid(scores).max(axis=1) < 0.5).reshape(axis.size, axis.size)
                overlay = np.zeros((*unclaimed.shape, 4))
                overlay[unclaimed] = (*to_rgb(PALETTE["grey"]), 0.55)
                ax.imshow(overlay, extent=(*limits, *limits), origin="lower", interpolation="nearest", zorder=1)
                ax.fill_between([], [], color=PALETTE["grey"], alpha=0.55, label="no model says “mine” (all < ½)")
            for c in range(k):
                mask = labels == c
                ax.scatter(points[mask, 0], points[mask, 1], s=28, marker=CLASS_MARKERS[c], color=CLASS_COLORS[c],
                           edgecolors="white", linewidths=0.5, label=f"class {c}", zorder=3)
            ax.set_xlim(*limits)
            ax.set_ylim(*limits)
            ax.set_aspect("equal")
            ax.grid(False)
            ax.set_xlabel("x₁ (input units)")
            ax.set_title(title, fontsize=14)
        axes[0].set_ylabel("x₂ (input units)")
        handles, names = axes[0].get_legend_handles_labels()
        fig.legend(handles, names, loc="outside lower center", ncol=len(names), fontsize=11)
        fig.suptitle("Both pick the class with the largest score; the regions almost agree",
                     fontsize=15, fontweight="bold")
    return fig


def plot_age_fits(
    age: ArrayLike,
    y: ArrayLike,
    edges: ArrayLike,
    grid: ArrayLike,
    curves: Sequence[tuple[str, ArrayLike, str, str]],
    ax: Axes | None = None,
    title: str = "",
    legend_at: tuple[float, float] = (0.5, 0.74),
    legend_columns: int = 2,
) -> Figure:
    """Outcomes against age: data as a rug, observed rate per bin, and fitted probability curves.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``.

    Parameters
    ----------
    age : array_like, shape (m,)
        Ages (years) of the training people.
    y : array_like, shape (m,)
        Outcomes 0 or 1.
    edges : array_like, shape (K - 1,)
        Inner bin edges, drawn as thin vertical lines; the observed rate of each bin is
        drawn as a short horizontal bar.
    grid : array_like, shape (g,)
        Ages at which the curves are evaluated.
    curves : sequence of (label, probabilities of shape (g,), colour, line style)
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    title : str
    legend_at : tuple of 2 float, default (0.5, 0.74)
        Centre of the legend, in axes fractions (put it where the curves are not).
    legend_columns : int, default 2

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On mismatched shapes or non-binary outcomes.
    """
    years = as_float_array(age, "age", ndim=1)
    outcomes = check_binary_labels(y)
    check_matching_rows(years, outcomes, "age", "y")
    cuts = as_float_array(edges, "edges", ndim=1)
    ages = as_float_array(grid, "grid", ndim=1)
    if ax is None:
        fig, ax = new_figure(width=9.0, height=4.8)
    else:
        fig = ax.figure
    with course_style():
        shown = years[years <= ages.max()]  # a typo far outside the axis is not drawn
        shown_y = outcomes[years <= ages.max()]
        ax.plot(shown, 0.02 + 0.96 * shown_y, linestyle="none", marker="|", markersize=10, alpha=0.35,
                color=PALETTE["grey"], label="people (0 / 1)")
        bins = features.bin_index(years, cuts)
        bounds = np.concatenate([[ages.min()], cuts, [ages.max()]])
        counts = np.bincount(bins, minlength=cuts.size + 1)
        rates = np.bincount(bins, weights=outcomes, minlength=cuts.size + 1) / np.maximum(counts, 1)
        for b in range(cuts.size + 1):
            ax.plot(bounds[b : b + 2], [rates[b], rates[b]], color=PALETTE["green"], linewidth=6, alpha=0.45,
                    solid_capstyle="butt", label="observed rate per bin" if b == 0 else None)
        for edge in cuts:
            ax.axvline(edge, color=PALETTE["grey"], linewidth=1, linestyle=":")
        for label, probs, colour, style in curves:
            values = as_float_array(probs, "probabilities", ndim=1)
            if values.shape != ages.shape:
                raise ValueError(f"each curve must have the shape of grid, {ages.shape}; got {values.shape}")
            ax.plot(ages, values, color=colour, linestyle=style, label=label)
        ax.set_xlim(ages.min(), ages.max())
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("age (years)")
        ax.set_ylabel("P(y = 1 | age)")
        if title:
            ax.set_title(title)
        ax.legend(loc="center", bbox_to_anchor=legend_at, fontsize=10, ncol=legend_columns, framealpha=0.95)
    return fig


def plot_weight_growth(runs: Sequence[tuple[str, optim.Trajectory, str]], ax: Axes | None = None) -> Figure:
    """Norm of the weights after each Newton iteration, one line per run.

    Introduced in ``notebooks/05_regularisation_in_practice.ipynb``.

    Parameters
    ----------
    runs : sequence of (label, Trajectory, colour)
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``runs`` is empty.
    """
    if not runs:
        raise ValueError("runs must hold at least one (label, Trajectory, colour); got none")
    if ax is None:
        fig, ax = new_figure(width=8.0, height=4.4)
    else:
        fig = ax.figure
    with course_style():
        for (label, trajectory, colour), marker in zip(runs, CLASS_MARKERS, strict=False):
            norms = np.linalg.norm(trajectory.path, axis=1)
            ax.plot(np.arange(norms.size), norms, color=colour, marker=marker, markersize=5, label=label)
        ax.set_xlabel("Newton iteration")
        ax.set_ylabel("weight norm ‖θ‖")
        ax.set_title("Separable data: without λ the weights never stop growing")
        ax.legend(loc="upper left")
    return fig

