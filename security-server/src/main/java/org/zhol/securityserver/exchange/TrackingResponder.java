// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.OutputStream;
import java.util.List;
import org.zhol.protocol.rest.HttpHeader;

/**
 * A {@link ClientResponder} that remembers whether the answer has started, so that the fault edge knows
 * whether it may still render a fault or must abort the response (return without closing its stream,
 * which the transport turns into a reset connection).
 */
final class TrackingResponder implements ClientResponder {

    private final ClientResponder responder;
    private boolean started;

    TrackingResponder(ClientResponder responder) {
        this.responder = responder;
    }

    @Override
    public OutputStream respond(int status, List<HttpHeader> headers) {
        started = true;
        return responder.respond(status, headers);
    }

    /** Whether {@link #respond} was called. */
    boolean started() {
        return started;
    }
}
