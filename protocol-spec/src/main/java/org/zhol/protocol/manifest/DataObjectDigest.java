// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of one data object, computed incrementally while its bytes stream past: feed each chunk
 * to {@link #update}, then call {@link #finish} once for the {@link DataObject} to put in the
 * manifest. The bytes are never kept.
 *
 * <p><b>Pitfalls:</b> not thread-safe (one per data object, fed by one stream); {@link #finish} may be
 * called only once, and no update may follow it. {@link #update(ByteBuffer)} consumes the buffer's
 * remaining bytes (its position moves to its limit).
 */
public final class DataObjectDigest {

    private final String uri;
    private final String mimeType;
    private final MessageDigest sha256;
    private long length;
    private boolean finished;

    /** Starts the digest of the data object named {@code uri} with {@code mimeType}. */
    public DataObjectDigest(String uri, String mimeType) {
        DataObject.requireUri(uri);
        DataObject.requireMimeType(mimeType);
        this.uri = uri;
        this.mimeType = mimeType;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Adds the buffer's remaining bytes. */
    public void update(ByteBuffer chunk) {
        requireOpen();
        length += chunk.remaining();
        sha256.update(chunk);
    }

    /** Adds {@code len} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int len) {
        requireOpen();
        length += len;
        sha256.update(bytes, offset, len);
    }

    /** An output stream that feeds this digest; closing it does not finish the digest. */
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                update(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                update(b, off, len);
            }
        };
    }

    /** How many bytes have been added so far. */
    public long length() {
        return length;
    }

    /** Completes the digest. */
    public DataObject finish() {
        requireOpen();
        finished = true;
        return new DataObject(uri, mimeType, sha256.digest());
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the digest of " + uri + " is already finished");
        }
    }

    @Override
    public String toString() {
        return "DataObjectDigest[" + uri + ", " + length + " bytes" + (finished ? ", finished" : "") + "]";
    }
}
