// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of a logged data object come from when a container is written, so that a body of
 * any size streams from the store into the container without being held whole.
 */
@FunctionalInterface
public interface BodySource {

    /** A fresh stream over the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** A source over bytes in memory (copied). */
    static BodySource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
