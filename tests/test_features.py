"""Polynomial features, quantile binning and the synthetic data sets of notebook 05 (helpers.features)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, features


# ---------------------------------------------------------------------------------------
# polynomial features
# ---------------------------------------------------------------------------------------
def test_degree_3_columns_are_the_monomials_in_order(rng):
    X = rng.normal(size=(7, 2))
    a, b = X[:, 0], X[:, 1]
    expected = np.column_stack(
        [np.ones(7), a, b, a**2, a * b, b**2, a**3, a**2 * b, a * b**2, b**3]
    )
    assert np.allclose(features.polynomial_features(X, 3), expected, rtol=1e-13)


@pytest.mark.parametrize("degree", range(1, 11))
def test_column_count_is_the_triangle_number(degree, rng):
    X = rng.uniform(-1, 1, size=(5, 2))
    phi = features.polynomial_features(X, degree)
    brute_force = sum(1 for i in range(degree + 1) for j in range(degree + 1) if i + j <= degree)
    assert phi.shape == (5, brute_force) == (5, features.n_polynomial_features(degree))
    assert np.all(phi[:, 0] == 1.0)
    assert len(features.polynomial_feature_names(degree)) == brute_force


def test_exponents_are_unique_and_within_the_degree():
    exponents = features.polynomial_exponents(6)
    assert len({tuple(e) for e in exponents.tolist()}) == len(exponents)
    assert exponents.sum(axis=1).max() == 6
    assert np.all(np.diff(exponents.sum(axis=1)) >= 0)  # sorted by total degree


def test_names_match_the_exponents():
    names = features.polynomial_feature_names(3, ("u", "v"))
    assert names == ["1", "u", "v", "u²", "u v", "v²", "u³", "u² v", "u v²", "v³"]


def test_large_but_representable_powers_do_not_warn():
    phi = features.polynomial_features(np.array([[1e30, -1e30]]), 8)  # 1e240 fits in float64
    assert np.all(np.isfinite(phi)) and phi[0, -1] == pytest.approx(1e240)


def test_float32_stays_float32(rng):
    X = rng.normal(size=(4, 2)).astype(np.float32)
    assert features.polynomial_features(X, 4).dtype == np.float32


def test_the_circle_is_linear_in_degree_2_features(rng):
    X = rng.normal(size=(20, 2))
    theta = np.array([-0.25, 0, 0, 1, 0, 1])
    assert np.allclose(features.polynomial_features(X, 2) @ theta, (X**2).sum(axis=1) - 0.25)


def test_polynomial_design_standardises_with_training_statistics(rng):
    X_train, X_other = rng.uniform(-1, 1, size=(30, 2)), rng.uniform(-3, 3, size=(10, 2))
    A_train, A_again, A_other = features.polynomial_design(X_train, 4, X_train, X_other)
    assert np.all(A_train[:, 0] == 1) and np.all(A_other[:, 0] == 1)
    assert np.allclose(A_train[:, 1:].mean(axis=0), 0, atol=1e-12)
    assert np.allclose(A_train[:, 1:].std(axis=0), 1)
    assert np.allclose(A_again, A_train)  # the same transform for every point set
    raw = features.polynomial_features(X_other, 4)[:, 1:]
    train_raw = features.polynomial_features(X_train, 4)[:, 1:]
    expected = (raw - train_raw.mean(axis=0)) / train_raw.std(axis=0)
    assert np.allclose(A_other[:, 1:], expected)


@pytest.mark.parametrize(
    ("X", "degree", "message"),
    [
        (np.ones((3, 3)), 2, "2 columns"),
        (np.ones(3), 2, "2-D"),
        (np.ones((3, 2)), 0, "degree must be an integer >= 1"),
        (np.ones((3, 2)), 1.5, "degree must be an integer"),
        (np.ones((3, 2)), True, "degree must be an integer"),
        (np.array([[np.nan, 1.0]]), 2, "finite"),
        (np.array([[1e40, 1.0]]), 8, "overflows float64"),
        (np.array([[1e5, 1.0]], dtype=np.float32), 8, "overflows float32"),
    ],
)
def test_polynomial_features_bad_input(X, degree, message):
    with pytest.raises(ValueError, match=message):
        features.polynomial_features(X, degree)


def test_counting_and_naming_bad_input():
    with pytest.raises(ValueError, match=">= 0"):
        features.n_polynomial_features(-1)
    with pytest.raises(ValueError, match="two strings"):
        features.polynomial_feature_names(2, ("x",))


# ---------------------------------------------------------------------------------------
# discretisation
# ---------------------------------------------------------------------------------------
def test_quantile_bins_hold_equal_counts(rng):
    x = rng.uniform(0, 100, size=600)
    edges = features.quantile_bin_edges(x, 6)
    assert edges.shape == (5,) and np.all(np.diff(edges) > 0)
    counts = np.bincount(features.bin_index(x, edges), minlength=6)
    assert counts.min() >= 99 and counts.max() <= 101


def test_tied_values_drop_duplicate_edges():
    x = np.array([1.0] * 8 + [2.0, 3.0])
    edges = features.quantile_bin_edges(x, 4)
    assert np.all(np.diff(edges) > 0) and len(edges) < 3


def test_a_huge_top_value_does_not_move_the_edges(rng):
    x = rng.uniform(18, 90, size=300)
    corrupted = x.copy()
    corrupted[np.argmax(x)] = 1e6
    assert np.array_equal(features.quantile_bin_edges(x, 6), features.quantile_bin_edges(corrupted, 6))


def test_bin_index_matches_counting_the_edges_below(rng):
    edges = np.sort(rng.uniform(0, 10, size=4))
    x = np.concatenate([rng.uniform(-5, 15, size=200), edges])  # include values equal to an edge
    expected = (edges[None, :] <= x[:, None]).sum(axis=1)
    assert np.array_equal(features.bin_index(x, edges), expected)


def test_values_outside_the_training_range_get_the_end_bins():
    edges = [20.0, 40.0, 60.0]
    assert features.bin_index([-1e9, 19.9, 20.0, 60.0, 1e9], edges).tolist() == [0, 0, 1, 3, 3]


def test_one_hot_rows_have_a_single_one_in_the_bin_column(rng):
    x = rng.normal(size=50)
    edges = features.quantile_bin_edges(x, 5)
    encoded = features.one_hot_bins(x, edges)
    assert encoded.shape == (50, 5)
    assert np.all(encoded.sum(axis=1) == 1)
    assert np.array_equal(encoded.argmax(axis=1), features.bin_index(x, edges))


def test_bin_labels():
    assert features.bin_labels([1.5, 2.25], "{:.2f}") == ["< 1.50", "1.50–2.25", "≥ 2.25"]
    assert features.bin_labels([]) == ["all values"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: features.quantile_bin_edges([1.0, 2.0, 3.0], 1), "n_bins must be an integer >= 2"),
        (lambda: features.quantile_bin_edges([1.0, 2.0, 3.0], 4), "at most the number of values"),
        (lambda: features.quantile_bin_edges(np.ones((2, 2)), 2), "1-D"),
        (lambda: features.bin_index([1.0], [2.0, 2.0]), "strictly increasing"),
        (lambda: features.one_hot_bins([1.0], [3.0, 1.0]), "strictly increasing"),
        (lambda: features.bin_index([np.inf], [1.0]), "finite"),
    ],
)
def test_binning_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------
# data sets
# ---------------------------------------------------------------------------------------
def test_rings_are_reproducible_and_shaped_as_documented():
    X1, y1 = features.make_rings(100, np.random.default_rng(3))
    X2, y2 = features.make_rings(100, np.random.default_rng(3))
    X3, _ = features.make_rings(100, np.random.default_rng(4))
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2) and not np.array_equal(X1, X3)
    assert X1.shape == (100, 2) and y1.sum() == 50 and np.abs(X1).max() <= 1.3
    radius = np.linalg.norm(X1, axis=1)
    assert radius[y1 == 1].mean() < radius[y1 == 0].mean()


def test_rings_defeat_a_line_and_not_a_circle():
    X, y = features.make_rings(400, np.random.default_rng(0))
    from helpers import logistic, optim

    for degree, low, high in ((1, 0.0, 0.65), (2, 0.85, 1.0)):
        (A,) = features.polynomial_design(X, degree)
        theta = optim.fit_logistic_newton(A, y).params
        assert low <= np.mean(logistic.predict(theta, A) == y) <= high



def test_age_risk_shapes():
    ages = np.array([18.0, 36.0, 54.0, 72.0, 90.0])
    u_shape = features.age_risk_probability(ages, "u")
    rising = features.age_risk_probability(ages, "rising")
    assert u_shape[0] > 0.9 and u_shape[-1] > 0.9 and u_shape[2] < 0.2
    assert np.all(np.diff(rising) > 0) and np.isclose(rising[2], 0.5)
    assert np.all(np.isfinite(features.age_risk_probability([-1e300, 1e300])))  # no overflow
    age, y = features.make_age_risk(2000, np.random.default_rng(2), shape="u")
    assert age.min() >= 18 and age.max() <= 90 and set(np.unique(y)) <= {0.0, 1.0}
    middle, ends = (age > 45) & (age < 63), (age < 27) | (age > 81)
    assert y[ends].mean() > y[middle].mean() + 0.4


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: features.make_rings(100, 0), "numpy.random.Generator"),
        (lambda: features.make_rings(1, np.random.default_rng(0)), "m must be an integer >= 2"),
        (lambda: features.make_rings(10, np.random.default_rng(0), radii=(1.0, 0.5)), "inner < outer"),
        (lambda: features.make_rings(10, np.random.default_rng(0), noise=-1.0), "noise"),
        (lambda: features.make_age_risk(10, np.random.default_rng(0), shape="v"), "shape must be"),
        (lambda: features.make_age_risk(10, np.random.default_rng(0), ages=(90.0, 18.0)), "youngest < oldest"),
        (lambda: features.age_risk_probability([30.0], "flat"), "shape must be"),
    ],
)
def test_data_set_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_split_used_by_the_notebook_is_reproducible():
    rng_a, rng_b = np.random.default_rng(2), np.random.default_rng(2)
    first = data.train_test_split(*features.make_rings(180, rng_a), 2 / 3, rng_a)
    second = data.train_test_split(*features.make_rings(180, rng_b), 2 / 3, rng_b)
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))
    assert len(first[2]) == 60 and len(first[3]) == 120


# ---------------------------------------------------------------------------------------
# weights learnt on standardised features, in raw units (notebook 02)
# ---------------------------------------------------------------------------------------
def test_raw_units_theta_gives_the_same_scores(rng):
    scores, _ = data.load_exam_scores()
    Z, mean, std = data.standardize(scores)
    for _ in range(5):
        theta = rng.normal(size=3) * 3
        raw = features.raw_units_theta(theta, mean, std)
        np.testing.assert_allclose(data.add_intercept(scores) @ raw, data.add_intercept(Z) @ theta, rtol=1e-10,
                                   atol=1e-10)


@pytest.mark.parametrize(
    ("theta", "mean", "std", "message"),
    [
        ([1.0, 2.0], [0.0, 0.0], [1.0, 1.0], "one entry more than mean and std"),
        ([1.0, 2.0, 3.0], [0.0, 0.0], [1.0, 0.0], "std must be positive"),
        ([1.0, 2.0, 3.0], [0.0], [1.0, 1.0], "one entry more"),
        ([1.0, np.nan, 3.0], [0.0, 0.0], [1.0, 1.0], "finite"),
    ],
)
def test_raw_units_theta_rejects_bad_input(theta, mean, std, message):
    with pytest.raises(ValueError, match=message):
        features.raw_units_theta(theta, mean, std)
