"""helpers.losses: cross-entropies, squared error, entropy and KL divergence."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import losses
from helpers.sigmoid import sigmoid


def test_bce_from_probabilities_and_from_logits_agree(rng):
    z = rng.normal(scale=3, size=200)
    y = rng.integers(0, 2, size=200)
    direct = -np.mean(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z)))
    assert losses.binary_cross_entropy(y, sigmoid(z)) == pytest.approx(direct, rel=1e-12)
    assert losses.binary_cross_entropy_with_logits(y, z) == pytest.approx(direct, rel=1e-12)


def test_bce_with_logits_is_exact_where_probabilities_round():
    # sigmoid(-800) is 0.0 in float64, but the loss of that mistake is 800 nats.
    assert losses.binary_cross_entropy_with_logits([1], [-800.0]) == pytest.approx(800.0)
    assert losses.binary_cross_entropy_with_logits([0], [800.0]) == pytest.approx(800.0)
    assert losses.binary_cross_entropy_with_logits([1], [800.0]) == pytest.approx(0.0, abs=1e-300)
    assert losses.binary_cross_entropy_with_logits([1], [40.0]) == pytest.approx(np.exp(-40.0), rel=1e-10)


def test_bce_of_probability_zero_is_large_but_finite():
    value = losses.binary_cross_entropy([1, 0], [0.0, 1.0])
    assert np.isfinite(value) and value > 30


def test_bce_rejects_probabilities_outside_unit_interval():
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\]"):
        losses.binary_cross_entropy([1], [1.2])


def test_mean_squared_error_has_the_half():
    assert losses.mean_squared_error([0.0, 1.0], [1.0, 1.0]) == pytest.approx(0.25)


def test_entropy_values():
    assert losses.entropy([1.0, 0.0, 0.0]) == 0.0
    assert losses.entropy([0.25] * 4) == pytest.approx(np.log(4))
    np.testing.assert_allclose(losses.entropy([[0.5, 0.5], [1.0, 0.0]]), [np.log(2), 0.0])


def test_cat_dog_horse_example():
    p, q = [1.0, 0.0, 0.0], [0.7, 0.2, 0.1]
    assert losses.cross_entropy(p, q) == pytest.approx(-np.log(0.7))
    assert losses.kl_divergence(p, q) == pytest.approx(-np.log(0.7))
    assert losses.entropy(p) == 0.0


def test_cross_entropy_is_entropy_plus_kl(rng):
    p = rng.dirichlet(np.ones(5), size=50)
    q = rng.dirichlet(np.ones(5), size=50)
    np.testing.assert_allclose(
        losses.cross_entropy(p, q), losses.entropy(p) + losses.kl_divergence(p, q), rtol=1e-12
    )
    assert np.all(losses.kl_divergence(p, q) >= 0)
    np.testing.assert_allclose(losses.kl_divergence(p, p), 0.0, atol=1e-15)


def test_zero_probability_where_truth_is_positive_gives_inf_without_warning():
    assert losses.cross_entropy([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert losses.kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert losses.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_binary_cross_entropy_is_two_class_cross_entropy(rng):
    y = rng.integers(0, 2, size=30).astype(float)
    h = rng.uniform(0.01, 0.99, size=30)
    two_class = losses.cross_entropy(np.column_stack([y, 1 - y]), np.column_stack([h, 1 - h]))
    assert losses.binary_cross_entropy(y, h) == pytest.approx(np.mean(two_class), rel=1e-12)


@pytest.mark.parametrize(
    ("p", "message"),
    [([0.5, 0.6], "sum to 1"), ([1.2, -0.2], ">= 0"), ([[0.5, 0.5], [0.9, 0.2]], "row 1")],
)
def test_distributions_are_checked(p, message):
    with pytest.raises(ValueError, match=message):
        losses.entropy(p)


def test_shapes_must_match():
    with pytest.raises(ValueError, match="same shape"):
        losses.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="same number of samples"):
        losses.binary_cross_entropy_with_logits([1, 0, 1], [0.2, 0.1])
