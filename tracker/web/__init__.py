"""The web face: pages for HR staff and candidates, and the public posting pages.

Views are thin: parse a form, call a service in one unit of work, render plain data. The
application that serves them with the JSON API is assembled in `tracker.app`.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
