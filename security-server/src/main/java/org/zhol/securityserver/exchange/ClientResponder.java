// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.OutputStream;
import java.util.List;
import org.zhol.protocol.rest.HttpHeader;

/** Answers one {@link ClientRequest}: exactly one call, then the body is written and closed. */
public interface ClientResponder {

    /**
     * Sends the status line and headers (chunked unless a {@code Content-Length} header is given) and
     * returns the stream for the body; closing it ends the response. Writes block while the IS is slow
     * to read (back-pressure).
     */
    OutputStream respond(int status, List<HttpHeader> headers);
}
