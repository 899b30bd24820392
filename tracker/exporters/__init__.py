"""Postings and dates out of the tracker: schema.org JSON-LD, iCalendar, CSV."""
