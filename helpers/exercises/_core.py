"""Machinery shared by the self-checks: compare with a reference, name the likely mistake.

A check runs the learner's function on a few inputs and compares it with the reference.
When they differ, it runs a list of *known wrong versions* (a missing minus sign, a
forgotten mean, an unstable softmax...) on the same inputs: if the learner's output
matches one of them, the message names that mistake. Otherwise it shows the first
input where the answers differ, the expected value and the one received.

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

import contextlib
import importlib
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["CheckResult", "check_function", "check_value", "forbidding"]

PASS_MARK = "✅"
FAIL_MARK = "❌"


@dataclass(frozen=True)
class CheckResult:
    """Outcome of a self-check: whether it passed and what to tell the learner.

    Introduced in ``notebooks/00_start_here.ipynb``. It is truthy when the check passed and
    prints as its message. The check already printed that message, so a notebook cell
    ending with a check shows it once, not twice.
    """

    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _ipython_display_(self) -> None:
        """Show nothing: the check already printed its message when it ran."""


def _close(a: Any, b: Any, rtol: float, atol: float) -> bool:
    try:
        first = np.asarray(a, dtype=float)
        second = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return False
    if first.shape != second.shape:
        return False
    return bool(np.allclose(first, second, rtol=rtol, atol=atol, equal_nan=True))


def _run(fn: Callable[..., Any], args: Sequence[Any]) -> tuple[Any, list[str], BaseException | None]:
    """Call ``fn(*args)`` on copies, collecting warnings and any exception."""
    copies = [np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Underflow (exp(-1000) rounding to 0) is harmless and happens in stable code too.
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            try:
                result = fn(*copies)
            except Exception as exc:  # the learner's code may raise anything
                return None, [str(w.message) for w in caught], exc
    return result, [str(w.message) for w in caught], None


def _short(value: Any) -> str:
    """A short readable form of an input or output (tuples of arguments element by element)."""
    if isinstance(value, str):
        text = value
    elif type(value).__repr__ is not tuple.__repr__ and isinstance(value, tuple):
        text = repr(value)  # a labelled case: it knows how to describe itself
    elif isinstance(value, tuple):
        text = "(" + ", ".join(_short(item) for item in value) + ")"
    else:
        try:
            array = np.asarray(value)
            text = np.array2string(array, precision=6, threshold=8)
            if array.ndim >= 2:  # one line per row would spread a verdict over many lines
                text = f"a {array.shape} array, {' '.join(text.split())}"
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


class ForbiddenCall(Exception):
    """Raised when a learner's function calls the course function it was asked to write."""


@contextlib.contextmanager
def forbidding(learner: Callable[..., Any], forbidden: Sequence[Callable[..., Any]]) -> Iterator[None]:
    """While active, calling any of ``forbidden`` (from ``learner`` or anything it calls) raises.

    Introduced in ``notebooks/08_softmax.ipynb`` (the checks of exercises that ask you to
    write a function the course already has). Each forbidden function is swapped for a
    tripwire in the module that defines it and in the learner's global names (so both
    ``softmax.softmax(z)`` and a name imported with ``from helpers.softmax import softmax``
    are caught, in the notebook's names or in the function's closure); everything is put
    back on exit. A check may hand over a wrapper around the learner's function (one that
    unpacks a test case, say): the functions a wrapper holds in its closure are searched the
    same way, so the learner's own names are reached through any number of wrappers.

    Parameters
    ----------
    learner : callable
        The learner's function, or a wrapper around it; its ``__globals__`` (the notebook's
        names) and those of the functions in its closure are patched too.
    forbidden : sequence of callable
        Course functions the learner must not call.

    Yields
    ------
    None
    """
    patched: list[tuple[Any, str, Any, str]] = []  # (namespace, name, original, kind)

    def tripwire(function: Callable[..., Any]) -> Callable[..., Any]:
        label = f"{function.__module__}.{function.__qualname__}"

        def wire(*args: Any, **kwargs: Any) -> Any:
            raise ForbiddenCall(label)

        return wire

    def reachable(start: Callable[..., Any]) -> list[Any]:
        """``start`` and every function held in a closure from it, each once."""
        found: list[Any] = []
        pending = [start]
        while pending:
            current = pending.pop()
            if any(current is seen for seen in found):
                continue
            found.append(current)
            for cell in getattr(current, "__closure__", None) or ():
                with contextlib.suppress(ValueError):  # an empty cell has no contents
                    if callable(cell.cell_contents) and hasattr(cell.cell_contents, "__code__"):
                        pending.append(cell.cell_contents)
        return found

    functions = reachable(learner)
    try:
        for function in forbidden:
            wire = tripwire(function)
            module = importlib.import_module(function.__module__)
            patched.append((module, function.__name__, function, "attribute"))
            setattr(module, function.__name__, wire)
            namespaces: list[dict[str, Any]] = []
            for holder in functions:
                names = getattr(holder, "__globals__", None)
                if names is not None and not any(names is seen for seen in namespaces):
                    namespaces.append(names)
                    for key, value in list(names.items()):
                        if value is function:
                            patched.append((names, key, value, "global"))
                            names[key] = wire
                for cell in getattr(holder, "__closure__", None) or ():
                    with contextlib.suppress(ValueError):  # an empty cell has no contents
                        if cell.cell_contents is function:
                            patched.append((cell, "", function, "closure"))
                            cell.cell_contents = wire
        yield
    finally:
        for namespace, name, original, kind in reversed(patched):
            if kind == "global":
                namespace[name] = original
            elif kind == "closure":
                namespace.cell_contents = original
            else:
                setattr(namespace, name, original)


