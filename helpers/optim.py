"""Optimisers that record their whole path: gradient descent, mini-batch SGD and Newton.

Every optimiser returns a :class:`Trajectory` holding the cost and the parameters at
every iterate, so a notebook can train once per learning rate and then show any
iteration count by slicing (this is what keeps the sliders instant).

Gradient descent is introduced in ``notebooks/01_sigmoid.ipynb`` (as a preview) and
derived in ``notebooks/03_likelihood_cross_entropy.ipynb``, together with Newton's method;
mini-batch and stochastic updates in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from . import logistic, softmax
from ._validate import (
    as_float_array,
    check_binary_labels,
    check_class_count,
    check_class_labels,
    check_iterations,
    check_lam,
    check_learning_rate,
    check_matching_rows,
    describe,
)

__all__ = [
    "Descent",
    "Trajectory",
    "cost_behaviour",
    "fit_logistic_gd",
    "fit_logistic_newton",
    "fit_softmax_gd",
    "gradient_descent",
    "logistic_descent",
    "minibatch_gradient_descent",
    "newton",
    "softmax_descent",
]

CostAndGradient = Callable[[np.ndarray], tuple[float, np.ndarray]]


@dataclass(frozen=True)
class Trajectory:
    """The record of one optimisation run.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Attributes
    ----------
    params : numpy.ndarray, shape of ``x0``
        The last iterate.
    costs : numpy.ndarray, shape (k + 1,)
        ``costs[i]`` is the cost at iterate ``i``; ``costs[0]`` is the cost at the start.
    path : numpy.ndarray, shape (k + 1, *x0.shape)
        ``path[i]`` is iterate ``i``; ``path[0]`` is the starting point.
    n_iter : int
        Iterations taken, ``k`` (fewer than requested if the run stopped early).
    diverged_at : int or None
        The first iteration whose cost is above the starting cost (or not finite): the
        learning rate is too large. ``None`` if the cost never rose above its start.
    converged : bool
        Whether a stopping tolerance was met (always ``False`` when none was given).
    separable : bool
        Set by :func:`fit_logistic_newton` without a penalty when its last iterate puts
        every sample strictly on the side of its own label: the classes are linearly
        separable, the cost has no minimiser (it tends to 0 only as the weights grow
        without bound), and ``converged`` is ``False`` however small the gradient became.
    """

    params: np.ndarray
    costs: np.ndarray
    path: np.ndarray
    n_iter: int
    diverged_at: int | None
    converged: bool = False
    separable: bool = False

    def at(self, iteration: int) -> np.ndarray:
        """Parameters after ``iteration`` steps (the last iterate if the run was shorter)."""
        return self.path[min(max(int(iteration), 0), self.n_iter)]

    def cost_at(self, iteration: int) -> float:
        """Cost after ``iteration`` steps (the last one if the run was shorter)."""
        return float(self.costs[min(max(int(iteration), 0), self.n_iter)])


def _first_rise(costs: np.ndarray) -> int | None:
    bad = ~np.isfinite(costs) | (costs > costs[0])
    return int(np.argmax(bad)) if bad.any() else None



def cost_behaviour(costs: ArrayLike, iteration: int | None = None) -> tuple[str, int | None]:
    """What the cost of a run did up to ``iteration``, for the divergence banner of a figure.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. A cost that rises above
    its starting value does not always mean a run that fails. With ``c_0 .. c_t`` the
    costs up to iteration ``t`` and ``k`` the first iteration whose cost is above ``c_0``
    (or not finite):

    - ``"descends"``: no cost above ``c_0`` (``k`` is None);
    - ``"grows"``: a cost is not finite (the run blew up), or, over the iterations
      ``k..t`` cut into two halves, the highest cost of the second half is more than 1 %
      above the highest of the first and its median is above the first half's median
      (new highs keep coming and the typical cost climbs with them; with fewer than four
      iterations since ``k``: the last cost is the highest so far). A run that jumps about
      chaotically, mostly low with rare spikes, is not growth even if a late spike sets a
      new high: which spike is highest depends on rounding (on the BLAS kernels a CPU
      picks), the median does not;
    - ``"recovers"``: the cost overshot at ``k`` but has stayed below ``c_0`` for the last
      ``w`` iterations, or has fallen at each of the last ``max(w, 3)``, where ``w`` is a
      quarter of the iterations since ``k`` (at least 2): an overshoot that recovers, as a
      first step that is too long for the start but not for the rest of the way;
    - ``"oscillates"``: otherwise: the cost keeps jumping above its start without new highs.

    Parameters
    ----------
    costs : array_like, shape (k + 1,)
        ``Trajectory.costs``.
    iteration : int, optional
        The last iteration to look at (default: the last one).

    Returns
    -------
    (str, int or None)
        The behaviour and ``k`` (None for ``"descends"``).

    Raises
    ------
    ValueError
        If ``costs`` is not a non-empty 1-D array or ``iteration`` is negative.

    Examples
    --------
    >>> cost_behaviour([4.0, 3.0, 2.0])
    ('descends', None)
    >>> cost_behaviour([4.0, 5.0, 3.0, 2.0, 1.5])
    ('recovers', 1)
    >>> cost_behaviour([4.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0])
    ('oscillates', 1)
    >>> cost_behaviour([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
    ('grows', 1)
    """
    values = np.asarray(costs, dtype=np.float64)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"costs must be a non-empty 1-D array; got shape {values.shape}")
    if iteration is not None:
        t = int(iteration)
        if t < 0:
            raise ValueError(f"iteration must be >= 0; got {iteration!r}")
        values = values[: t + 1]
    start = values[0]
    rose = ~np.isfinite(values) | (values > start)
    if not rose.any():
        return "descends", None
    k = int(np.argmax(rose))
    since = values[k:]
    if not np.isfinite(since).all():
        return "grows", k
    t = values.size - 1
    last_above = t - int(np.argmax(rose[::-1]))
    window = max(2, -(-since.size // 4))  # a quarter of the iterations since the rise, rounded up
    falling = max(window, 3)
    if t - last_above >= window or (since.size > falling and (np.diff(since[-falling - 1 :]) < 0).all()):
        return "recovers", k
    if since.size < 4:
        return ("grows" if since[-1] >= since.max() else "oscillates"), k
    half = since.size // 2
    first, second = since[:half], since[half:]
    grows = second.max() > 1.01 * first.max() and np.median(second) > np.median(first)
    return ("grows" if grows else "oscillates"), k

def gradient_descent(
    fun: CostAndGradient,
    x0: ArrayLike,
    learning_rate: float,
    n_iter: int,
) -> Trajectory:
    r"""Batch gradient descent, :math:`x_{t+1} = x_t - \alpha \nabla f(x_t)`, recording every step.

    Introduced in ``notebooks/01_sigmoid.ipynb`` and derived in
    ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Divergence is reported, not raised: if the cost rises above its starting value the
    iteration is stored in ``diverged_at``; if the cost, the gradient or the next iterate
    stops being finite, the run ends at the last finite iterate.

    Parameters
    ----------
    fun : callable
        ``fun(x) -> (cost, gradient)``; the gradient has the shape of ``x``.
    x0 : array_like
        Starting point (not modified).
    learning_rate : float
        Step size :math:`\alpha > 0`.
    n_iter : int
        Number of steps (>= 1).

    Returns
    -------
    Trajectory
        With ``n_iter + 1`` costs and iterates, unless the run stopped early.

    Raises
    ------
    ValueError
        If ``learning_rate`` is not a positive number, ``n_iter`` is not a positive
        integer, or ``x0`` is not finite.

    Examples
    --------
    >>> import numpy as np
    >>> run = gradient_descent(lambda x: (float(x @ x), 2 * x), np.array([1.0]), 0.25, 3)
    >>> run.path.ravel().tolist()
    [1.0, 0.5, 0.25, 0.125]
    """
    alpha = check_learning_rate(learning_rate)
    steps = check_iterations(n_iter)
    x = as_float_array(x0, "x0").astype(np.float64)
    path = np.empty((steps + 1, *x.shape))
    costs = np.empty(steps + 1)
    taken, blew_up_at = steps, None
    for t in range(steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # a cost that overflows ends the run below
            value, grad = fun(x)
        path[t] = x
        costs[t] = value
        if not (np.isfinite(value) and np.all(np.isfinite(grad))):
            taken = t
            break
        if t < steps:
            with np.errstate(over="ignore", invalid="ignore"):
                x = x - alpha * grad
            if not np.all(np.isfinite(x)):  # the step itself overflowed: stop before it
                taken, blew_up_at = t, t + 1
                break
    rise = _first_rise(costs[: taken + 1])
    return Trajectory(
        params=path[taken].copy(),
        costs=costs[: taken + 1],
        path=path[: taken + 1],
        n_iter=taken,
        diverged_at=rise if rise is not None else blew_up_at,
    )



class Descent:
    r"""Batch gradient descent at several learning rates at once, trained as far as asked.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``; every training figure of
    the course trains through it. For each rate :math:`\alpha_j` it takes the steps
    :math:`x_{t+1} = x_t - \alpha_j \nabla f(x_t)` of :func:`gradient_descent`, and
    :meth:`trajectory` returns, rate by rate, the :class:`Trajectory` that
    :func:`gradient_descent` returns: the same iterates (up to the rounding of a matrix
    product that serves all rates), stopped where it stops (at the first iterate whose
    cost or gradient is not finite, kept; or before a step that overflowed, which is then
    ``diverged_at``), with the same ``diverged_at``. ``tests/test_optim.py`` checks this
    for converging, diverging and overflowing rates.

    Why a second loop: the textbook loop evaluates the cost at every step and trains one
    rate at a time. A slider offers 10 to 20 rates; here each step is one stacked product
    for all of them (17 rates of notebook 02 cost about what one costs), and the costs of
    a whole path are computed afterwards in a few vectorised passes, only for the iterates
    a trajectory needs. Training happens on demand (:meth:`advance`): a figure that shows
    100 iterations of a run does not pay for 1,000.

    Parameters
    ----------
    gradient : callable
        ``gradient(xs)`` for stacked iterates ``xs`` of shape ``(L, *x0.shape)``: their
        gradients, same shape. It must not modify ``xs``.
    cost : callable
        ``cost(xs)`` for stacked iterates of shape ``(S, *x0.shape)``: their costs, shape (S,).
    x0 : array_like
        The starting point of every run (not modified).
    learning_rates : array_like, shape (L,)
        Step sizes, each > 0.
    max_iter : int
        The most steps any run will take (>= 1).

    Raises
    ------
    ValueError
        On a non-positive or non-finite learning rate, a non-positive ``max_iter``, or a
        non-finite ``x0``.

    Examples
    --------
    >>> import numpy as np
    >>> runs = Descent(lambda xs: 2 * xs, lambda xs: (xs**2).sum(axis=1), np.array([1.0]), [0.25, 1.5], 3)
    >>> runs.advance(3)
    >>> runs.trajectory(0).path.ravel().tolist(), runs.trajectory(1).diverged_at
    ([1.0, 0.5, 0.25, 0.125], 1)
    """

    def __init__(
        self,
        gradient: Callable[[np.ndarray], np.ndarray],
        cost: Callable[[np.ndarray], np.ndarray],
        x0: ArrayLike,
        learning_rates: ArrayLike,
        max_iter: int,
    ) -> None:
        rates = as_float_array(learning_rates, "learning_rates", ndim=1).astype(np.float64)
        for rate in rates:
            check_learning_rate(float(rate))
        self.learning_rates = rates
        self.max_iter = check_iterations(max_iter, "max_iter")
        start = as_float_array(x0, "x0").astype(np.float64)
        self._gradient, self._cost = gradient, cost
        self._path = np.empty((self.max_iter + 1, rates.size, *start.shape))
        self._path[0] = start
        self._steps = rates.reshape(-1, *([1] * start.ndim))  # broadcasts against (L, *shape)
        self._finite_gradient = np.ones((self.max_iter + 1, rates.size), dtype=bool)
        self._costs = np.full((self.max_iter + 1, rates.size), np.nan)
        self._costs_known = np.zeros(rates.size, dtype=np.int64)  # costs[:known, j] are filled
        self.trained = 0
        self._trajectories: dict[int, tuple[int, Trajectory]] = {}
        self._finite_iterate: np.ndarray = np.ones((1, rates.size), dtype=bool)

    def advance(self, iterations: int) -> None:
        """Train every rate until ``iterations`` steps are done (at most ``max_iter``).

        A run that has stopped (not finite) keeps stepping on NaNs; its trajectory ends
        where :func:`gradient_descent` would have ended it.
        """
        target = min(check_iterations(iterations, "iterations"), self.max_iter)
        flat = self._path.reshape(self.max_iter + 1, self.learning_rates.size, -1)
        with np.errstate(all="ignore"):  # a diverging rate overflows here: its trajectory reports it
            for t in range(self.trained, target):
                grad = self._gradient(self._path[t])
                self._finite_gradient[t] = np.isfinite(grad.reshape(grad.shape[0], -1)).all(axis=1)
                grad *= self._steps
                np.subtract(self._path[t], grad, out=self._path[t + 1])
        if target > self.trained:
            self.trained = target
            self._finite_iterate = np.asarray(np.isfinite(flat[: target + 1]).all(axis=2))

    def trajectory(self, index: int) -> Trajectory:
        """The run of ``learning_rates[index]`` as trained so far (the same object until trained further)."""
        n = self.trained
        cached = self._trajectories.get(index)
        if cached is not None:
            trained_then, run = cached
            if trained_then == n or run.n_iter < trained_then:  # nothing new, or the run had already stopped
                return run
        finite = self._finite_iterate[:, index] if n else np.ones(1, dtype=bool)
        last = n if finite.all() else int(np.argmin(finite)) - 1  # iterates 0..last are finite
        costs = self._costs_for(index, last)
        ok = np.isfinite(costs) & self._finite_gradient[: last + 1, index]
        if not ok.all():
            taken, blew_up_at = int(np.argmin(ok)), None  # the textbook loop keeps this iterate and stops
        elif last < n:
            taken, blew_up_at = last, last + 1  # the next step overflowed: stop before it
        else:
            taken, blew_up_at = n, None
        rise = _first_rise(costs[: taken + 1])
        path = self._path[: taken + 1, index]
        run = Trajectory(
            params=path[-1].copy(), costs=costs[: taken + 1], path=path, n_iter=taken,
            diverged_at=rise if rise is not None else blew_up_at,
        )
        self._trajectories[index] = (n, run)
        return run

    def trajectories(self) -> list[Trajectory]:
        """Every rate's run as trained so far, in the order of ``learning_rates``."""
        return [self.trajectory(j) for j in range(self.learning_rates.size)]

    def _costs_for(self, index: int, last: int, chunk: int = 256) -> np.ndarray:
        """Costs of iterates 0..last of run ``index``, computed once, in chunks of stacked iterates."""
        known = int(self._costs_known[index])
        with np.errstate(all="ignore"):
            for start in range(known, last + 1, chunk):
                stop = min(start + chunk, last + 1)
                self._costs[start:stop, index] = self._cost(self._path[start:stop, index])
        self._costs_known[index] = max(known, last + 1)
        return self._costs[: last + 1, index].copy()


def logistic_descent(
    X: ArrayLike,
    y: ArrayLike,
    learning_rates: ArrayLike,
    max_iter: int,
    theta0: ArrayLike | None = None,
    lam: float = 0.0,
    loss: str = "cross_entropy",
) -> Descent:
    """:class:`Descent` on binary logistic regression: :func:`fit_logistic_gd` for several rates at once.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. Nothing is trained until
    :meth:`Descent.advance` is called.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
    learning_rates : array_like, shape (L,)
    max_iter : int
    theta0 : array_like, shape (n,), optional
        Starting weights; zeros by default.
    lam : float, default 0.0
        L2 strength (only for ``loss="cross_entropy"``).
    loss : {"cross_entropy", "mse"}

    Returns
    -------
    Descent
        Trajectories with paths of shape (k + 1, n).

    Raises
    ------
    ValueError
        As :func:`fit_logistic_gd`.
    """
    design, labels, start, strength = _binary_problem(X, y, theta0, lam)
    if loss not in ("cross_entropy", "mse"):
        raise ValueError(f"loss must be 'cross_entropy' or 'mse'; got {loss!r}")
    if loss == "mse" and strength:
        raise ValueError(f"lam is only supported with loss='cross_entropy'; got lam={lam!r}")
    design = design.astype(np.float64)
    labels = labels.astype(np.float64)
    return Descent(
        lambda thetas: logistic._stacked_gradients(thetas, design, labels, strength, loss),
        lambda thetas: logistic._stacked_costs(thetas, design, labels, strength, loss),
        start, learning_rates, max_iter,
    )


def softmax_descent(
    X: ArrayLike,
    y: ArrayLike,
    k: int,
    learning_rates: ArrayLike,
    max_iter: int,
    lam: float = 0.0,
) -> Descent:
    """:class:`Descent` on softmax regression from ``W = 0``: :func:`fit_softmax_gd` for several rates at once.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
    learning_rates : array_like, shape (L,)
    max_iter : int
    lam : float, default 0.0

    Returns
    -------
    Descent
        Trajectories with paths of shape (k + 1, n, k).

    Raises
    ------
    ValueError
        As :func:`fit_softmax_gd`.
    """
    design, labels, classes = _softmax_problem(X, y, k)
    strength = check_lam(lam)
    return Descent(
        lambda Ws: softmax._stacked_gradients(Ws, design, labels, strength),
        lambda Ws: softmax._stacked_costs(Ws, design, labels, strength),
        np.zeros((design.shape[1], classes)), learning_rates, max_iter,
    )

def minibatch_gradient_descent(
    fun: Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]],
    x0: ArrayLike,
    n_samples: int,
    learning_rate: float,
    n_epochs: int,
    batch_size: int,
    rng: np.random.Generator,
    full_cost: Callable[[np.ndarray], float] | None = None,
) -> Trajectory:
    r"""Mini-batch gradient descent; ``batch_size=1`` is stochastic gradient descent.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Each epoch shuffles the samples with ``rng`` and takes one step per batch of
    ``batch_size`` samples (the last batch may be smaller). ``batch_size = n_samples``
    is batch gradient descent, one step per epoch.

    Parameters
    ----------
    fun : callable
        ``fun(x, idx) -> (cost, gradient)`` on the samples with indices ``idx``.
    x0 : array_like
        Starting point (not modified).
    n_samples : int
        Number of samples ``m``.
    learning_rate : float
    n_epochs : int
        Passes over the data (>= 1).
    batch_size : int
        Samples per step, ``1 <= batch_size <= n_samples``.
    rng : numpy.random.Generator
        Source of the shuffles; pass a seeded one for reproducible runs.
    full_cost : callable, optional
        ``full_cost(x) -> float`` on all samples, recorded after each epoch. Without it,
        ``fun(x, all indices)`` is used.

    Returns
    -------
    Trajectory
        One entry per epoch (``n_epochs + 1`` including the start).

    Raises
    ------
    ValueError
        On a non-positive learning rate, epoch count or batch size, a batch larger than
        the data, or a ``rng`` that is not a ``numpy.random.Generator``.
    """
    alpha = check_learning_rate(learning_rate)
    epochs = check_iterations(n_epochs, "n_epochs")
    m = check_iterations(n_samples, "n_samples")
    size = check_iterations(batch_size, "batch_size")
    if size > m:
        raise ValueError(f"batch_size must be at most n_samples = {m}; got {size}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}"
        )
    everyone = np.arange(m)

    def whole(point: np.ndarray) -> float:
        return float(full_cost(point)) if full_cost is not None else float(fun(point, everyone)[0])

    x = as_float_array(x0, "x0").astype(np.float64)
    path = np.empty((epochs + 1, *x.shape))
    costs = np.empty(epochs + 1)
    path[0], costs[0] = x, whole(x)
    taken = epochs
    for epoch in range(1, epochs + 1):
        order = rng.permutation(m)
        for start in range(0, m, size):
            _, grad = fun(x, order[start : start + size])
            x = x - alpha * grad
        path[epoch], costs[epoch] = x, whole(x)
        if not (np.isfinite(costs[epoch]) and np.all(np.isfinite(x))):
            taken = epoch
            break
    return Trajectory(
        params=path[taken].copy(),
        costs=costs[: taken + 1],
        path=path[: taken + 1],
        n_iter=taken,
        diverged_at=_first_rise(costs[: taken + 1]),
    )


