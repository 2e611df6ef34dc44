"""helpers.data: the shipped data sets, intercept, standardisation, splitting."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from helpers import data


@pytest.mark.parametrize(
    ("name", "sha256"),
    [
        ("ex2data1.txt", "ed7298995232c17a7f1bc50c9807cb7216337563e4a7c00bfcaa8f5d6bd32f02"),
        ("digits.csv", "592cc047d0a1cc7fdef9fd724514209dcb45a80aa147dc3ab375e3e1a9a380f4"),
        ("breast_cancer.csv", "56022f02fd42838c3060f69471c04e83c871e92b6893a53ad44c60920d7d9f07"),
    ],
)
def test_data_files_match_their_documented_checksums(name, sha256):
    digest = hashlib.sha256((data.DATA_DIR / name).read_bytes()).hexdigest()
    assert digest == sha256
    assert sha256 in (data.DATA_DIR / "README.md").read_text()


def test_exam_scores():
    scores, admitted = data.load_exam_scores()
    assert scores.shape == (100, 2) and admitted.shape == (100,)
    assert set(np.unique(admitted)) == {0.0, 1.0} and admitted.sum() == 60
    assert scores.min() > 30 and scores.max() < 100


def test_digits():
    pixels, digits = data.load_digits()
    assert pixels.shape == (1797, 64) and digits.dtype == np.int64
    assert pixels.min() == 0 and pixels.max() == 16
    np.testing.assert_array_equal(np.bincount(digits), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])


def test_breast_cancer():
    features, malignant, names = data.load_breast_cancer()
    assert features.shape == (569, 30) and malignant.shape == (569,)
    assert int(malignant.sum()) == 212 and set(np.unique(malignant)) == {0.0, 1.0}
    assert names == data.BREAST_CANCER_FEATURES and len(set(names)) == 30
    assert names[:2] == ("radius_mean", "texture_mean") and names[-1] == "fractal_dimension_worst"
    assert (features > 0).mean() > 0.99 and np.isfinite(features).all()  # measurements, a few concavities 0
    # the published first row (UCI id 842302, malignant)
    assert features[0, 0] == 17.99 and features[0, 3] == 1001.0 and malignant[0] == 1
    # the worst value of a property is at least its mean (area is the easiest to read)
    area_mean, area_worst = features[:, names.index("area_mean")], features[:, names.index("area_worst")]
    assert (area_worst >= area_mean).all()


def test_breast_cancer_rejects_an_edited_copy(tmp_path, monkeypatch):
    text = (data.DATA_DIR / "breast_cancer.csv").read_text().splitlines()
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    (tmp_path / "breast_cancer.csv").write_text("\n".join(text[:-1]) + "\n")  # a row lost
    with pytest.raises(ValueError, match="expected 569 rows"):
        data.load_breast_cancer()
    (tmp_path / "breast_cancer.csv").write_text("\n".join([text[0].replace("radius_mean", "r"), *text[1:]]) + "\n")
    with pytest.raises(ValueError, match="expected the header"):
        data.load_breast_cancer()
    (tmp_path / "breast_cancer.csv").write_text("\n".join([*text[:-1], text[-1][:-1] + "2"]) + "\n")
    with pytest.raises(ValueError, match="0/1 label"):
        data.load_breast_cancer()
    (tmp_path / "breast_cancer.csv").unlink()
    with pytest.raises(FileNotFoundError, match="git checkout"):
        data.load_breast_cancer()


def test_add_intercept():
    np.testing.assert_array_equal(data.add_intercept([[2.0, 3.0]]), [[1.0, 2.0, 3.0]])
    np.testing.assert_array_equal(data.add_intercept([4.0, 5.0]), [[1.0, 4.0], [1.0, 5.0]])


def test_standardize_round_trip(rng):
    X = rng.normal(loc=50, scale=10, size=(30, 3))
    Z, mean, std = data.standardize(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-12)
    np.testing.assert_allclose(data.apply_standardization(X, mean, std), Z)
    np.testing.assert_allclose(data.apply_standardization(X[0], mean, std), Z[0])


def test_constant_columns_do_not_divide_by_zero():
    pixels, _ = data.load_digits()
    Z, _, std = data.standardize(pixels)
    assert np.all(np.isfinite(Z)) and np.all(std > 0)


def test_split_is_reproducible_and_complete():
    X = np.arange(20.0).reshape(10, 2)
    y = np.arange(10)
    a = data.train_test_split(X, y, 0.3, np.random.default_rng(1))
    b = data.train_test_split(X, y, 0.3, np.random.default_rng(1))
    for first, second in zip(a, b, strict=True):
        np.testing.assert_array_equal(first, second)
    X_train, _, y_train, y_test = a
    assert len(y_test) == 3 and len(y_train) == 7
    assert sorted(np.r_[y_train, y_test]) == list(range(10))
    np.testing.assert_array_equal(X_train[:, 0], 2 * y_train)


def test_apply_standardization_checks_shapes():
    with pytest.raises(ValueError, match="one entry per column"):
        data.apply_standardization(np.ones((3, 2)), np.zeros(3), np.ones(3))
    with pytest.raises(ValueError, match="std must be positive"):
        data.apply_standardization(np.ones((3, 2)), np.zeros(2), np.array([1.0, 0.0]))


# ---------------------------------------------------------------------------------------
# the small random data sets of notebooks 01 and 03 (moved from tests/test_figures_sigmoid.py
# and tests/test_figures_ce_vs_mse.py with the functions, issue 18)
# ---------------------------------------------------------------------------------------
def test_make_two_blobs_is_seeded_and_shaped():
    X, y = data.make_two_blobs(np.random.default_rng(3), n_per_class=5)
    X_again, _ = data.make_two_blobs(np.random.default_rng(3), n_per_class=5)
    assert X.shape == (10, 2) and y.tolist() == [0.0] * 5 + [1.0] * 5
    assert np.array_equal(X, X_again)
    assert X[5:].mean() > X[:5].mean()  # class 1 lies up and to the right by default
    with pytest.raises(ValueError, match="Generator"):
        data.make_two_blobs(3)
    with pytest.raises(ValueError, match="spread must be positive"):
        data.make_two_blobs(np.random.default_rng(0), spread=0.0)
    with pytest.raises(ValueError, match=r"shape \(2, 2\)"):
        data.make_two_blobs(np.random.default_rng(0), centres=[[0.0, 0.0]])


def test_toy_data_is_reproducible():
    x, y = data.make_toy_data(np.random.default_rng(3), m=20)
    again = data.make_toy_data(np.random.default_rng(3), m=20)
    assert np.array_equal(x, again[0]) and np.array_equal(y, again[1])
    assert set(np.unique(y)) == {0.0, 1.0}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: data.make_toy_data(42), "Generator"),
        (lambda: data.make_toy_data(np.random.default_rng(0), m=0), "positive integer"),
        (lambda: data.make_toy_data(np.random.default_rng(0), spread=0.0), "spread"),
    ],
)
def test_make_toy_data_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------
# the three classes in the plane of notebook 04 (moved from tests/test_figures_softmax.py)
# ---------------------------------------------------------------------------------------
def test_three_class_data_is_reproducible_and_centred():
    X, y = data.make_three_class_data(np.random.default_rng(1), n_per_class=500, spread=0.5)
    again, _ = data.make_three_class_data(np.random.default_rng(1), n_per_class=500, spread=0.5)
    assert np.array_equal(X, again) and X.shape == (1500, 2)
    means = np.array([X[y == c].mean(axis=0) for c in range(3)])
    assert np.allclose(means, data.THREE_CLASS_CENTRES, atol=0.1)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rng": 3}, "rng must be a numpy.random.Generator"),
        ({"rng": np.random.default_rng(0), "n_per_class": 0}, "n_per_class must be a positive integer"),
        ({"rng": np.random.default_rng(0), "spread": -1.0}, "spread must be positive"),
        ({"rng": np.random.default_rng(0), "spread": "wide"}, "spread must be a real number"),
    ],
)
def test_three_class_data_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        data.make_three_class_data(**kwargs)
