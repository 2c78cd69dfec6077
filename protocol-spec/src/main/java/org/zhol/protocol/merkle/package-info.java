// SPDX-License-Identifier: MIT
/**
 * RFC 9162 Merkle trees: leaf and node hashing, tree roots, inclusion proofs and their verification.
 * Everything here is a pure function over byte arrays; batch signing
 * ({@link org.zhol.protocol.manifest.BatchManifestSigner}) and the message log build on it. The
 * normative text is {@code protocol-spec/docs/signatures.md}, section "Batch mode", and
 * {@code log.md} for consistency proofs and the append-only frontier ({@link org.zhol.protocol.merkle.MerkleFrontier},
 * {@link org.zhol.protocol.merkle.MerkleProofs}).
 */
package org.zhol.protocol.merkle;