def newton(
    fun: Callable[[np.ndarray], tuple[float, np.ndarray, np.ndarray]],
    x0: ArrayLike,
    tol: float = 1e-8,
    max_iter: int = 50,
) -> Trajectory:
    r"""Newton's method with backtracking, :math:`x_{t+1} = x_t - s\,H^{-1}\nabla f(x_t)`.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. For logistic regression
    this is iteratively reweighted least squares (IRLS). The full step ``s = 1`` is tried
    first and halved until the cost does not increase. The halving is what makes the
    method safe from any start: a pure Newton step can overshoot far from the optimum and
    even raise the cost. Near the optimum the full step is always taken and convergence
    is quadratic (the number of correct digits doubles per step).

    It stops when the gradient is small, :math:`\lVert\nabla f(x_t)\rVert < \text{tol}`, the
    condition a minimiser satisfies. (A small change in cost is no such evidence: it also
    happens where the cost only approaches its infimum, as on separable data.)

    Parameters
    ----------
    fun : callable
        ``fun(x) -> (cost, gradient, hessian)`` for a 1-D ``x`` of shape (n,); the Hessian
        has shape (n, n).
    x0 : array_like, shape (n,)
        Starting point (not modified).
    tol : float, default 1e-8
        Stop when the Euclidean norm of the gradient is below ``tol``.
    max_iter : int, default 50

    Returns
    -------
    Trajectory
        ``converged`` says whether ``tol`` was met within ``max_iter`` steps.

    Raises
    ------
    ValueError
        If ``x0`` is not a finite 1-D array, ``tol`` is not positive or ``max_iter`` is
        not a positive integer.
    """
    x = as_float_array(x0, "x0", ndim=1).astype(np.float64)
    limit = check_iterations(max_iter, "max_iter")
    if not (isinstance(tol, (int, float)) and np.isfinite(tol) and tol > 0):
        raise ValueError(f"tol must be a positive, finite number; got {tol!r}")
    value, grad, hess = fun(x)
    path, costs = [x], [float(value)]
    converged = bool(np.linalg.norm(grad) < tol)
    for _ in range(0 if converged else limit):
        try:
            direction = np.linalg.solve(hess, grad)
        except np.linalg.LinAlgError:  # singular Hessian: least-squares step instead
            direction = np.linalg.lstsq(hess, grad, rcond=None)[0]
        step = 1.0
        while True:
            candidate = x - step * direction
            new_value, new_grad, new_hess = fun(candidate)
            if new_value <= value or step < 1e-10:
                break
            step /= 2
        x, value, grad, hess = candidate, float(new_value), new_grad, new_hess
        path.append(x)
        costs.append(value)
        if np.linalg.norm(grad) < tol:
            converged = True
            break
    cost_array = np.array(costs)
    return Trajectory(
        params=x.copy(),
        costs=cost_array,
        path=np.array(path),
        n_iter=len(costs) - 1,
        diverged_at=_first_rise(cost_array),
        converged=converged,
    )


