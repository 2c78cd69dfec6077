// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

/** The client proxy's logic: called once per IS request, on its own virtual thread. */
public interface ClientRequestHandler {

    /** Handles the request and answers it through {@code responder}, also when it fails. */
    void handle(ClientRequest request, ClientResponder responder);
}
