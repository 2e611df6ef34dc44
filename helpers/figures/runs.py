"""Training caches of the live figures: one run per learning rate, trained once through :mod:`helpers.optim`.

Introduced in ``notebooks/01_sigmoid.ipynb``. A figure's ``draw`` only slices the cached
trajectories, so moving an iterations slider never trains.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from .. import optim

__all__ = ["RateRuns"]


class RateRuns:
    """One training run per learning rate, trained by :class:`helpers.optim.Descent`, cached.

    Introduced in ``notebooks/01_sigmoid.ipynb``. The slider's rates (``rates``, from
    :func:`helpers.figures.live.learning_rates`, so exact lookup finds the values a live
    panel passes) are trained together by one ``Descent``, all ``max_iter`` steps, the first
    time any of them is asked for (``together=True``: one stacked step serves every rate);
    any other rate (a notebook's static picture at 0.3, say) gets a ``Descent`` of its own.
    With ``together=False`` every rate is trained on its own when first asked for: the
    choice of a figure whose other sliders (a degree, a λ) start new trainings, where the
    learner waits for one rate, not for all of them. A figure's ``draw`` only slices the
    trajectories, so moving an iterations slider never trains.

    Parameters
    ----------
    make : callable
        ``make(learning_rates) -> helpers.optim.Descent``, for example
        ``lambda rates: optim.logistic_descent(X, y, rates, max_iter)``.
    rates : array_like, shape (L,)
        The learning rates trained together.
    max_iter : int
        Steps of every run.
    together : bool, default True
        Train the slider's rates together on first use, or each on its own.

    Attributes
    ----------
    n_trained : int
        How many distinct learning rates have had their trajectory computed.
    """

    def __init__(
        self, make: Callable[[np.ndarray], optim.Descent], rates: ArrayLike, max_iter: int, together: bool = True
    ) -> None:
        self._make = make
        self.together = together
        self.rates = np.asarray(rates, dtype=np.float64)
        self.max_iter = int(max_iter)
        self._index = {float(rate): j for j, rate in enumerate(self.rates)}
        self._grid: optim.Descent | None = None
        self._runs: dict[float, optim.Trajectory] = {}
        self.n_trained = 0

    def __call__(self, rate: float) -> optim.Trajectory:
        """The :class:`helpers.optim.Trajectory` of ``max_iter`` steps at ``rate`` (trained once)."""
        rate = float(rate)
        run = self._runs.get(rate)
        if run is None:
            j = self._index.get(rate) if self.together else None
            if j is None:
                descent = self._make(np.array([rate]))
                descent.advance(self.max_iter)
                run = descent.trajectory(0)
            else:
                if self._grid is None:
                    self._grid = self._make(self.rates)
                    self._grid.advance(self.max_iter)
                run = self._grid.trajectory(j)
            self._runs[rate] = run
            self.n_trained += 1
        return run
