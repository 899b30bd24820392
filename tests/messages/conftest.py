"""Message fixtures: the loopback SMTP server and settings of the reminder tests."""

from tests.reminders.conftest import settings, smtp  # noqa: F401
