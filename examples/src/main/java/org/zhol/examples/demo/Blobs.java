// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.io.InputStream;

/**
 * The bytes of the demo provider's {@code blobs} service: {@code GET /blobs/{bytes}} answers that many
 * bytes of a fixed pattern (a 64 KiB block repeated), which a client can regenerate with
 * {@link #content(long)} to check what it received.
 *
 * <p><b>Limits:</b> at most {@link #MAX_BYTES} in either direction.
 */
public final class Blobs {

    /** The largest body the service sends or reads: 8 GiB. */
    public static final long MAX_BYTES = 8L << 30;
    /** The length of the repeated block. */
    static final int BLOCK = 64 * 1024;

    private Blobs() {
    }

    /** The byte at {@code position} of every blob. */
    static byte at(long position) {
        int i = (int) (position % BLOCK);
        return (byte) (i * 31 + 17 + (i >>> 8));
    }

    /** A new copy of the block. */
    static byte[] block() {
        byte[] block = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = at(i);
        }
        return block;
    }

    /** The first {@code size} bytes of the pattern, as the service sends them; generated, not held. */
    public static InputStream content(long size) {
        byte[] block = block();
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? block[(int) (position++ % BLOCK)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int offset = (int) (position % BLOCK);
                int n = (int) Math.min(Math.min(len, BLOCK - offset), size - position);
                System.arraycopy(block, offset, b, off, n);
                position += n;
                return n;
            }
        };
    }
}
