"""Maintainer tools of the course (not imported by the notebooks)."""
