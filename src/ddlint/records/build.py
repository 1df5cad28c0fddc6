"""``construct``: a record built without validation, laid out for CPython's instance dicts.

Extraction builds one ``Paper`` (and its ``Section``, ``Origin``, ``Venue`` and ``Link``
records) per row, for lists of 100 000 rows: how a record is built decides both the time
and the memory of a check.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

from pydantic import BaseModel

from ddlint.records.model import Link, Origin, Paper, Section, Venue

# Records are built with every field given, so one set of field names serves every
# record of a model (model_construct would keep a new one per record; pydantic copies
# it before any change).
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {
    model: set(model.model_fields) for model in (Venue, Link, Section, Origin, Paper)
}

_Model = TypeVar("_Model", bound=BaseModel)
_set_attribute = object.__setattr__

# CPython up to 3.12 keeps a record built field by field as an array of its values
# beside its model's shared key table, smaller than any dict of its own. 3.13 sizes that
# array for the whole table when the class has slots of its own (pydantic's do), so
# there a small record is smaller with a dict of its own, as a large one is not.
SHARED_KEYS_PAY = sys.version_info < (3, 13)
_OWN_DICT_FIELDS = 8  # from here on, the shared keys pay on every version


def construct(model: type[_Model], **values: Any) -> _Model:
    """``model.model_construct(**values)`` for ``values`` that name every field, in field
    order: the four attributes model_construct sets, without its per-field walk over
    aliases and defaults (a third of extraction time). Nothing is validated: every value
    comes from our own parsers and is typed statically; data from outside (exported JSON)
    is validated at that boundary. tests/records/test_record_construction.py proves the two
    indistinguishable.
    """
    record = model.__new__(model)
    if SHARED_KEYS_PAY or len(values) > _OWN_DICT_FIELDS:
        # Set one by one, the fields land in a dict that shares its key table with every
        # other record of the model (CPython's key-sharing instance dicts: model.py fills
        # each model's table when the class is made).
        for name, value in values.items():
            _set_attribute(record, name, value)
    else:
        _set_attribute(record, "__dict__", values)
    return _finish(record, _ALL_FIELDS[model])


def _finish(record: _Model, fields: set[str]) -> _Model:
    _set_attribute(record, "__pydantic_fields_set__", fields)
    _set_attribute(record, "__pydantic_extra__", None)
    _set_attribute(record, "__pydantic_private__", None)
    return record


# ``construct`` spelled out for the records made for every row and link: without the
# dict of keyword arguments and the loop over it, as fast as one dict of their own.
_ORIGIN_FIELDS, _LINK_FIELDS = _ALL_FIELDS[Origin], _ALL_FIELDS[Link]


def construct_origin(line: int, column: int, rendered: bool) -> Origin:
    """``construct(Origin, line=line, column=column, rendered=rendered)``."""
    if not SHARED_KEYS_PAY:
        return construct(Origin, line=line, column=column, rendered=rendered)
    record = Origin.__new__(Origin)
    _set_attribute(record, "line", line)
    _set_attribute(record, "column", column)
    _set_attribute(record, "rendered", rendered)
    return _finish(record, _ORIGIN_FIELDS)


def construct_link(label: str, url: str) -> Link:
    """``construct(Link, label=label, url=url)``."""
    if not SHARED_KEYS_PAY:
        return construct(Link, label=label, url=url)
    record = Link.__new__(Link)
    _set_attribute(record, "label", label)
    _set_attribute(record, "url", url)
    return _finish(record, _LINK_FIELDS)
