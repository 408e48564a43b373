"""A minimal, deterministic Compound File Binary (MS-CFB) writer.

Version 3 files, 512-byte sectors, 64-byte mini sectors for streams below 4096 bytes,
all timestamps zero, all CLSIDs zero.  Each storage's children form a balanced binary
search tree in CFB order (shorter name first, then upper-cased code units), coloured so
that it is a valid red-black tree (root black, no red node with a red child, the same
number of black nodes on every path).  Enough for a vbaProject.bin; files are limited to
109 FAT sectors (about 6.8 MB), which no add-in comes near.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")

EMPTY, STORAGE, STREAM, ROOT = 0, 1, 2, 5
RED, BLACK = 0, 1


def cfb_key(name: str) -> tuple[int, str]:
    """CFB sibling order: shorter names first, then code-unit-wise upper-case comparison."""
    return (len(name.encode("utf-16-le")) // 2, name.upper())


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Entry"] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or any(c in name for c in "/\\:!"):
        raise ValueError(f"invalid compound file entry name: {name!r}")


def _build_tree(streams: dict[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", ROOT)
    for path, data in streams.items():
        parts = path.split("/")
        node = root
        for part in parts[:-1]:
            _check_name(part)
            node = node.children.setdefault(part, _Entry(part, STORAGE))
            if node.kind != STORAGE:
                raise ValueError(f"{path}: {part} is a stream, not a storage")
        _check_name(parts[-1])
        if parts[-1] in node.children:
            raise ValueError(f"duplicate stream {path}")
        node.children[parts[-1]] = _Entry(parts[-1], STREAM, bytes(data))
    return root


def _number(root: _Entry) -> list[_Entry]:
    """Directory order: breadth-first, siblings in CFB order (deterministic)."""
    order = [root]
    i = 0
    while i < len(order):
        node = order[i]
        for key in sorted(node.children, key=cfb_key):
            order.append(node.children[key])
        i += 1
    for sid, entry in enumerate(order):
        entry.sid = sid
    return order


def _link_siblings(parent: _Entry) -> None:
    """Balanced BST over the sorted children, red at depths beyond the shortest nil path."""
    kids = [parent.children[k] for k in sorted(parent.children, key=cfb_key)]

    def min_nil_depth(n: int) -> int:  # nodes on the shortest root-to-nil path of size n
        depth = 0
        while n:
            n = (n - 1) // 2
            depth += 1
        return depth

    black_height = min_nil_depth(len(kids))

    def build(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = kids[mid]
        node.color = RED if depth > black_height else BLACK
        node.left = build(lo, mid, depth + 1)
        node.right = build(mid + 1, hi, depth + 1)
        return node.sid

    parent.child = build(0, len(kids), 1)
    for kid in kids:
        if kid.kind == STORAGE:
            _link_siblings(kid)


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else ENDOFCHAIN


def _dir_entry(e: _Entry | None, size: int = 0) -> bytes:
    if e is None:
        return b"\0" * 64 + struct.pack("<HBB3I", 0, EMPTY, 0, NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 52
    name = e.name.encode("utf-16-le")
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB3I", len(name) + 2, e.kind, e.color, e.left, e.right, e.child)
        + b"\0" * 16  # CLSID
        + struct.pack("<I", 0)  # state bits
        + b"\0" * 16  # creation and modification times
        + struct.pack("<IQ", e.start if e.kind != STORAGE else 0, size)
    )


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """Return the bytes of a compound file holding ``streams`` ({"VBA/dir": b"...", ...})."""
    root = _build_tree(streams)
    entries = _number(root)
    _link_siblings(root)

    # Mini stream: every stream below the cutoff, 64-byte aligned, in directory order.
    mini = bytearray()
    minifat: list[int] = []
    big: list[_Entry] = []
    for e in entries:
        if e.kind != STREAM:
            continue
        if len(e.data) == 0:
            e.start = ENDOFCHAIN
        elif len(e.data) < MINI_CUTOFF:
            count = -(-len(e.data) // MINI_SECTOR)
            e.start = len(minifat)
            minifat += [0] * count
            _chain(minifat, e.start, count)
            mini += e.data.ljust(count * MINI_SECTOR, b"\0")
        else:
            big.append(e)

    # Sector layout: big streams, mini stream, miniFAT, directory, FAT.
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return ENDOFCHAIN
        count = -(-len(data) // SECTOR)
        first = len(sectors)
        padded = data.ljust(count * SECTOR, b"\0")
        sectors.extend(padded[i * SECTOR:(i + 1) * SECTOR] for i in range(count))
        fat.extend([0] * count)
        _chain(fat, first, count)
        return first

    for e in big:
        e.start = place(e.data)
    root.start = place(bytes(mini))
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    if minifat:
        minifat_bytes = minifat_bytes.ljust(-(-len(minifat_bytes) // SECTOR) * SECTOR, b"\xff")
    first_minifat = place(minifat_bytes)
    n_minifat = len(minifat_bytes) // SECTOR

    dir_bytes = b"".join(
        _dir_entry(e, len(mini) if e.kind == ROOT else len(e.data) if e.kind == STREAM else 0)
        for e in entries
    )
    while len(dir_bytes) % SECTOR:
        dir_bytes += _dir_entry(None)
    first_dir = place(dir_bytes)

    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    first_fat = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    sectors.extend(fat_bytes[i * SECTOR:(i + 1) * SECTOR] for i in range(n_fat))

    difat = [first_fat + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (
        SIGNATURE
        + b"\0" * 16  # header CLSID
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,  # number of directory sectors (must be 0 in v3)
            n_fat,
            first_dir,
            0,  # transaction signature
            MINI_CUTOFF,
            first_minifat if minifat else ENDOFCHAIN,
            n_minifat,
            ENDOFCHAIN,  # first DIFAT sector
            0,  # number of DIFAT sectors
        )
        + b"".join(struct.pack("<I", v) for v in difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(sectors)
