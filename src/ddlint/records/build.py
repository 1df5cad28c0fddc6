"""``construct``: a record built without validation, laid out for CPython's instance dicts.

Extraction builds one ``Paper`` (and its ``Section``, ``Origin``, ``Venue`` and ``Link``
records) per row, for lists of 100 000 rows: how a record is built decides both the time
and the memory of a check.
"""

from __future__ import annotations

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
_OWN_DICT_FIELDS = 8  # measured: up to here a record's own dict is the smaller one


def construct(model: type[_Model], **values: Any) -> _Model:
    """``model.model_construct(**values)`` for ``values`` that name every field, in field
    order: the four attributes model_construct sets, without its per-field walk over
    aliases and defaults (a third of extraction time). Nothing is validated: every value
    comes from our own parsers and is typed statically; data from outside (exported JSON)
    is validated at that boundary. tests/records/test_record_construction.py proves the two
    indistinguishable.
    """
    record = model.__new__(model)
    if len(values) > _OWN_DICT_FIELDS:
        # Set one by one, the fields land in a dict that shares its key table with every
        # other record of the model (CPython's key-sharing instance dicts): for a Paper,
        # ~330 bytes less per record than the dict of its own that `__dict__ =` gives.
        for name, value in values.items():
            _set_attribute(record, name, value)
    else:  # a small dict of its own is smaller than a shared-key one (sized for 30 keys)
        _set_attribute(record, "__dict__", values)
    _set_attribute(record, "__pydantic_fields_set__", _ALL_FIELDS[model])
    _set_attribute(record, "__pydantic_extra__", None)
    _set_attribute(record, "__pydantic_private__", None)
    return record
