"""The self-check machinery and the warm-up exercise of notebook 00."""

from __future__ import annotations

import numpy as np

from helpers.exercises import check_function, check_value
from helpers.exercises.start import check_odds
from solutions.start import odds


def test_solution_passes(capsys):
    result = check_odds(odds)
    assert result.passed and bool(result)
    assert "✅" in capsys.readouterr().out


def test_each_typical_mistake_gets_its_hint():
    assert "upside down" in check_odds(lambda p: (1 - p) / p).message
    assert "not 1 + p" in check_odds(lambda p: p / (1 + p)).message
    assert "log-odds" in check_odds(lambda p: np.log(p / (1 - p))).message


def test_an_unknown_mistake_shows_input_expected_and_received():
    result = check_odds(lambda p: p * 2)
    assert not result.passed
    assert "returned" in result.message and "expected" in result.message


def test_a_stub_is_reported_not_raised():
    def stub(p):
        raise NotImplementedError("write your code here")

    result = check_odds(stub)
    assert not result.passed and "NotImplementedError" in result.message


def test_warnings_are_caught_and_named():
    result = check_function(
        lambda z: 1 / (1 + np.exp(-z)),
        lambda z: np.zeros_like(z),
        [(np.array([-1000.0]),)],
        warning_hint="Did you call exp on a large positive number?",
        name="sigmoid",
    )
    assert not result.passed and "overflow" in result.message and "large positive" in result.message


def test_check_value_hints():
    assert check_value(0.5, 0.5).passed
    wrong = check_value(-0.5, 0.5, [(-0.5, "sign flipped")])
    assert not wrong.passed and "sign flipped" in wrong.message
    assert "not right yet" in check_value(3.0, 0.5).message


def test_learner_input_is_not_modified_by_the_check():
    seen = []

    def sneaky(p):
        p[0] = 99.0  # a learner function that writes into its input
        seen.append(p)
        return p / (1 - p)

    check_odds(sneaky)
    assert all(arr is not None for arr in seen)
    result = check_odds(odds)  # the cases themselves were not corrupted
    assert result.passed


def test_largest_stable_rate():
    from helpers.exercises.start import check_largest_stable_rate
    from solutions.start import LARGEST_STABLE_RATE

    assert check_largest_stable_rate(LARGEST_STABLE_RATE).passed
    assert "fastest" in check_largest_stable_rate(0.25).message
    assert "limit for x²/2" in check_largest_stable_rate(2.0).message
    assert "divides the limit" in check_largest_stable_rate(8.0).message
    assert "derivative of 2x² is 4x" in check_largest_stable_rate(1.0).message
    assert "positive" in check_largest_stable_rate(-0.5).message
    # the answer is what descent on 2x² actually does: just below it converges, just above it diverges
    from helpers import optim

    def cost(x):
        return 2.0 * float(x @ x), 4.0 * x

    below = optim.gradient_descent(cost, np.array([1.0]), 0.9 * LARGEST_STABLE_RATE, 200)
    above = optim.gradient_descent(cost, np.array([1.0]), 1.1 * LARGEST_STABLE_RATE, 200)
    assert abs(below.path[-1, 0]) < 1e-3 < abs(above.path[-1, 0])


def test_messages_for_multi_argument_functions_with_different_shapes():
    def reference(W, X):
        return X @ W

    result = check_function(lambda W, X: X.sum(), reference, [(np.ones((2, 3)), np.ones((4, 2)))], name="scores")
    assert not result.passed and "returned" in result.message and "[[1." in result.message


def test_underflow_in_stable_code_is_not_called_a_mistake():
    from helpers.sigmoid import sigmoid

    def stable(z):
        e = np.exp(-np.abs(z))  # underflows to 0 at |z| = 1000: harmless
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

    result = check_function(stable, sigmoid, [(np.array([-1000.0, 0.0, 1000.0]),)], warning_hint="overflow?")
    assert result.passed


# ---------------------------------------------------------------------------------------
# a check can refuse an answer that calls the course function it asks you to write
# ---------------------------------------------------------------------------------------
def test_a_forbidden_helper_is_caught_however_it_was_imported(capsys):
    from helpers import softmax
    from helpers.exercises._core import check_function
    from helpers.softmax import softmax as imported_softmax

    cases = [(np.array([1.0, 2.0, 3.0]),)]

    def by_module(z):
        return softmax.softmax(z)

    def by_name(z):
        return imported_softmax(z)

    def by_hand(z):
        e = np.exp(z - z.max())
        return e / e.sum()

    for learner in (by_module, by_name):
        result = check_function(learner, softmax.softmax, cases, forbidden=[softmax.softmax], name="my_softmax")
        assert not result and "calls helpers.softmax.softmax" in result.message
    assert check_function(by_hand, softmax.softmax, cases, forbidden=[softmax.softmax])
    # everything is put back: the helper and the learner's names work again afterwards
    assert softmax.softmax is imported_softmax and np.allclose(by_name(cases[0][0]), by_hand(cases[0][0]))
    capsys.readouterr()


def test_a_forbidden_helper_is_caught_through_a_wrapper(capsys):
    # Checks often hand check_function a wrapper that unpacks a test case; the learner's own
    # names (here: a name bound in its closure, as an imported name is in a notebook) are
    # still reached through the wrapper's closure.
    from helpers import softmax
    from helpers.exercises._core import check_function
    from helpers.softmax import softmax as imported_softmax

    def learner(z):
        return imported_softmax(z)

    def unpack(function):
        return lambda case: function(*case)

    cases = [((np.array([1.0, 2.0, 3.0]),),)]
    result = check_function(unpack(learner), unpack(softmax.softmax), cases, forbidden=[softmax.softmax], name="f")
    assert not result and "calls helpers.softmax.softmax" in result.message
    assert softmax.softmax is imported_softmax  # put back
    capsys.readouterr()
