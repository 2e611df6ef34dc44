"""``course.py``, the two commands: which Pythons it accepts, and what it installs from."""

from __future__ import annotations

import pytest

import course


def test_supported_range_is_the_ci_matrix():
    workflow = (course.ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8")
    low, high = course.SUPPORTED
    tested = [f"{low[0]}.{minor}" for minor in range(low[1], high[1] + 1)]
    assert f"python: {tested!r}".replace("'", '"') in workflow, f"CI must test Python {tested}"


@pytest.mark.parametrize("version", [(3, 10), (3, 12), (3, 14)])
def test_supported_pythons_run_silently(version, capsys):
    course.check_python(version)
    assert capsys.readouterr() == ("", "")


def test_an_older_python_is_refused_with_what_to_run(capsys):
    with pytest.raises(SystemExit) as stop:
        course.check_python((3, 9))
    assert stop.value.code == 1
    message = capsys.readouterr().err
    assert "needs Python 3.10 or newer" in message and "python3.14 course.py open" in message


def test_a_newer_python_is_tried_with_a_warning(capsys):
    course.check_python((3, 15))
    out, err = capsys.readouterr()
    assert out == ""
    assert "warning: the course is tested on Python 3.10 to 3.14" in err and "Trying anyway" in err


def test_latest_installs_every_pinned_package_by_name_and_not_the_course_line():
    names = course.latest_requirements()
    assert "numpy" in names and "jupyterlab" in names
    assert not [n for n in names if n.startswith("-") or n in (".", "")], names
    assert len(names) == len(set(names))


def test_requirements_install_the_course_itself():
    """``pip install -r requirements.txt`` alone must make ``import helpers`` work (JupyterHub, Binder)."""
    lines = [line.split("#", 1)[0].strip() for line in course.REQUIREMENTS.read_text(encoding="utf-8").splitlines()]
    assert "-e ." in lines
