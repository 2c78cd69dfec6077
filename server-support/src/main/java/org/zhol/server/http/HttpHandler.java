// SPDX-License-Identifier: MIT
package org.zhol.server.http;

/** Answers one request. Runs on a virtual thread, so it may block. */
@FunctionalInterface
public interface HttpHandler {

    /**
     * @throws org.zhol.protocol.error.ZholException for a fault to report to the caller; anything else
     *                                               becomes a 500 with no detail
     */
    HttpResponse handle(HttpRequest request) throws Exception;
}
