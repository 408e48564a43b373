"""Patterns that skip, in a C-speed character scan, a text where they cannot match.

``clues(pattern)`` reads from the parsed pattern the characters a match can start with and a set of
characters one of which every match holds (its own, not a lookaround's). ``Sieved`` is a compiled
pattern whose ``search`` / ``match`` / ``finditer`` first look for one of those characters between
``pos`` and ``endpos`` and give no match at once where there is none: the same results, for the
patterns that are slow to fail (a lazy run of Chinese characters before a suffix, optional groups
before the one required word) and that fail in most sentences.
"""
from __future__ import annotations

import re
import sys

_NOTHING = iter(())


def clues(pattern: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(first, needed): the characters a match of ``pattern`` can start with, and a set of characters one
    of which every match contains (None: cannot tell). A text holding none of ``first``, or none of
    ``needed``, holds no match, so the pattern need not be run on it. Read from the parsed pattern."""
    try:
        from re import _constants as K  # noqa: N812
        from re import _parser

        def first(items):  # (characters a non-empty match can start with, whether it can be empty)
            acc: set[str] = set()
            for op, av in items:
                if op is K.LITERAL:
                    return acc | {chr(av)}, False
                if op is K.IN:
                    if not all(o is K.LITERAL for o, _ in av):
                        return None, False
                    return acc | {chr(a) for _, a in av}, False
                if op is K.SUBPATTERN:
                    if av[1] & (re.IGNORECASE | re.VERBOSE):
                        return None, False
                    f, empty = first(av[3])
                elif op is K.BRANCH:
                    f, empty = set(), False
                    for branch in av[1]:
                        fb, eb = first(branch)
                        if fb is None:
                            return None, False
                        f, empty = f | fb, empty or eb
                elif op in (K.MAX_REPEAT, K.MIN_REPEAT):
                    f, empty = first(av[2])
                    empty = empty or av[0] == 0
                else:
                    return None, False
                if f is None:
                    return None, False
                acc |= f
                if not empty:
                    return acc, False
            return acc, True

        def needed(items):  # the smallest set among the elements a match cannot do without
            sets = []
            for op, av in items:
                c = None
                if op is K.LITERAL:
                    c = {chr(av)}
                elif op is K.IN and all(o is K.LITERAL for o, _ in av):
                    c = {chr(a) for _, a in av}
                elif op is K.SUBPATTERN:
                    if av[1] & (re.IGNORECASE | re.VERBOSE):
                        return None
                    c = needed(av[3])
                elif op is K.BRANCH:
                    c = set()
                    for branch in av[1]:
                        nb = needed(branch)
                        if nb is None:
                            c = None
                            break
                        c |= nb
                elif op in (K.MAX_REPEAT, K.MIN_REPEAT) and av[0] >= 1:
                    c = needed(av[2])
                if c:
                    sets.append(c)
            return min(reversed(sets), key=len) if sets else None

        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None, None
        f, empty = first(parsed)
        n = needed(parsed)
        return (None if f is None or empty else frozenset(f)), (None if n is None else frozenset(n))
    except Exception:  # another Python's parser: run the pattern everywhere
        return None, None


def guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled behind a look at its first character, ``(?=[…])(?:pattern)``: the same
    matches, but a position whose character cannot start one fails at once (a pattern that opens with
    optional words or with a choice of groups is otherwise tried in full at every position)."""
    first = clues(pattern)[0] if not flags else None
    if first is None:
        return re.compile(pattern, flags)
    return re.compile("(?=[" + "".join(map(re.escape, sorted(first))) + "])(?:" + pattern + ")", flags)


class Sieved:
    """A compiled pattern and the characters one of which every match holds (or ``hint``: a pattern
    every match holds a match of, where the pattern's own characters are too common to tell)."""

    __slots__ = ("rx", "hint", "pattern")

    def __init__(self, pattern: str, flags: int = 0, hint: str | None = None):
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        if hint is None:
            needed = clues(pattern)[1] if not flags else None
            hint = "[" + "".join(map(re.escape, sorted(needed))) + "]" if needed else None
        self.hint = re.compile(hint) if hint else None

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False when ``text[pos:endpos]`` cannot hold a match."""
        return self.hint is None or self.hint.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.hint is not None and self.hint.search(text, pos, endpos) is None:
            return None
        return self.rx.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.hint is not None and self.hint.search(text, pos, endpos) is None:
            return None
        return self.rx.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.hint is not None and self.hint.search(text, pos, endpos) is None:
            return _NOTHING
        return self.rx.finditer(text, pos, endpos)
