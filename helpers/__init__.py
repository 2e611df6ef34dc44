"""Helpers for the course *Logistic and softmax regression, derived and built*.

One module per concept; import the module you need, for example::

    from helpers import logistic, sigmoid
    sigmoid.sigmoid(0.0)

Importing this package has no side effects: it changes no matplotlib settings and
imports neither matplotlib nor ipywidgets (the plotting and widget modules do that
when you import them).
"""

from . import data, gradcheck, logistic, losses, metrics, one_vs_rest, optim, sigmoid, softmax, squared_error

__all__ = [
    "data", "gradcheck", "logistic", "losses", "metrics", "one_vs_rest", "optim", "sigmoid", "softmax", "squared_error",
]
__version__ = "0.1.0"
