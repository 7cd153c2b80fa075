"""Alternations of many words, written as a trie.

Python's regex engine tries the branches of an alternation one after the other, so
``ein|eine|einen|zwei|...`` costs one attempt per word at every place it is tried. Factored
by letter (``(?:ein(?:e(?:n)?)?|zwei|...)``) a place where no word is written fails after a
look at one or two characters. The number-word reader, the sentence cutter and the word
scan's guard all build their alternations here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_Node = dict[str, "_Node"]


def trie_regex(
    words: Iterable[str],
    letter: Callable[[str], str] = re.escape,
    end: Callable[[str], str] | None = None,
) -> str:
    """One regex that matches exactly ``words``; ``letter`` writes one character (as
    itself, escaped, by default; a caller may widen one to a class, "е" to "[её]").
    ``end`` writes what stands where a word ends (an empty named group, to tell which word
    matched; then no word may begin another, or the shorter one would never be told)."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(root, "", letter, end)


def _node_regex(
    node: _Node, path: str, letter: Callable[[str], str], end: Callable[[str], str] | None
) -> str:
    branches = [
        letter(char) + _node_regex(child, path + char, letter, end)
        for char, child in sorted(node.items())
        if char
    ]
    if end is not None and "" in node:
        branches.append(end(path))
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body
