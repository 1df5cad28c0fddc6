"""Records are built by ``records.build.construct``, not ``model_construct`` (issue: Performance).

``construct`` sets the four attributes model_construct sets, without its per-field walk.
These properties build every record model both ways, and through validation, from the
same values, and require objects nothing can tell apart: equality, dumps, fields set,
hashing, repr, pickling, copies and frozen-ness.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pydantic
import pytest
from helpers import SEED
from hypothesis import given
from hypothesis import strategies as st

from ddlint.api import parse_records
from ddlint.records.build import construct, construct_link, construct_origin
from ddlint.records.model import Link, Origin, Paper, Section, Venue, _Frozen

TEXT = st.text(max_size=12)
YEAR = st.none() | st.integers(1950, 2099)
VENUES = st.builds(
    dict,
    raw=TEXT,
    name=st.none() | TEXT,
    year=YEAR,
    month=st.none() | st.integers(1, 12),
    kind=st.none() | st.sampled_from(["conference", "workshop", "journal", "preprint"]),
)
LINKS = st.builds(dict, label=TEXT, url=TEXT)
SECTIONS = st.builds(dict, heading=st.none() | TEXT, year=YEAR)
ORIGINS = st.builds(
    dict, line=st.integers(1, 10**6), column=st.integers(1, 500), rendered=st.booleans()
)
PAPERS = st.builds(
    dict,
    title=TEXT,
    url=st.none() | TEXT,
    authors=st.lists(TEXT, max_size=3),
    et_al=st.booleans(),
    type=TEXT,
    task=TEXT,
    datasets=st.lists(TEXT, max_size=3),
    venue=st.none() | VENUES.map(lambda v: construct(Venue, **v)),
    year=YEAR,
    links=st.lists(LINKS.map(lambda v: construct(Link, **v)), max_size=3),
    section=SECTIONS.map(lambda v: construct(Section, **v)),
    origin=ORIGINS.map(lambda v: construct(Origin, **v)),
    extra=st.dictionaries(TEXT, TEXT, max_size=2),
)
MODELS = [(Venue, VENUES), (Link, LINKS), (Section, SECTIONS), (Origin, ORIGINS), (Paper, PAPERS)]


def _outcome(function: Any) -> object:
    try:
        return ("value", function())
    except Exception as error:  # the kind of failure must match too
        return ("error", type(error))


def assert_indistinguishable(fast: _Frozen, slow: _Frozen) -> None:
    assert type(fast) is type(slow)
    assert fast == slow and slow == fast
    assert (fast != slow) is False
    assert repr(fast) == repr(slow)
    assert str(fast) == str(slow)
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump(mode="json") == slow.model_dump(mode="json")
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.__dict__ == slow.__dict__
    assert list(fast.__dict__) == list(slow.__dict__)
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert _outcome(lambda: hash(fast)) == _outcome(lambda: hash(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert copy.deepcopy(fast) == slow
    assert fast.model_copy() == slow.model_copy()
    field = next(iter(type(fast).model_fields))
    with pytest.raises(pydantic.ValidationError):
        setattr(fast, field, getattr(fast, field))


@pytest.mark.parametrize(("model", "values"), MODELS, ids=[m.__name__ for m, _ in MODELS])
@given(data=st.data())
def test_record_is_model_construct(model: type[_Frozen], values: Any, data: Any) -> None:
    drawn = data.draw(values)
    fast = construct(model, **drawn)
    assert_indistinguishable(fast, model.model_construct(**drawn))
    assert_indistinguishable(fast, model.model_validate(fast.model_dump()))


@given(origin=ORIGINS, link=LINKS)
def test_origins_and_links_spelled_out_are_model_construct(
    origin: dict[str, Any], link: dict[str, Any]
) -> None:
    assert_indistinguishable(construct_origin(**origin), Origin.model_construct(**origin))
    assert_indistinguishable(construct_link(**link), Link.model_construct(**link))


def test_seed_records_equal_their_validated_form() -> None:
    papers = parse_records(SEED.read_text(encoding="utf-8"))
    assert papers
    for paper in papers:
        assert_indistinguishable(paper, Paper.model_validate(paper.model_dump()))
        assert_indistinguishable(paper, Paper.model_construct(**dict(paper)))
