"""Many words as one regex, factored as a trie (高标准农田|高新技术企业 → 高(?:标准农田|新技术企业)).

It finds the longest word at the leftmost place, as the plain alternation sorted longest first does, much faster;
the department aliases (unit_names) and the keyword index (keyword_index) both use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for many words, factored as a trie (高标准农田|高新技术企业 → 高(?:标准农田|新技术企业)): it finds
    the longest word at the leftmost place, as the plain alternation sorted longest first does, much faster."""
    trie = _trie(words)
    return re.compile(_trie_regex(trie)) if trie else None


def _trie(words: Iterable[str]) -> dict:
    """The words as nested dicts by character; "" marks where a word ends."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def trie_heads(words: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """The trie of `words` cut at its first character: for each first character, the regex of its words.  Matching
    only where a word can start (a dict lookup per character) finds what trie_pattern's finditer finds, about
    three times faster on a table of a thousand words (re tries the top level's branches one by one)."""
    return {char: re.compile(re.escape(char) + _trie_regex(child)) for char, child in _trie(words).items() if char}


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here: the longer words are tried first (greedy), else the word itself
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
