// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Passes a streamed body on, one piece behind: the last piece written is held back until
 * {@link #release()}, which the exchange calls only after the message's signature verified and the log
 * made its record durable. If that never happens the stream is left open and the transport aborts it, so
 * the receiver never gets a complete body that was not verified.
 *
 * <p><b>Pitfalls:</b> pieces are kept by reference, not copied: do not reuse a written array.
 */
final class HeldTail {

    private final OutputStream out;
    private byte[] held;

    HeldTail(OutputStream out) {
        this.out = out;
    }

    /** Writes the piece held so far and holds {@code piece} instead. */
    void write(byte[] piece) {
        try {
            if (held != null) {
                out.write(held);
            }
            held = piece;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the held piece and ends the body. */
    void release() {
        try {
            if (held != null) {
                out.write(held);
                held = null;
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
