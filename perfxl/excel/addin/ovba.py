"""MS-OVBA 2.4.1 compression (the RLE/LZ77 variant used by VBA); the tests decompress independently.

``compress`` follows the algorithm of MS-OVBA 2.4.1.3.6-2.4.1.3.19 (greedy longest match,
nearest candidate on ties) with a hash index instead of a linear scan, so a 100 KB module
compresses in well under a second.  It is correct for input of any length (the known
``ms-ovba-compression`` bug, copy tokens that cross the 4096-byte chunk boundary, cannot
happen here because the search never looks past the current chunk).
"""

from __future__ import annotations

import struct

CHUNK = 4096
_MAX_CANDIDATES = 512  # how many earlier positions with the same 3-byte prefix to try


def _bit_count(difference: int) -> int:
    """Number of offset bits of a CopyToken at ``difference`` bytes into the chunk (2.4.1.3.19.1)."""
    bits = 4
    while (1 << bits) < difference:
        bits += 1
    return bits


def _compress_tokens(chunk: bytes) -> bytes:
    """TokenSequences for one DecompressedChunk (at most 4096 bytes)."""
    out = bytearray()
    n = len(chunk)
    heads: dict[bytes, list[int]] = {}
    pos = 0
    while pos < n:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            best_len = 0
            best_off = 0
            if pos > 0 and pos + 3 <= n:
                bits = _bit_count(pos)
                max_len = min((0xFFFF >> bits) + 3, n - pos)
                for cand in reversed(heads.get(chunk[pos:pos + 3], ())[-_MAX_CANDIDATES:]):
                    length = 3
                    while length < max_len and chunk[cand + length] == chunk[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, pos - cand
                        if length == max_len:
                            break
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bits)) | (best_len - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
                step = best_len
            else:
                out.append(chunk[pos])
                step = 1
            for p in range(pos, pos + step):
                if p + 3 <= n:
                    heads.setdefault(chunk[p:p + 3], []).append(p)
            pos += step
        out[flag_index] = flags
    return bytes(out)


def _chunk(data: bytes) -> bytes:
    """One CompressedChunk (header + body) for ``data`` (at most 4096 bytes)."""
    body = _compress_tokens(data)
    if len(body) <= CHUNK:
        return struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
    if len(data) == CHUNK:  # incompressible: RawChunk, flag 0, size field 0xFFF
        return struct.pack("<H", 0x3FFF) + data
    # A short final chunk that does not compress cannot be stored raw (a RawChunk always
    # decompresses to 4096 bytes), so split it into two compressed chunks instead.
    half = len(data) // 2
    return _chunk(data[:half]) + _chunk(data[half:])


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer."""
    data = bytes(data)
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        out += _chunk(data[start:start + CHUNK])
    return bytes(out)
