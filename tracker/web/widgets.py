"""Form widgets that make their markup once (#16: pages in a few milliseconds).

A select's options are the same on every page that shows them (the public list's employers and
employment types, fifty and more options each), and WTForms builds each option's attributes
anew on every page: here each distinct option (value, label in the page's language, selected or
not, attributes) is made once per process and kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from wtforms import SelectField as BaseSelectField
from wtforms.widgets import Select


@lru_cache(maxsize=16384)
def _option(kind: str, value: Any, label: str | None, selected: bool,
            attributes: tuple[tuple[str, Any], ...], extra: tuple[tuple[str, Any], ...]) -> Markup:
    choice = _Choice(value, label, selected, dict(attributes) or None)
    return Select.render_option(choice, **dict(extra))


class _Choice:
    """What Select.render_option reads of a choice."""

    def __init__(self, value: Any, label: str | None, selected: bool, render_kw: Any) -> None:
        self.value, self.label, self.selected, self.render_kw = value, label, selected, render_kw


class KeptOptionsSelect(Select):
    """WTForms' select, each option's markup kept once made (the same markup: WTForms makes it
    on a miss)."""

    @classmethod
    def render_option(cls, choice: Any, **kwargs: Any) -> Markup:
        label = choice.label
        try:
            # the value's type is part of the key: 1 and True are equal, but not written alike
            return _option(type(choice.value).__name__, choice.value,
                           None if label is None else str(label), bool(choice.selected), tuple((choice.render_kw or {}).items()),
                           tuple(kwargs.items()))
        except TypeError:  # an unhashable value or attribute: made every time
            return super().render_option(choice, **kwargs)


class SelectField(BaseSelectField):
    widget = KeptOptionsSelect()


class TokenOnly:
    """What a row of buttons reads of its form when they post only their hidden values (the
    posting page's status buttons, macros.button): the CSRF field, written as FlaskForm writes
    it, without making a whole form on every request."""

    @property
    def csrf_token(self) -> Markup:
        return Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="{}">'
                      ).format(generate_csrf())