def check_function(
    learner: Callable[..., Any],
    reference: Callable[..., Any],
    cases: Sequence[Sequence[Any]],
    mistakes: Sequence[tuple[Callable[..., Any], str]] = (),
    *,
    name: str = "your function",
    rtol: float = 1e-6,
    atol: float = 1e-9,
    warning_hint: str | None = None,
    forbidden: Sequence[Callable[..., Any]] = (),
) -> CheckResult:
    """Compare ``learner`` with ``reference`` on ``cases`` and diagnose a mismatch.

    Introduced in ``notebooks/00_start_here.ipynb``.

    Parameters
    ----------
    learner, reference : callable
        The learner's function and the correct one, called as ``fn(*case)``.
    cases : sequence of argument tuples
        Inputs to try; include the awkward ones (large scores, zeros, ...).
    mistakes : sequence of (wrong_function, hint)
        Known wrong versions: if the learner's outputs match a wrong version on every
        case where the reference differs from it, the check prints its hint.
    name : str
        How to call the learner's function in messages.
    rtol, atol : float
        Tolerances for ``numpy.allclose``.
    warning_hint : str, optional
        What to say if the learner's function emits a warning (overflow, divide by
        zero, ...) even when its numbers are right.
    forbidden : sequence of callable
        Course functions the exercise asks the learner to write: if ``learner`` calls one,
        the check fails and says so (see :func:`forbidding`).

    Returns
    -------
    CheckResult
        It is also printed, so a notebook cell shows the verdict.
    """
    expected = [reference(*case) for case in cases]
    outputs = []
    for case in cases:
        with forbidding(learner, forbidden):
            got, caught, error = _run(learner, case)
        if isinstance(error, ForbiddenCall):
            return _report(
                False,
                f"{name} calls {error}, the function this exercise asks you to write: "
                "write it yourself from the formula (you may compare with the course's version afterwards).",
            )
        if error is not None:
            return _report(False, f"{name} raised {type(error).__name__}: {error} (input: {_short(case)})")
        if caught and warning_hint is not None:
            return _report(False, f"{name} warned '{caught[0]}'. {warning_hint}")
        outputs.append(got)
    pairs = zip(outputs, expected, strict=True)
    failing = [i for i, (got, want) in enumerate(pairs) if not _close(got, want, rtol, atol)]
    if not failing:
        return _report(True, f"{name} is correct on all {len(cases)} test inputs.")
    for wrong, hint in mistakes:
        wrong_outputs = []
        for case in cases:
            got, _, error = _run(wrong, case)
            wrong_outputs.append(error if error is not None else got)
        if all(
            not isinstance(w, BaseException) and _close(out, w, rtol, atol)
            for out, w in zip(outputs, wrong_outputs, strict=True)
        ):
            return _report(False, f"{name} is not right yet. Likely mistake: {hint}")
    i = failing[0]
    return _report(
        False,
        f"{name} is not right yet: for input {_short(cases[i])} it returned {_short(outputs[i])}, "
        f"expected {_short(expected[i])}.",
    )


def check_value(
    answer: Any,
    expected: Any,
    mistakes: Sequence[tuple[Any, str]] = (),
    *,
    name: str = "your answer",
    rtol: float = 1e-4,
    atol: float = 1e-8,
) -> CheckResult:
    """Compare a number (or array) with the expected one, naming known wrong answers.

    Introduced in ``notebooks/00_start_here.ipynb``.

    Parameters
    ----------
    answer : number or array_like
        The learner's answer.
    expected : number or array_like
    mistakes : sequence of (wrong_value, hint)
        Values a typical mistake produces, each with the hint to print.
    name : str
    rtol, atol : float

    Returns
    -------
    CheckResult
        It is also printed.
    """
    if _close(answer, expected, rtol, atol):
        return _report(True, f"{name} is correct: {_short(answer)}.")
    for wrong, hint in mistakes:
        if _close(answer, wrong, rtol, atol):
            return _report(False, f"{name} ({_short(answer)}) is not right. Likely mistake: {hint}")
    return _report(False, f"{name} is {_short(answer)}; that is not right yet. Look at the derivation above again.")


def _report(passed: bool, message: str) -> CheckResult:
    result = CheckResult(passed, f"{PASS_MARK if passed else FAIL_MARK} {message}")
    print(result.message)
    return result
