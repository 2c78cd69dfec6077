// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One data object as a manifest names it: its URI (a name within the message, such as
 * {@code metadata.xml} or {@code body}), its MIME type and the SHA-256 digest of its bytes. Build one
 * while the bytes stream with {@link DataObjectDigest}.
 *
 * <p><b>Limits:</b> the URI is 1 to {@link #MAX_NAME_LENGTH} characters of {@code A-Z a-z 0-9 . _ - /};
 * the MIME type is 3 to {@link #MAX_NAME_LENGTH} printable ASCII characters without
 * {@code " & < > '} and with a {@code /}. Both restrictions keep the manifest's bytes free of escaping.
 *
 * @param uri      the name, unique within a manifest
 * @param mimeType the media type, e.g. {@code application/json}
 * @param digest   the SHA-256 of the bytes (32 bytes; copied)
 */
public record DataObject(String uri, String mimeType, byte[] digest) {

    /** Limit: the longest URI or MIME type. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final Pattern URI = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final Pattern MIME = Pattern.compile("[\\x20-\\x7E&&[^\"&<>']]{1,255}");

    public DataObject {
        requireUri(uri);
        requireMimeType(mimeType);
        Objects.requireNonNull(digest, "digest");
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        digest = digest.clone();
    }

    /** The digest of a whole byte array, for small data objects that are in memory anyway. */
    public static DataObject of(String uri, String mimeType, byte[] bytes) {
        DataObjectDigest digest = new DataObjectDigest(uri, mimeType);
        digest.update(bytes, 0, bytes.length);
        return digest.finish();
    }

    static void requireUri(String uri) {
        if (uri == null || !URI.matcher(uri).matches()) {
            throw new IllegalArgumentException("a data object URI must be 1-255 of A-Z a-z 0-9 . _ - /");
        }
    }

    static void requireMimeType(String mimeType) {
        if (mimeType == null || !MIME.matcher(mimeType).matches() || mimeType.indexOf('/') < 1) {
            throw new IllegalArgumentException("a MIME type must be type/subtype in printable ASCII");
        }
    }

    /** The digest; a copy. */
    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Whether {@code other} has the same URI, MIME type and digest (digest compared in constant time). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DataObject that && uri.equals(that.uri) && mimeType.equals(that.mimeType)
                && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, mimeType, Arrays.hashCode(digest));
    }

    @Override
    public String toString() {
        return "DataObject[" + uri + ", " + mimeType + ", sha256=" + Base64.getEncoder().encodeToString(digest) + "]";
    }
}
