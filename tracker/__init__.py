"""Recruitment job-posting tracker."""

__version__ = "0.1.0"
