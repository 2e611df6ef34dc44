"""Run a learner's function with the course helpers it is meant to reimplement switched off.

Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``, ``notebooks/08_softmax.ipynb`` and
``notebooks/09_softmax_training.ipynb``. An exercise that asks for ``helpers.softmax.hessian`` by
hand is not answered by calling ``helpers.softmax.hessian``. :func:`without` wraps the learner's
function: while it runs, each named helper is replaced by one that raises
:class:`HelperCalled`, whose message says which helper was called and what to write instead;
``check_function`` then reports that message. A helper imported by name into the learner's
namespace (``from helpers.softmax import hessian``) is not reached by the replacement, so the
function's globals (and closure) are searched for the helper too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any

__all__ = ["HelperCalled", "without"]


class HelperCalled(RuntimeError):
    """Raised when a learner's function calls the helper its exercise asks it to write."""


def _qualified(module: ModuleType, name: str) -> str:
    return f"{module.__name__}.{name}"


@contextmanager
def _switched_off(helpers: Sequence[tuple[ModuleType, str]], advice: str) -> Any:
    saved = [(module, name, getattr(module, name)) for module, name in helpers]

    def refusing(qualified: str) -> Callable[..., Any]:
        def refuse(*_args: Any, **_kwargs: Any) -> Any:
            raise HelperCalled(f"it calls {qualified}, the function this exercise asks you to write. {advice}")

        return refuse

    for module, name, _ in saved:
        setattr(module, name, refusing(_qualified(module, name)))
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def _references(fn: Callable[..., Any], originals: dict[int, str]) -> str | None:
    """The qualified name of a forbidden helper that ``fn`` holds by name (a global or a closure), if any."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return None
    namespace = getattr(fn, "__globals__", {})
    values = [namespace.get(name) for name in code.co_names]
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            values.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    for value in values:
        if value is not None and id(value) in originals:
            return originals[id(value)]
    return None


def without(
    fn: Callable[..., Any], helpers: Sequence[tuple[ModuleType, str]], advice: str
) -> Callable[..., Any]:
    """``fn`` wrapped so that calling any of ``helpers`` (module, attribute name) inside it raises.

    Parameters
    ----------
    fn : callable
        The learner's function.
    helpers : sequence of (module, name)
        The course helpers the exercise reimplements, e.g. ``[(helpers.softmax, "hessian")]``.
    advice : str
        What to do instead, appended to the :class:`HelperCalled` message.

    Returns
    -------
    callable
        Same arguments and result as ``fn``.
    """
    originals = {id(getattr(module, name)): _qualified(module, name) for module, name in helpers}

    def wrapped(*args: Any) -> Any:
        held = _references(fn, originals)
        if held is not None:
            raise HelperCalled(f"it calls {held}, the function this exercise asks you to write. {advice}")
        with _switched_off(helpers, advice):
            return fn(*args)

    return wrapped
