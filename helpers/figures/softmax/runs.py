"""The training behind notebook 04's live panels: gradient-descent runs per learning rate, kept and continued.

Every run is :class:`helpers.optim.Descent` (the course's one batch gradient descent), trained
only as far as a slider asks, in blocks of :data:`TRAINING_BLOCK` steps. The digits panel
also shows the training and held-out cost and accuracy of every iterate: computed after
training, from the path, with :func:`helpers.metrics.path_metrics` (only for the iterates
not yet measured). Introduced in ``notebooks/09_softmax_training.ipynb``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import ipywidgets as widgets
import numpy as np
from numpy.typing import ArrayLike

from ... import optim
from ..._validate import (
    as_float_array,
    check_class_count,
    check_class_labels,
    check_iterations,
    check_lam,
    check_learning_rate,
    check_matching_rows,
)
from ...metrics import path_metrics
from ..live import LiveFigure, iterations_slider, learning_rate_slider

#: Range (base-10 exponents) of the learning-rate slider of the digits panel.
DIGITS_LEARNING_RATE_EXPONENTS: tuple[float, float] = (-2.0, 2.0)
#: Iterations trained per learning rate on the digits (the iterations slider's maximum).
DIGITS_MAX_ITER: int = 500
#: Where the digits panel's sliders start (and what its static picture shows).
DIGITS_DEFAULTS: Mapping[str, float] = MappingProxyType({"learning_rate": 1.0, "iterations": 100})
#: Range (base-10 exponents) of the learning-rate slider of the decision-regions panel.
REGIONS_LEARNING_RATE_EXPONENTS: tuple[float, float] = (-2.0, 2.0)
#: Iterations trained per learning rate in the plane (the iterations slider's maximum).
REGIONS_MAX_ITER: int = 300
#: Where the decision-regions panel's sliders start (and what its static picture shows).
REGIONS_DEFAULTS: Mapping[str, float] = MappingProxyType({"learning_rate": 1.0, "iterations": 50})
#: Steps a run is trained in: a request for step ``t`` trains up to the next multiple of this.
TRAINING_BLOCK: int = 50


def check_step(iterations: object, max_iter: int) -> int:
    """``iterations`` as an int in ``1..max_iter``, or ValueError naming the range."""
    value = check_iterations(iterations, "iterations")
    if value > max_iter:
        raise ValueError(f"iterations must be between 1 and max_iter = {max_iter}; got {value}")
    return value


class TrainingPanel(LiveFigure):
    """A live figure of gradient descent: a learning-rate and an iterations slider.

    Introduced in ``notebooks/09_softmax_training.ipynb``. A subclass sets ``exponents`` and
    ``defaults`` (the notebook's settings) and ``max_iter`` (the iterations its runs have).
    """

    exponents: tuple[float, float]
    defaults: Mapping[str, float]
    max_iter: int

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The learning rate from ``10**exponents[0]`` to ``10**exponents[1]`` and the iterations up to
        ``max_iter``, both at ``defaults``."""
        return {
            "learning_rate": learning_rate_slider(self.defaults["learning_rate"], *self.exponents),
            "iterations": iterations_slider(int(self.defaults["iterations"]), self.max_iter),
        }

    def checked(self, learning_rate: float, iterations: int) -> tuple[float, int]:
        """The learning rate and iteration count of a draw, checked: ValueError unless ``alpha > 0`` and
        ``1 <= iterations <= max_iter``."""
        return check_learning_rate(learning_rate), check_step(iterations, self.max_iter)


class SoftmaxRuns:
    """Batch gradient descent on one softmax problem, one cached run per learning rate.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Moving an iterations slider only
    slices a cached :class:`helpers.optim.Trajectory`. A learning rate is trained on first
    use, and only as far as the slider asks (rounded up to a multiple of
    :data:`TRAINING_BLOCK` steps); the run is continued when more steps are asked for. The
    runs are :class:`helpers.optim.Descent`'s: the iterates of :func:`helpers.optim.fit_softmax_gd`.
    Rates asked for together (:meth:`trajectories`) are trained together, one product per
    step for all of them; a rate asked for alone is trained alone. Rates are looked up
    exactly: pass the slider's own values (:func:`helpers.figures.live.learning_rates`).

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes.
    max_iter : int
        Iterations a run can have (the iterations slider's maximum).
    lam : float, default 0.0
        L2 strength.
    """

    def __init__(self, X: ArrayLike, y: ArrayLike, k: int, max_iter: int, lam: float = 0.0) -> None:
        self.k = check_class_count(k)
        self.X = as_float_array(X, "X", ndim=2).astype(np.float64)
        self.y = check_class_labels(y, self.k)
        check_matching_rows(self.X, self.y)
        self.max_iter = check_iterations(max_iter, "max_iter")
        self.lam = check_lam(lam)
        self._runs: dict[float, tuple[optim.Descent, int]] = {}  # rate -> its Descent and its index there

    def _train(self, alpha: float, wanted: int) -> optim.Trajectory:
        descent, index = self._runs[alpha]
        if descent.trained < wanted:
            descent.advance(self.block_end(wanted))
        return descent.trajectory(index)

    def block_end(self, iterations: int | None) -> int:
        """How far a request for ``iterations`` steps trains: up to a multiple of :data:`TRAINING_BLOCK`,
        at most ``max_iter`` (all ``max_iter`` if None)."""
        return min(-(-self._wanted(iterations) // TRAINING_BLOCK) * TRAINING_BLOCK, self.max_iter)

    def _wanted(self, iterations: int | None) -> int:
        return self.max_iter if iterations is None else check_step(iterations, self.max_iter)

    def trajectory(self, learning_rate: float, iterations: int | None = None) -> optim.Trajectory:
        """The run at ``learning_rate``: at least ``iterations`` steps, or all ``max_iter`` if None.

        A run that stopped early (its cost stopped being finite) has fewer. For a run not
        yet trained to ``max_iter``, ``diverged_at`` covers the steps trained so far. The
        same object is returned until the run is trained further.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        alpha = check_learning_rate(learning_rate)
        wanted = self._wanted(iterations)
        if alpha not in self._runs:
            self._add([alpha])
        return self._train(alpha, wanted)

    def trajectories(self, learning_rates: Iterable[float], iterations: int | None = None) -> list[optim.Trajectory]:
        """:meth:`trajectory` of each rate; the rates not cached yet are trained together.

        Raises
        ------
        ValueError
            As :meth:`trajectory`.
        """
        rates = [check_learning_rate(alpha) for alpha in learning_rates]
        wanted = self._wanted(iterations)
        new = [alpha for alpha in dict.fromkeys(rates) if alpha not in self._runs]
        if new:
            self._add(new)
        return [self._train(alpha, wanted) for alpha in rates]

    def trained(self, learning_rate: float) -> int:
        """Steps trained so far at ``learning_rate`` (0 for a rate never used)."""
        entry = self._runs.get(float(learning_rate))
        return 0 if entry is None else entry[0].trained

    def advance(self, learning_rate: float, iterations: int) -> None:
        """Train the run at ``learning_rate`` until ``iterations`` steps are done (at most ``max_iter``).

        Exactly the steps :meth:`trajectory` would train, in smaller pieces: the panel's idle
        time trains ahead this way (:meth:`DigitsSoftmax.train_ahead`).
        """
        alpha = check_learning_rate(learning_rate)
        if alpha not in self._runs:
            self._add([alpha])
        self._runs[alpha][0].advance(self._wanted(iterations))

    def _add(self, rates: list[float]) -> None:
        descent = optim.softmax_descent(self.X, self.y, self.k, rates, self.max_iter, self.lam)
        for index, alpha in enumerate(rates):
            self._runs[alpha] = (descent, index)

    @property
    def cached_learning_rates(self) -> list[float]:
        """Learning rates trained so far, in the order they were first used."""
        return list(self._runs)


@dataclass(frozen=True)
class DigitsRun:
    """One gradient-descent run on the digits with its per-iteration metrics.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Attributes
    ----------
    trajectory : helpers.optim.Trajectory
        Path of shape (T, n, 10).
    train_cost, test_cost : numpy.ndarray, shape (T,)
        Mean cross-entropy (nats) on the training and held-out samples at each iterate.
    train_accuracy, test_accuracy : numpy.ndarray, shape (T,)
        Share classified correctly at each iterate.
    """

    trajectory: optim.Trajectory
    train_cost: np.ndarray
    test_cost: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray


class DigitsSoftmax:
    """Softmax regression on the digits: cached runs per learning rate with held-out metrics.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Each learning rate is trained once,
    as far as asked (:class:`SoftmaxRuns`); the training and held-out cost and accuracy of
    its iterates are computed from the path (:func:`helpers.metrics.path_metrics`), each
    iterate once.

    Parameters
    ----------
    X_train, X_test : array_like, shape (m, 65) and (m_test, 65)
        Standardised pixels with the intercept column.
    y_train, y_test : array_like of int
        Digits 0..9.
    images_test : array_like, shape (m_test, 64)
        Raw ink counts of the held-out digits, to show the mistakes.
    max_iter : int, default DIGITS_MAX_ITER
    lam : float, default 0.0

    Raises
    ------
    ValueError
        On mismatched shapes or bad labels.
    """

    #: Number of classes: the digits 0 to 9.
    k = 10

    def __init__(
        self, X_train: ArrayLike, y_train: ArrayLike, X_test: ArrayLike, y_test: ArrayLike, images_test: ArrayLike,
        max_iter: int = DIGITS_MAX_ITER, lam: float = 0.0,
    ) -> None:
        self.runs = SoftmaxRuns(X_train, y_train, self.k, max_iter, lam)
        self.X_test = as_float_array(X_test, "X_test", ndim=2).astype(np.float64)
        self.y_test = check_class_labels(y_test, self.k, "y_test")
        check_matching_rows(self.X_test, self.y_test, "X_test", "y_test")
        if self.X_test.shape[1] != self.runs.X.shape[1]:
            raise ValueError(f"X_test must have the {self.runs.X.shape[1]} columns of X; got shape {self.X_test.shape}")
        self.images_test = as_float_array(images_test, "images_test", ndim=2)
        if self.images_test.shape != (self.X_test.shape[0], 64):
            raise ValueError(
                f"images_test must have shape ({self.X_test.shape[0]}, 64); got {self.images_test.shape}"
            )
        self.max_iter = self.runs.max_iter
        # Per rate: the four metrics of iterates 0..max_iter (rows: train cost, train accuracy,
        # held-out cost, held-out accuracy), how many iterates are filled, and the last DigitsRun.
        self._metrics: dict[float, tuple[np.ndarray, int, DigitsRun | None]] = {}

    def run(self, learning_rate: float, iterations: int | None = None) -> DigitsRun:
        """The run at ``learning_rate`` with its metrics: at least ``iterations`` steps, all if None.

        The same object is returned until the run is trained further.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        trajectory = self.runs.trajectory(learning_rate, iterations)
        alpha = float(learning_rate)
        table, filled, last = self._metrics.get(alpha, (None, 0, None))
        if last is not None and last.trajectory is trajectory:
            return last
        if table is None:
            table = np.empty((4, self.max_iter + 1))
        shown = trajectory.n_iter + 1
        if filled < shown:
            new = trajectory.path[filled:shown]
            if self.runs.lam:  # the objective holds the penalty: the cross-entropy is computed apart
                table[0, filled:shown], table[1, filled:shown] = path_metrics(self.runs.X, self.runs.y, new)
            else:  # the objective is the cross-entropy: the trajectory has it
                table[0, filled:shown] = trajectory.costs[filled:shown]
                table[1, filled:shown] = path_metrics(self.runs.X, self.runs.y, new, with_cost=False)[1]
            table[2, filled:shown], table[3, filled:shown] = path_metrics(self.X_test, self.y_test, new)
            filled = shown
        last = DigitsRun(trajectory, *(row[:shown] for row in table[[0, 2, 1, 3]]))
        self._metrics[alpha] = (table, filled, last)
        return last

    def train_ahead(self, learning_rates: Iterable[float], iterations: int | None = None, steps: int = 10) -> bool:
        """Train the first of ``learning_rates`` short of ``iterations`` by ``steps`` more, with its metrics.

        ``iterations`` is rounded up to a multiple of :data:`TRAINING_BLOCK`, as :meth:`run`
        rounds it (all ``max_iter`` if None). This is what the digits panel does while the
        kernel is idle (``LivePanel``'s ``work_ahead``), a few milliseconds at a time: after
        the iterations slider has moved past what the other learning rates were trained for,
        a move to one of them would train it (110 to 170 ms a move; a 1 s drag across the
        learning rates showed 5 of its 17 positions). The runs are the same, step for step,
        as when :meth:`run` trains them.

        Returns
        -------
        bool
            Whether a rate is left to train that far.
        """
        goal = self.runs.block_end(iterations)
        for alpha in learning_rates:
            done = self.runs.trained(alpha)
            if done < goal:
                target = min(done + check_iterations(steps, "steps"), goal)
                self.runs.advance(alpha, target)
                self.run(alpha, target)  # the metrics of the new iterates
                return True
        return False
