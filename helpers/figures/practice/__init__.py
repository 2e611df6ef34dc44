"""Figures and the live over-fitting panel of ``notebooks/10_regularisation.ipynb``.

* :class:`OverfittingExplorer` (``explorer.live()``): polynomial degree, L2 strength, learning
  rate and iterations against the decision boundary and the train / held-out accuracy.
* :func:`plot_boundaries`: zero level of :math:`\\theta^T \\varphi(x)` for fitted models.
* :func:`plot_lambda_sweep`: accuracy and cost against the regularisation strength.
* :func:`plot_age_fits`: a raw and a binned age feature against the true risk.
* :func:`plot_weight_growth`: the weights' norm along Newton's iterations.

Modules: ``rings`` (the ring data's plane), ``explorer`` (the live panel), ``sweeps`` (the other figures).
"""

from .explorer import LAMBDAS, OverfittingExplorer
from .rings import LIMITS, plot_boundaries
from .sweeps import plot_age_fits, plot_lambda_sweep, plot_weight_growth

__all__ = [
    "LAMBDAS",
    "LIMITS",
    "OverfittingExplorer",
    "plot_age_fits",
    "plot_boundaries",
    "plot_lambda_sweep",
    "plot_weight_growth",
]
