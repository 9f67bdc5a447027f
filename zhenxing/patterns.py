"""Regexes that skip, in C, the places where no match can start.

Python's `re` tries a large alternation (a cue table, a furniture list) branch by branch at every offset of a
sentence.  Most offsets hold a character no branch starts with; a lookahead on the set of characters a match can
start with (its FIRST set) lets the engine reject those offsets with one set test.  The lookahead only restates
what the pattern already requires, so the matches are the same; `quick` computes the set from the parsed pattern
and falls back to the plain pattern wherever it cannot be sure (a match that may be empty, a class too wide).
"""

from __future__ import annotations

import re
from re import _constants as C  # the parser's opcodes: the only way to read a compiled pattern's structure
from re import _parser

_MAX_FIRST = 400  # beyond this many starting characters the set test saves little
_CATEGORIES = {"\\d": C.CATEGORY_DIGIT, "\\s": C.CATEGORY_SPACE}
_MAX_RANGE = 64  # a class over a wider range ([\u4e00-\u9fff]) starts almost anywhere: no lookahead


def quick(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, led by a lookahead on the characters a match can start with when they are a
    small set (the same matches, found faster).  Branches anchored at the start (^今年…|…) add `^` to the lookahead's
    alternatives: a cue table with a few anchored branches is still skipped, in C, wherever none can start."""
    lead = None if flags & re.IGNORECASE else _lead(pattern, flags)
    if lead is None or len(lead[0]) > _MAX_FIRST:
        return re.compile(pattern, flags)
    first, anchored = lead
    chars = "".join(ch if ch in _CATEGORIES else re.escape(ch) if ch in "\\]^-[" else ch for ch in sorted(first))
    if not anchored:
        return re.compile(f"(?=[{chars}])(?:{pattern})", flags)
    # the same ^ as the pattern's (with the same flags): a start, or after a newline under re.MULTILINE
    return re.compile(f"(?:(?=[{chars}])|^)(?:{pattern})" if chars else f"^(?:{pattern})", flags)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every non-empty match of `pattern` starts with (\\d and \\s standing for their classes), or
    None when that is not a small known set (the pattern can match the empty string, or starts with a wide or
    negated class, a backreference…, or only the start of the text tells where some branch can match)."""
    lead = _lead(pattern, flags)
    return None if lead is None or lead[1] else lead[0]


def _lead(pattern: str, flags: int = 0) -> tuple[frozenset[str], bool] | None:
    """(the characters a match can start with, whether it can also start wherever ^ holds whatever the character),
    or None when unknown."""
    try:
        parsed = list(_parser.parse(pattern, flags))
    except (re.error, AttributeError, TypeError):  # a parser of another Python version: no lookahead, no harm
        return None
    found = _first(parsed, False)  # ^ read as consuming nothing: what follows it tells
    if found is None or found[1]:
        # ^[^,;。]{0,10}?…: nothing known follows ^, but such a branch can only match where ^ holds
        found = _first(parsed, True)
    if found is None or found[1]:
        return None
    return frozenset(found[0]), found[2]


# (FIRST set, can be empty, can start wherever ^ holds) of a parsed item or sequence
_Lead = tuple[set[str], bool, bool]


def _first(items: list, anchors: bool) -> _Lead | None:
    """(FIRST set, can be empty, anchored) of a sequence of parsed items; None when unknown.  `anchors`: a ^ ends
    the sequence's reading (a match of it starts where ^ holds), else it consumes nothing like a lookahead."""
    chars: set[str] = set()
    anchored = False
    for op, arg in items:
        found = _item(op, arg, anchors)
        if found is None:
            return None
        chars |= found[0]
        anchored = anchored or found[2]
        if not found[1]:
            return chars, False, anchored
    return chars, True, anchored


def _item(op, arg, anchors: bool) -> _Lead | None:
    if anchors and op is C.AT and arg is C.AT_BEGINNING:
        return set(), False, True
    if op is C.LITERAL:
        return {chr(arg)}, False, False
    if op is C.IN:
        return _class(arg)
    if op is C.BRANCH:
        chars, empty, anchored = set(), False, False
        for branch in arg[1]:
            found = _first(list(branch), anchors)
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
            anchored = anchored or found[2]
        return chars, empty, anchored
    if op is C.SUBPATTERN:
        return _first(list(arg[-1]), anchors)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _, body = arg
        found = _first(list(body), anchors)
        return None if found is None else (found[0], found[1] or low == 0, found[2])
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True, False  # consumes nothing: what follows decides
    if op is C.CATEGORY:  # \d, \s outside brackets
        return _class([(op, arg)])
    return None  # ANY, NOT_LITERAL, \w, GROUPREF…: too wide or unknown


def _class(arg) -> _Lead | None:
    chars: set[str] = set()
    for op, value in arg:
        if op is C.LITERAL:
            chars.add(chr(value))
        elif op is C.RANGE and value[1] - value[0] <= _MAX_RANGE:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        elif op is C.CATEGORY and value in _CATEGORIES.values():
            chars.add(next(k for k, v in _CATEGORIES.items() if v is value))  # \d and \s stay classes in the lookahead
        else:
            return None
    return chars, False, False


def quick_pairs(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`quick(pattern, flags)`, with a second lookahead on the first TWO characters where they are known: for a cue
    table whose hundred first characters are common (新, 建, 全…) but each opens only a few words (新开工, 建成后),
    most offsets that pass the first test fail the pair test, before any branch is tried.  The pairs are read from
    the parsed pattern (lookarounds consume nothing and are passed over, so the test only restates what the pattern
    requires); where they are not known, `quick` alone."""
    plain = quick(pattern, flags)
    lead = None if flags & re.IGNORECASE else _lead(pattern, flags)
    if lead is None or lead[1] or not plain.pattern.startswith("(?=["):
        return plain
    try:
        pairs = _pairs(list(_parser.parse(pattern, flags)), ())
    except (re.error, AttributeError, TypeError):
        return plain
    if pairs is None:
        return plain
    loose = sorted(c for c, nexts in pairs.items() if nexts is None or c in _CATEGORIES)
    tight = [f"{re.escape(c)}[{_class_text(nexts)}]" for c, nexts in sorted(pairs.items())
             if nexts is not None and c not in _CATEGORIES]
    if not tight:
        return plain
    branches = ([f"[{_class_text(set(loose))}]"] if loose else []) + tight
    head = plain.pattern[:plain.pattern.index("])(?:") + 2]  # quick's own first-character test
    return re.compile(f"{head}(?={'|'.join(branches)})(?:{pattern})", flags)


def _class_text(chars: set[str]) -> str:
    return "".join(ch if ch in _CATEGORIES else re.escape(ch) if ch in "\\]^-[" else ch for ch in sorted(chars))


_Pairs = dict[str, set[str] | None]  # first character → the characters that can follow it (None: any)
_MAX_NEXT = 60  # a larger set of second characters tests little: any


def _pairs(items: list, rest: tuple) -> _Pairs | None:
    """The first two characters of a match of `items` followed by the sequences `rest`, or None when unknown."""
    if not items:
        return _pairs(list(rest[0]), rest[1:]) if rest else None  # (an empty match: quick refuses those)
    (op, arg), after = items[0], items[1:]
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return _pairs(after, rest)  # consumes nothing: passed over (its test is the pattern's, not the pairs')
    if op in (C.LITERAL, C.IN, C.CATEGORY):
        found = _item(op, arg, False)
        if found is None:
            return None
        nexts = _next_chars(after, rest)
        return {c: nexts for c in found[0]}
    if op is C.BRANCH:
        return _merge([_pairs(list(branch), (after, *rest)) for branch in arg[1]])
    if op is C.SUBPATTERN:
        return _pairs(list(arg[-1]), (after, *rest))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, body = arg
        inner = _first(list(body), False)
        if inner is None or inner[1] or high == 0:
            return None  # a body that may match nothing: unknown
        again = [(op, (max(low - 1, 0), high if high == C.MAXREPEAT else high - 1, body))] if high != 1 else []
        once = _pairs(list(body), (again + after, *rest))
        return once if low > 0 else _merge([once, _pairs(after, rest)])
    return None


def _merge(found: list[_Pairs | None]) -> _Pairs | None:
    out: _Pairs = {}
    for pairs in found:
        if pairs is None:
            return None
        for c, nexts in pairs.items():
            if nexts is None or (c in out and out[c] is None):
                out[c] = None
            else:
                out[c] = (out.get(c) or set()) | nexts
    return out


def _next_chars(items: list, rest: tuple) -> set[str] | None:
    """The characters that can come next after a first one (None: any, or the match may end there)."""
    chars: set[str] = set()
    for seq in (items, *rest):
        found = _first(list(seq), False)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars if len(chars) <= _MAX_NEXT else None
    return None  # everything after may be empty: the match may end after one character
