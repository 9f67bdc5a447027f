"""Small helpers shared by the extraction tests."""

from zhenxing.documents.extraction import Fact, extract_facts


def facts(text: str) -> list[Fact]:
    return extract_facts(text, "t")


def one(text: str) -> Fact:
    found = facts(text)
    assert len(found) == 1, [f.to_record() for f in found]
    return found[0]


def values(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in facts(text)]
