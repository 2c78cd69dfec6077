#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes consistency.json: RFC 9162 consistency proofs over the RFC 6962 / Certificate Transparency
test leaves, computed here with the RFC's own recursive definitions (independently of the Java code),
plus systematic mutations. Run from this directory: python3 generate.py"""
import hashlib, json

LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
H = lambda b: hashlib.sha256(b).digest()
leaf = lambda d: H(b"\x00" + d)
node = lambda l, r: H(b"\x01" + l + r)
hashes = [leaf(bytes.fromhex(x)) for x in LEAVES]

def k_of(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k

def mth(d):
    if len(d) == 1:
        return d[0]
    k = k_of(len(d))
    return node(mth(d[:k]), mth(d[k:]))

def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = k_of(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]

cases = []
def case(name, m, n, old_root, new_root, path, expect):
    cases.append({"name": name, "oldSize": m, "newSize": n, "oldRoot": old_root.hex(), "newRoot": new_root.hex(),
                  "path": [p.hex() for p in path], "expect": expect})

for n in range(1, 9):
    for m in range(1, n + 1):
        case(f"ok-{m}-{n}", m, n, mth(hashes[:m]), mth(hashes[:n]), subproof(m, hashes[:n], True), "ok")

def flip(h, bit=0):
    b = bytearray(h); b[bit // 8] ^= 1 << (bit % 8); return bytes(b)

for (m, n) in [(1, 8), (3, 7), (4, 8), (6, 8), (2, 5), (5, 7)]:
    old, new, p = mth(hashes[:m]), mth(hashes[:n]), subproof(m, hashes[:n], True)
    for i in range(len(p)):
        case(f"flipped-bit-path{i}-{m}-{n}", m, n, old, new, p[:i] + [flip(p[i], 7)] + p[i + 1:], "InvalidHashChain")
    case(f"truncated-{m}-{n}", m, n, old, new, p[:-1], "InvalidHashChain")
    case(f"trailing-garbage-{m}-{n}", m, n, old, new, p + [H(b"garbage")], "InvalidHashChain")
    case(f"swapped-roots-{m}-{n}", m, n, new, old, p, "InvalidHashChain")
    case(f"flipped-old-root-{m}-{n}", m, n, flip(old), new, p, "InvalidHashChain")
    case(f"flipped-new-root-{m}-{n}", m, n, old, flip(new, 255), p, "InvalidHashChain")
    case(f"empty-path-{m}-{n}", m, n, old, new, [], "InvalidHashChain")
    if m > 1:
        case(f"other-old-size-{m - 1}-{n}", m - 1, n, old, new, p, "InvalidHashChain")
    if len(p) > 1:
        case(f"reordered-{m}-{n}", m, n, old, new, list(reversed(p)), "InvalidHashChain")
case("equal-sizes-with-path-8-8", 8, 8, mth(hashes), mth(hashes), [hashes[0]], "InvalidHashChain")
case("equal-sizes-other-root-8-8", 8, 8, mth(hashes), mth(hashes[:7]), [], "InvalidHashChain")
# A rewritten log: leaf 2 changed after size 4 was published; the honest proof of the new log fails.
rewritten = hashes[:2] + [leaf(b"rewritten")] + hashes[3:]
case("rewritten-history-4-8", 4, 8, mth(hashes[:4]), mth(rewritten), subproof(4, rewritten, True), "InvalidHashChain")

with open("consistency.json", "w") as f:
    json.dump({"leaves": LEAVES, "roots": [mth(hashes[:n]).hex() for n in range(1, 9)], "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
