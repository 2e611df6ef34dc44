"""The warm-up figure of ``notebooks/00_start_here.ipynb``: gradient descent on a parabola.

It shows how every slider panel of the course works (a figure built once, a ``draw``
method with explicit arguments, one cached trajectory per learning rate) on the
simplest problem there is: minimise :math:`f(x) = x^2 / 2`, whose gradient is ``x``, so
one step is :math:`x \\leftarrow (1 - \\alpha)\\,x`. Steps shrink ``x`` when
:math:`0 < \\alpha < 2` and blow it up when :math:`\\alpha > 2`.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .. import optim
from .._validate import check_iterations, check_learning_rate
from .live import LiveFigure, iterations_slider, learning_rate_slider
from .style import PALETTE, course_style, new_figure, show_divergence

__all__ = ["MAX_ITERATIONS", "ParabolaDescent", "parabola_trajectory"]

#: The longest run the iterations slider can ask for.
MAX_ITERATIONS = 50
START = 4.0


def _parabola(x: np.ndarray) -> tuple[float, np.ndarray]:
    return 0.5 * float(x @ x), x.copy()


@lru_cache(maxsize=128)
def parabola_trajectory(learning_rate: float) -> optim.Trajectory:
    """Gradient descent on ``f(x) = x**2 / 2`` from ``x = 4``, ``MAX_ITERATIONS`` steps, cached.

    Introduced in ``notebooks/00_start_here.ipynb``.

    Parameters
    ----------
    learning_rate : float
        Step size, > 0.

    Returns
    -------
    helpers.optim.Trajectory
        Path of shape (MAX_ITERATIONS + 1, 1).
    """
    return optim.gradient_descent(_parabola, np.array([START]), check_learning_rate(learning_rate), MAX_ITERATIONS)


class ParabolaDescent(LiveFigure):
    """Two panels: the iterates on the parabola, and the cost per iteration (log scale).

    Introduced in ``notebooks/00_start_here.ipynb``. Build it once, then call
    :meth:`draw` as often as you like; only the artists' data change. :meth:`live` shows it
    with the notebook's sliders (:meth:`controls`): learning rate 0.3 (0.01 to 10^0.5),
    10 iterations.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    """

    def __init__(self) -> None:
        fig, (ax_path, ax_cost) = new_figure(1, 2, width=12.0, height=4.6)
        grid = np.linspace(-8, 8, 400)
        with course_style():
            ax_path.plot(grid, 0.5 * grid**2, color=PALETTE["grey"], label="f(x) = x²/2")
            (self._steps,) = ax_path.plot([], [], "-o", color=PALETTE["blue"], label="iterates")
            (self._current,) = ax_path.plot([], [], "o", color=PALETTE["vermillion"], markersize=12, label="now")
            ax_path.set(xlim=(-8, 8), ylim=(-1, 33), xlabel="parameter x", ylabel="cost f(x)")
            ax_path.legend(loc="upper center")
            (self._cost,) = ax_cost.plot([], [], "-o", color=PALETTE["blue"], markersize=4)
            ax_cost.set(yscale="log", xlim=(0, MAX_ITERATIONS),
                        xlabel="iteration", ylabel="cost f(x) (log scale)")
            self._title = fig.suptitle("", fontsize=15, fontweight="bold")
        self._banner = show_divergence(ax_cost, None, 0)
        self.fig: Figure = fig
        #: What :meth:`draw` changes: a live panel repaints only these (see ``LivePanel``).
        self.dynamic_artists = [self._steps, self._current, self._cost, self._title, self._banner]

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's sliders: ``learning_rate`` at 0.3 (0.01 to 3.16) and ``iterations`` at 10.

        Introduced in ``notebooks/00_start_here.ipynb``.
        """
        return {
            "learning_rate": learning_rate_slider(0.3, min_exponent=-2, max_exponent=0.5),
            "iterations": iterations_slider(10, maximum=MAX_ITERATIONS),
        }

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show ``iterations`` steps of gradient descent with step size ``learning_rate``.

        Introduced in ``notebooks/00_start_here.ipynb``.

        Parameters
        ----------
        learning_rate : float
            > 0. Below 2 the iterates approach the minimum; above 2 they run away.
        iterations : int
            1 to ``MAX_ITERATIONS``.

        Returns
        -------
        matplotlib.figure.Figure
            The same figure, updated.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in 1..MAX_ITERATIONS.
        """
        steps = check_iterations(iterations, "iterations")
        if steps > MAX_ITERATIONS:
            raise ValueError(f"iterations must be at most {MAX_ITERATIONS}; got {steps}")
        run = parabola_trajectory(check_learning_rate(learning_rate))
        shown = min(steps, run.n_iter)
        xs = run.path[: shown + 1, 0]
        costs = run.costs[: shown + 1]
        # Iterates far outside the view are drawn at its edge, so the zig-zag stays visible.
        clipped = np.clip(xs, -7.9, 7.9)
        self._steps.set_data(clipped, np.minimum(0.5 * clipped**2, 32.5))
        self._current.set_data(clipped[-1:], np.minimum(0.5 * clipped[-1:] ** 2, 32.5))
        floored = np.maximum(costs, 1e-30)  # at α = 1 the cost is exactly 0: log scale needs > 0
        self._cost.set_data(np.arange(shown + 1), floored)
        # The limits follow the whole run, not the part shown, so that moving the iterations
        # slider leaves the axes alone (and a live panel can keep its background).
        whole = np.maximum(run.costs, 1e-30)
        self._cost.axes.set_ylim(min(float(whole.min()), 1e-6) / 10, max(float(whole.max()), 1e2) * 10)
        factor = 1 - learning_rate
        if learning_rate < 1:
            lesson = "each step shrinks x by the same factor: steady descent"
        elif learning_rate == 1:
            lesson = "one step lands exactly on the minimum"
        elif learning_rate < 2:
            lesson = "each step overshoots, yet the zig-zag shrinks"
        elif learning_rate == 2:
            lesson = "each step jumps to the mirror point: no progress"
        else:
            lesson = "each step overshoots more than the last: divergence"
        self._title.set_text(f"α = {learning_rate:.3g}: x ← {factor:+.3g}·x, {lesson}")
        show_divergence(self._cost.axes, run, shown, self._banner)
        return self.fig
