// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * The leaf of a log record in the Merkle log: what the record commits to. The leaf data is
 * {@code 0x01 || direction || SHA-256(manifest) || SHA-256(cms) || SHA-256(peer checkpoint)} (direction
 * {@code 0x00} request, {@code 0x01} response; an absent checkpoint hashes zero bytes), and the leaf hash
 * is RFC 9162's {@code SHA-256(0x00 || leaf data)}. The manifest binds every data object by its digest,
 * so a metadata-only record commits to its dropped body too.
 *
 * <p>Interim definition, kept in this one place until {@code protocol-spec/docs/log.md} fixes it (see
 * {@code security-server/docs/message-log.md}).
 */
public final class LeafHash {

    /** The version byte that starts the leaf data. */
    public static final byte VERSION = 0x01;

    private LeafHash() {
    }

    /** The leaf data of a record. */
    public static byte[] leafData(Direction direction, byte[] manifest, byte[] cms, byte[] peerCheckpoint) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + 3 * MerkleTree.HASH_LENGTH);
        out.write(VERSION);
        out.write(direction == Direction.REQUEST ? 0 : 1);
        out.writeBytes(sha256(manifest));
        out.writeBytes(sha256(cms));
        out.writeBytes(sha256(peerCheckpoint));
        return out.toByteArray();
    }

    /** The RFC 9162 leaf hash of a record. */
    public static byte[] of(Direction direction, byte[] manifest, byte[] cms, byte[] peerCheckpoint) {
        return MerkleTree.leafHash(leafData(direction, manifest, cms, peerCheckpoint));
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
