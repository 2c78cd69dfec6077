// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.zhol.protocol.rest.HttpHeader;

/** A {@link ClientResponder} that keeps the answer in memory and tells whether its body was ended or abandoned. */
final class CapturingResponder implements ClientResponder {

    int status;
    List<HttpHeader> headers;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean started;
    boolean closed;

    @Override
    public OutputStream respond(int newStatus, List<HttpHeader> newHeaders) {
        if (started) {
            throw new IllegalStateException("responded twice");
        }
        started = true;
        status = newStatus;
        headers = List.copyOf(newHeaders);
        return new OutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    /** The first value of header {@code name}, or null. */
    String header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(HttpHeader::value).findFirst().orElse(null);
    }

    /** Whether the answer was started but never ended (the transport would abort it). */
    boolean aborted() {
        return started && !closed;
    }
}
