#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a copy of an evidence container with one entry changed, as a forger would: the auditor's
walkthrough (README.md) shows what `zhol verify` says about it.

usage: tamper.py IN.asice OUT.asice [ENTRY] [FROM] [TO]
(defaults: ENTRY metadata.xml, FROM TAXES, TO TAXIS: the client's name in the signed metadata)"""
import sys
import zipfile

src, dst = sys.argv[1], sys.argv[2]
entry = sys.argv[3] if len(sys.argv) > 3 else "metadata.xml"
old = (sys.argv[4] if len(sys.argv) > 4 else "TAXES").encode()
new = (sys.argv[5] if len(sys.argv) > 5 else "TAXIS").encode()
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == entry:
            if old not in data:
                sys.exit(f"tamper.py: {entry} does not contain {old.decode()}")
            data = data.replace(old, new)
        zout.writestr(info, data)
print(f"wrote {dst}: {entry} with {old.decode()} -> {new.decode()}")
