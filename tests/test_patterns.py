"""patterns.quick: a regex led by the characters its matches start with finds exactly what the plain one finds."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenxing.documents.extraction as extraction
from zhenxing.patterns import first_chars, quick, quick_pairs

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("pattern", "first"), [
    ("计划|预计", "计预"),
    ("(?:初步)?预计", "初预"),
    ("(?<!完成)年度投资", "年"),  # a lookbehind consumes nothing
    ("(?=[甲乙])甲|乙", "甲乙"),
    ("[一二三]是", "一二三"),
    ("[a-c]x", "abc"),
    ("^\\s*(?:第)?十", {"\\s", "第", "十"}),  # \s and \d stay classes in the lookahead
    ("(?:到)?(?:年)?", None),  # can match nothing: every offset may start a match
    ("[\u4e00-\u9fff]{2}市", None),  # a class of twenty thousand characters tells nothing
    ("\\d+个|[.\\d]", {"\\d", "."}),
    ("\\w+", None),  # a word character is almost any
    ("[^,]+", None),
    ("a*b", "ab"),
    ("a{0,2}b|c", "abc"),
    ("^[^,]{0,3}?说|计划", None),  # a branch anchored at the start: no set tells where it matches
])
def test_first_chars_are_what_a_match_can_start_with(pattern, first):
    assert first_chars(pattern) == (None if first is None else frozenset(first))


def test_quick_leaves_a_pattern_without_a_small_first_set_as_it_is():
    assert quick("[\u4e00-\u9fff]+市").pattern == "[\u4e00-\u9fff]+市"
    assert quick("甲|乙", re.IGNORECASE).pattern == "甲|乙"
    assert quick("计划|预计").pattern.startswith("(?=[")


def test_quick_lets_anchored_branches_match_where_the_start_holds():
    assert quick("^[^,]{0,3}?说|计划").pattern == "(?:(?=[计])|^)(?:^[^,]{0,3}?说|计划)"
    assert quick("^[^,]+说").pattern == "^(?:^[^,]+说)"
    assert quick("^\\s*十").pattern.startswith("(?=[")  # what follows ^ is known: the plain lookahead


ALPHABET = "计划预计年度投资到2024年底前完成,。甲乙丙丁三是十x一二其 \u3000\n٣"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_quick_finds_what_the_plain_pattern_finds_on_any_text(text):
    for pattern in ("计划|预计", "\\s*[一二]是", "\\d+年|其",
                    "(?:初步)?预计(?!投资)", "(?<!完成)年度投资", "到(?P<y>20\\d\\d)年(?:底前)?",
                    "[一二三]是|十", "(?:甲|乙)+,?"):
        plain = [(m.span(), m.groupdict()) for m in re.finditer(pattern, text)]
        assert [(m.span(), m.groupdict()) for m in quick(pattern).finditer(text)] == plain


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(min_value=0, max_value=4))
def test_quick_finds_what_the_plain_pattern_finds_with_anchored_branches(text, pos):
    for pattern, flags in (("^[^,]{0,3}?是|计划", 0), ("(?:^|,)[^,]*年|其", 0), ("^.{0,2}十|二是", 0),
                           ("^[^,]{0,3}?是|计划", re.MULTILINE), ("^(?:[^,]{0,2}说,)?(?:今年|年度)", 0)):
        plain, fast = re.compile(pattern, flags), quick(pattern, flags)
        assert fast.pattern != pattern
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found, expected = fast.search(text, pos), plain.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


PAIRED = ("计划|预计", "(?:初步)?预计(?!投资)", "(?<!完成)年度投资", "到(?P<y>20\\d\\d)年(?:底前)?", "[一二三]是|十",
          "甲{2,3}乙|乙甲*", "(?:甲乙)*丙|丁", "甲(?=乙)|乙(?<=甲乙)丙", "(?:甲|乙丙)(?:丁|$)", "甲+?乙|丙{1,2}?丁",
          "(?:(?<=[,])|^)丙丁", "甲(?:乙|)丙", "十(?P<n>[一二三])五?|其")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(min_value=0, max_value=4), st.integers(0, 40))
def test_quick_pairs_finds_what_the_plain_pattern_finds(text, pos, end):
    for pattern in PAIRED:
        plain, fast = re.compile(pattern), quick_pairs(pattern)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        found, expected = fast.search(text, pos, end), plain.search(text, pos, end)
        assert (found and found.span()) == (expected and expected.span())


def test_quick_pairs_tests_the_first_two_characters_where_they_are_known():
    assert quick_pairs("计划|预计").pattern == "(?=[计预])(?=计[划]|预[计])(?:计划|预计)"
    assert quick_pairs("[一二三]是|十").pattern == "(?=[一三二十])(?=[十]|一[是]|三[是]|二[是])(?:[一二三]是|十)"
    assert quick_pairs("甲乙?$").pattern == quick("甲乙?$").pattern  # a match of one character: no pair to test


def engine_patterns() -> list[tuple[str, re.Pattern[str]]]:
    modules = [importlib.import_module(f"{extraction.__name__}.{m.name}")
               for m in pkgutil.iter_modules(extraction.__path__)]
    modules.append(importlib.import_module("zhenxing.deadlines"))
    return [(f"{module.__name__}.{name}", value) for module in modules for name, value in vars(module).items()
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str)
            and value.pattern.startswith(("(?=[", "(?:(?=["))]


def test_the_engine_leads_its_costliest_patterns_with_their_first_characters():
    names = {name.rsplit(".", 1)[1] for name, _ in engine_patterns()}
    assert {"_ANY_CUE", "_PATTERN", "_TARGET_CUE", "_ACTUAL_CUE"} <= names


def test_every_quick_pattern_of_the_engine_finds_what_its_plain_pattern_finds_on_real_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/documents/corpus/texts").glob("*.txt"))]
    assert len(texts) > 50
    for name, pattern in engine_patterns():
        pairs = r"(?:\(\?=(?:\[(?:\\.|[^\]\\])*\]|\\.|[^()\[\\])*\))?"  # quick_pairs' second test
        inner = re.match(r"(?:\(\?:)?\(\?=\[(?:\\.|[^\]\\])*\]\)(?:\|\^\))?" + pairs + r"\(\?:(.*)\)\Z",
                         pattern.pattern, re.S)
        if inner is None:
            continue  # written with its own lookahead, not by quick
        plain = re.compile(inner.group(1), pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name