# ---------------------------------------------------------------------------------------
# Ready-made fits: the data are checked once, then the unchecked kernels run each step.
# ---------------------------------------------------------------------------------------
def _binary_problem(
    X: ArrayLike, y: ArrayLike, theta0: ArrayLike | None, lam: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    design = as_float_array(X, "X", ndim=2)
    labels = check_binary_labels(y)
    check_matching_rows(design, labels)
    start = (
        np.zeros(design.shape[1])
        if theta0 is None
        else logistic._check_model(theta0, design)[0].astype(np.float64)
    )
    return design, labels, start, check_lam(lam)


def _softmax_problem(X: ArrayLike, y: ArrayLike, k: int) -> tuple[np.ndarray, np.ndarray, int]:
    design = as_float_array(X, "X", ndim=2)
    k = check_class_count(k)
    labels = check_class_labels(y, k)
    check_matching_rows(design, labels)
    return design, labels, int(k)


def fit_logistic_gd(
    X: ArrayLike,
    y: ArrayLike,
    learning_rate: float,
    n_iter: int,
    theta0: ArrayLike | None = None,
    lam: float = 0.0,
    loss: str = "cross_entropy",
) -> Trajectory:
    """Fit binary logistic regression by batch gradient descent.

    Introduced in ``notebooks/01_sigmoid.ipynb`` (preview) and
    ``notebooks/04_gradient_descent.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix (with a column of ones for the intercept).
    y : array_like, shape (m,)
        Labels 0 or 1.
    learning_rate : float
    n_iter : int
    theta0 : array_like, shape (n,), optional
        Starting weights; zeros by default.
    lam : float, default 0.0
        L2 strength (only for ``loss="cross_entropy"``).
    loss : {"cross_entropy", "mse"}
        Which cost to descend: :func:`helpers.logistic.cost` or
        :func:`helpers.logistic.mse_cost` (see ``notebooks/07_learning_slowdown.ipynb``).

    Returns
    -------
    Trajectory
        Path of shape (n_iter + 1, n).

    Raises
    ------
    ValueError
        On bad data (see :mod:`helpers.logistic`), a non-positive learning rate or
        iteration count, or an unknown ``loss``.
    """
    design, labels, start, strength = _binary_problem(X, y, theta0, lam)
    if loss == "cross_entropy":
        def fun(theta: np.ndarray) -> tuple[float, np.ndarray]:
            return logistic._cost_and_gradient(theta, design, labels, strength)
    elif loss == "mse":
        if strength:
            raise ValueError(f"lam is only supported with loss='cross_entropy'; got lam={lam!r}")

        def fun(theta: np.ndarray) -> tuple[float, np.ndarray]:
            return logistic._mse_cost_and_gradient(theta, design, labels)
    else:
        raise ValueError(f"loss must be 'cross_entropy' or 'mse'; got {loss!r}")
    return gradient_descent(fun, start, learning_rate, n_iter)


def fit_logistic_newton(
    X: ArrayLike,
    y: ArrayLike,
    theta0: ArrayLike | None = None,
    lam: float = 0.0,
    tol: float = 1e-8,
    max_iter: int = 50,
) -> Trajectory:
    """Fit binary logistic regression by Newton's method (IRLS).

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

    With ``lam = 0`` a minimiser exists only if the classes overlap. If the last iterate
    separates them (:func:`helpers.logistic.separates`), the result says so
    (``separable=True``) and ``converged`` is ``False``: the gradient does become small
    there, but only because the cost tends to its infimum 0 as the weights grow. (Data
    that can be separated only with some samples exactly on the boundary have no minimiser
    either; that case is not detected.) With ``lam > 0`` and both labels present, exactly
    one minimiser exists.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
    theta0 : array_like, shape (n,), optional
        Starting weights; zeros by default.
    lam : float, default 0.0
    tol : float, default 1e-8
        Stop when the norm of the gradient is below this.
    max_iter : int, default 50

    Returns
    -------
    Trajectory
        ``separable`` is set as described above.

    Raises
    ------
    ValueError
        On bad data, a non-positive ``tol`` or ``max_iter``.
    """
    design, labels, start, strength = _binary_problem(X, y, theta0, lam)

    def fun(theta: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        value, grad = logistic._cost_and_gradient(theta, design, labels, strength)
        return value, grad, logistic._hessian(theta, design, strength)

    run = newton(fun, start, tol=tol, max_iter=max_iter)
    if strength == 0 and logistic.separates(run.params, design, labels):
        return replace(run, converged=False, separable=True)
    return run


def fit_softmax_gd(
    X: ArrayLike,
    y: ArrayLike,
    k: int,
    learning_rate: float,
    n_iter: int,
    W0: ArrayLike | None = None,
    lam: float = 0.0,
) -> Trajectory:
    """Fit softmax regression by batch gradient descent.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes.
    learning_rate : float
    n_iter : int
    W0 : array_like, shape (n, k), optional
        Starting weights; zeros by default.
    lam : float, default 0.0

    Returns
    -------
    Trajectory
        Path of shape (n_iter + 1, n, k).

    Raises
    ------
    ValueError
        On bad data, labels outside ``0..k-1``, a ``W0`` of the wrong shape, or a
        non-positive learning rate or iteration count.
    """
    design, labels, k = _softmax_problem(X, y, k)
    if W0 is None:
        start = np.zeros((design.shape[1], int(k)))
    else:
        start = softmax._check_model(W0, design)[0].astype(np.float64)
        if start.shape[1] != k:
            raise ValueError(f"W0 must have shape ({design.shape[1]}, {k}); got {start.shape}")
    strength = check_lam(lam)

    def fun(W: np.ndarray) -> tuple[float, np.ndarray]:
        return softmax._cost_and_gradient(W, design, labels, strength)

    return gradient_descent(fun, start, learning_rate, n_iter)
