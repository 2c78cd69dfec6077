// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * One covered file of a log record, by its name in the evidence container and the SHA-256 of its bytes.
 *
 * <p><b>Limits:</b> names of 1 to 255 characters from {@code A-Z a-z 0-9 . _ - /}, with no empty,
 * {@code .} or {@code ..} segment and no leading {@code /} (so a name is also a safe ZIP entry name).
 *
 * @param name   the file name, e.g. {@code body} or {@code META-INF/signature.p7s}
 * @param sha256 the SHA-256 of the file (32 bytes; copied)
 */
public record EntryDigest(String name, byte[] sha256) {

    /** Limit: the longest name. */
    public static final int MAX_NAME_LENGTH = 255;

    public EntryDigest {
        requireSafeName(name);
        if (sha256.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        sha256 = sha256.clone();
    }

    /** The digest of {@code bytes} under {@code name}. */
    public static EntryDigest of(String name, byte[] bytes) {
        return new EntryDigest(name, sha256(bytes));
    }

    /**
     * Checks that {@code name} is a safe relative file name as the class comment says.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static void requireSafeName(String name) {
        Objects.requireNonNull(name, "name");
        // A loop rather than a regular expression and split: every container entry is checked, and
        // compiling the pattern per name was a third of reading a container's directory.
        int n = name.length();
        if (n == 0 || n > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("not a safe entry name");
        }
        int segmentStart = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : '/';
            if (c == '/') {
                int length = i - segmentStart;
                if (length == 0 || length <= 2 && name.startsWith(length == 1 ? "." : "..", segmentStart)) {
                    throw new IllegalArgumentException("not a safe entry name");
                }
                segmentStart = i + 1;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                throw new IllegalArgumentException("not a safe entry name");
            }
        }
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryDigest that && name.equals(that.name) && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "EntryDigest[" + name + "=" + Base64.getEncoder().encodeToString(sha256) + "]";
    }
}
