"""parse -> check -> fix -> check on lists built step by step (issue "Bad input, faults").

Never a crash, the round trip always holds, safe fixes never change the record
multiset, and a second fix changes nothing.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from listgen import DELIMITER, HEADER, TEMPLATE, paper_row

from ddlint import parse_document, render_document
from ddlint.api import fix_text, lint_text, parse_records
from ddlint.records.identity import paper_identity

INTERRUPTERS = [
    "<!-- a comment -->",
    "<img src='x.png'>",
    "</div>",
    "- a list item",
    "> quote",
    "---",
]


class PaperListMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.text = "# Papers\n\n## 2022\n" + HEADER + DELIMITER
        self.serial = 0
        self.fixed = False

    @rule(data=st.data())
    def add_row(self, data: st.DataObject) -> None:
        self.serial += 1
        self.text += data.draw(paper_row(2022, self.serial))

    @rule()
    def add_template_row(self) -> None:
        self.text += TEMPLATE

    @rule(block=st.sampled_from(INTERRUPTERS))
    def interrupt_the_table(self, block: str) -> None:
        self.text += block + "\n"

    @rule()
    def add_blank_line(self) -> None:
        self.text += "\n"

    @rule(year=st.integers(2018, 2023))
    def start_a_section(self, year: int) -> None:
        self.text += f"\n## {year}\n\n" + HEADER + DELIMITER

    @rule(junk=st.text(alphabet="|\\`*[]()<>!-: \tab\r", max_size=30))
    def add_junk_line(self, junk: str) -> None:
        self.text += junk + "\n"

    @rule()
    def use_crlf(self) -> None:
        self.text = self.text.replace("\r\n", "\n").replace("\n", "\r\n")

    @precondition(lambda self: not self.fixed)
    @rule()
    def fix(self) -> None:
        before = Counter(paper_identity(p) for p in parse_records(self.text))
        result = fix_text(self.text)
        after = Counter(paper_identity(p) for p in parse_records(result.text))
        assert after == before
        assert fix_text(result.text).text == result.text
        lint_text(result.text)
        self.text = result.text
        self.fixed = True

    @invariant()
    def round_trip(self) -> None:
        assert render_document(parse_document(self.text)) == self.text

    def teardown(self) -> None:
        lint_text(self.text)


PaperListMachine.TestCase.settings = settings(
    max_examples=2000,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestPaperList = PaperListMachine.TestCase
