"""Self-checks for the exercises at the end of each notebook.

One module per topic (``sigmoid``, ``likelihood``, ...), each with ``check_*`` functions that a
learner calls on their own answer. Reference solutions live in the top-level
``solutions`` package; the tests feed both the solutions and typical wrong answers to
these checks, so every hint is known to fire for the mistake it names.

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from ._core import CheckResult, check_function, check_value

__all__ = ["CheckResult", "check_function", "check_value"]
