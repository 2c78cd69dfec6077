// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.zhol.protocol.log.EntryDigest;

/**
 * One evidence archive of the log: the containers of the records {@code [firstLeaf, endLeaf)}.
 *
 * @param sequence  1 for the log's first archive, then one more each time
 * @param fileName  the file under the log's {@code archives} directory
 * @param sha256    the SHA-256 of the whole file, which the next archive names
 * @param firstLeaf the first record archived
 * @param endLeaf   one past the last record archived
 * @param createdAt when it was written
 */
public record LogArchive(long sequence, String fileName, byte[] sha256, long firstLeaf, long endLeaf,
        Instant createdAt) {

    public LogArchive {
        EntryDigest.requireSafeName(fileName);
        Objects.requireNonNull(createdAt, "createdAt");
        if (sequence < 1 || sha256.length != 32 || firstLeaf < 0 || endLeaf <= firstLeaf) {
            throw new IllegalArgumentException("bad archive " + sequence);
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogArchive that && sequence == that.sequence && fileName.equals(that.fileName)
                && Arrays.equals(sha256, that.sha256) && firstLeaf == that.firstLeaf && endLeaf == that.endLeaf
                && createdAt.equals(that.createdAt);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "LogArchive[" + sequence + " " + fileName + " " + firstLeaf + ".." + endLeaf + " "
                + HexFormat.of().formatHex(sha256) + "]";
    }
}
