#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the small hand-made fuzz seeds (tests/data/fuzz-seeds/smf, a few hundred bytes each)
# that cover what the SMF reader must handle; run once after a change, commit the output.
import os
import struct
import sys


def vlq(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.insert(0, 0x80 | (n & 0x7F))
        n >>= 7
    return bytes(out)


def meta(delta, kind, payload):
    return vlq(delta) + bytes([0xFF, kind]) + vlq(len(payload)) + payload


def eot(delta=0):
    return meta(delta, 0x2F, b"")


def header(fmt, ntracks, division):
    return b"MThd" + struct.pack(">IHHH", 6, fmt, ntracks, division)


def track(body, declared=None):
    return b"MTrk" + struct.pack(">I", len(body) if declared is None else declared) + body


def conductor():
    return (meta(0, 0x03, b"Song") + meta(0, 0x51, bytes([0x07, 0xA1, 0x20]))
            + meta(0, 0x58, bytes([4, 2, 24, 8])) + meta(0, 0x59, bytes([0xFE, 1]))
            + meta(384, 0x51, bytes([0x06, 0x1A, 0x80])) + eot(0))


def notes(ch=0, running=True):
    on, off = 0x90 | ch, 0x80 | ch
    body = bytes([0x00, 0xC0 | ch, 5, 0x00, 0xB0 | ch, 7, 100])
    body += bytes([0x00, on, 60, 90]) + (bytes([0x00, 64, 80]) if running else bytes([0x00, on, 64, 80]))
    body += bytes([0x60, 60, 0]) if running else bytes([0x60, on, 60, 0])   # velocity 0 = off
    body += bytes([0x00, off, 64, 40, 0x10, 0xE0 | ch, 0x00, 0x40, 0x00, 0xD0 | ch, 30])
    body += bytes([0x00, 0xA0 | ch, 60, 20])
    return body


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def smf_seeds(folder):
    write(folder, "format0-running-status.mid",
          header(0, 1, 96) + track(meta(0, 0x51, bytes([0x07, 0xA1, 0x20])) + notes(0) + eot(96)))
    write(folder, "format1-three-tracks.mid",
          header(1, 3, 480) + track(conductor()) + track(meta(0, 0x03, b"Piano") + notes(0) + eot())
          + track(meta(0, 0x03, b"Drums") + notes(9, running=False) + eot()))
    write(folder, "format2-patterns.mid",
          header(2, 2, 192) + track(notes(1) + eot(192)) + track(notes(2, running=False) + eot(48)))
    write(folder, "smpte-25fps.mid",
          header(1, 1, 0xE728) + track(meta(0, 0x54, bytes([0x60, 0, 0, 0, 0])) + notes(0) + eot()))
    write(folder, "smpte-2997-drop.mid", header(0, 1, 0xE350) + track(notes(3) + eot()))
    gm_reset = bytes([0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7])
    split = bytes([0x00, 0xF0, 0x03, 0x43, 0x12, 0x00, 0x10, 0xF7, 0x02, 0x10, 0xF7])
    escape = bytes([0x00, 0xF7, 0x02, 0xF3, 0x01])
    write(folder, "sysex.mid", header(0, 1, 480) + track(gm_reset + split + escape + notes(0) + eot()))
    texts = b"".join(meta(0, t, b"t%d" % t) for t in range(1, 8))
    metas = (meta(0, 0x00, bytes([0, 1])) + texts + meta(0, 0x20, bytes([0])) + meta(0, 0x21, bytes([1]))
             + meta(0, 0x7F, bytes([0x00, 0x00, 0x41, 1])) + meta(0, 0x81, bytes([7])) + eot())
    write(folder, "meta-events.mid", header(1, 1, 480) + track(metas))
    cancelled = bytes([0x00, 0x90, 60, 90]) + meta(0, 0x01, b"x") + bytes([0x60, 60, 0])
    write(folder, "running-status-after-meta.mid", header(0, 1, 480) + track(cancelled + eot()))
    edges = b"".join(vlq(d) + bytes([0x90, 60, 64]) + vlq(0) + bytes([0x80, 60, 0])
                     for d in (0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000, 0x0FFFFFFF))
    write(folder, "vlq-edges.mid", header(0, 1, 1) + track(edges + eot()))
    smf = header(0, 1, 480) + track(notes(0) + eot())
    data = b"data" + struct.pack("<I", len(smf)) + smf
    write(folder, "riff-rmid.mid", b"RIFF" + struct.pack("<I", 4 + len(data)) + b"RMID" + data)
    write(folder, "truncated-and-unknown-chunk.mid",
          header(1, 3, 480) + b"XFIH" + struct.pack(">I", 2) + b"ab" + track(notes(0))
          + track(notes(1), declared=4000))
    pairing = bytes([0x00, 0x90, 60, 90, 0x10, 60, 91, 0x10, 0x80, 60, 0, 0x00, 0x80, 61, 0,
                     0x10, 0x90, 62, 1, 0x00, 0xF1, 0x10, 0xF8, 0x00, 0xF2, 1, 2])
    write(folder, "pairing-and-system-messages.mid", header(0, 1, 480) + track(pairing + eot(10)))


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "fuzz-seeds")
    folder = os.path.join(root, "smf")
    os.makedirs(folder, exist_ok=True)
    smf_seeds(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
