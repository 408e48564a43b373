"""Independent readers of what perfxl.excel.addin writes, kept in the tests (the product only writes):
a strict MS-OVBA decompressor (2.4.1.3.1; oletools' is tolerant) and the MS-OVBA 2.4.3 data decryption
of the PROJECT stream's CMG/DPB/GC values."""
from __future__ import annotations

import struct

from perfxl.excel.addin.ovba import _bit_count


def decompress(container: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer (2.4.1.3.1), strictly."""
    buf = bytes(container)
    if not buf or buf[0] != 0x01:
        raise ValueError("not an MS-OVBA compressed container (signature byte != 0x01)")
    out = bytearray()
    cur = 1
    while cur < len(buf):
        if cur + 2 > len(buf):
            raise ValueError(f"truncated chunk header at {cur}")
        header = struct.unpack_from("<H", buf, cur)[0]
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0x7 != 0b011:
            raise ValueError(f"bad chunk signature at {cur}")
        end = cur + size
        if end > len(buf):
            raise ValueError(f"chunk at {cur} runs past the end of the container")
        cur += 2
        if not header & 0x8000:
            if size != 4098:
                raise ValueError(f"raw chunk of size {size} at {cur - 2}")
            out += buf[cur:end]
            cur = end
            continue
        chunk_start = len(out)
        while cur < end:
            flags = buf[cur]
            cur += 1
            for bit in range(8):
                if cur >= end:
                    break
                if not (flags >> bit) & 1:
                    out.append(buf[cur])
                    cur += 1
                    continue
                if cur + 2 > end:
                    raise ValueError("truncated copy token")
                token = struct.unpack_from("<H", buf, cur)[0]
                cur += 2
                bits = _bit_count(len(out) - chunk_start)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                src = len(out) - offset
                if src < chunk_start:
                    raise ValueError("copy token points before the start of its chunk")
                for i in range(length):  # may overlap its own output
                    out.append(out[src + i])
    return bytes(out)


def decrypt(hex_text: str) -> bytes:
    """Inverse of the 2.4.3 encryption (for tests): the protected data bytes."""
    b = bytes.fromhex(hex_text)
    seed, version_enc, key_enc = b[0], b[1], b[2]
    if version_enc ^ seed != 2:
        raise ValueError("bad data-encryption version")
    unencrypted1, encrypted1, encrypted2 = key_enc ^ seed, key_enc, version_enc
    plain = bytearray()
    for enc in b[3:]:
        byte = enc ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    skip = (seed & 6) // 2
    length = struct.unpack_from("<I", plain, skip)[0]
    return bytes(plain[skip + 4: skip + 4 + length])
