"""Figures and live panels of ``notebooks/08_softmax.ipynb``.

* :func:`plot_softmax_anatomy` -- scores to probabilities, and softmax with K = 2 lying on the sigmoid.
* :func:`plot_digit_samples` -- a few of the 8x8 handwritten digits with their labels.
* :func:`plot_update_comparison` -- batch, mini-batch and stochastic gradient descent, per epoch and per update.
* :class:`DigitsSoftmax` and :class:`DigitsExplorer` -- softmax regression on the digits: one cached
  gradient-descent run per learning rate, trained as far as the slider asks, training curves,
  weight images, confusion matrix, mistakes.
* :class:`SoftmaxRuns` and :class:`RegionsExplorer` -- decision regions of a three-class problem in
  the plane (:func:`helpers.data.make_three_class_data`), moving with the learning rate and the
  iteration count.
* :func:`plot_ovr_vs_softmax` -- one-vs-rest against softmax on the same points.
* :func:`plot_categorical_link`, :func:`plot_temperature` (``notebooks/08_softmax.ipynb``) and
  :func:`plot_hessian_spectrum` (``notebooks/09_softmax_training.ipynb``) -- the theory sections:
  the categorical GLM link, temperature and confidence, the Hessian's flat directions (``theory.py``).

By topic: ``static.py`` (the static figures), ``pictures.py`` (image mosaics, region colours,
the cost axis), ``runs.py`` (the training caches, through :class:`helpers.optim.Descent`, and
the sliders' settings), ``digits.py`` and ``regions.py`` (the two live panels). The maths they
show is in :mod:`helpers.softmax`, :mod:`helpers.optim` and :mod:`helpers.metrics`.
Introduced in ``notebooks/08_softmax.ipynb``.
"""

from .digits import DigitsExplorer
from .pictures import region_colours, tile_images
from .regions import RegionsExplorer
from .runs import (
    DIGITS_DEFAULTS,
    DIGITS_LEARNING_RATE_EXPONENTS,
    DIGITS_MAX_ITER,
    REGIONS_DEFAULTS,
    REGIONS_LEARNING_RATE_EXPONENTS,
    REGIONS_MAX_ITER,
    TRAINING_BLOCK,
    DigitsRun,
    DigitsSoftmax,
    SoftmaxRuns,
)
from .static import plot_digit_samples, plot_ovr_vs_softmax, plot_softmax_anatomy, plot_update_comparison
from .theory import plot_categorical_link, plot_hessian_spectrum, plot_temperature

__all__ = [
    "DIGITS_DEFAULTS",
    "DIGITS_LEARNING_RATE_EXPONENTS",
    "DIGITS_MAX_ITER",
    "REGIONS_DEFAULTS",
    "REGIONS_LEARNING_RATE_EXPONENTS",
    "REGIONS_MAX_ITER",
    "TRAINING_BLOCK",
    "DigitsExplorer",
    "DigitsRun",
    "DigitsSoftmax",
    "RegionsExplorer",
    "SoftmaxRuns",
    "plot_categorical_link",
    "plot_digit_samples",
    "plot_hessian_spectrum",
    "plot_ovr_vs_softmax",
    "plot_softmax_anatomy",
    "plot_temperature",
    "plot_update_comparison",
    "region_colours",
    "tile_images",
]
