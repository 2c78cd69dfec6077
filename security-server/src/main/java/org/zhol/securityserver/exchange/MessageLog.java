// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

/**
 * Where the exchange records each signed message before it lets an answer go: both proxies call
 * {@link #log} for the request and for the response, and release the response (its last bytes) only
 * after the call returned. The message-log issue implements it with a durable, group-committed store.
 */
@FunctionalInterface
public interface MessageLog {

    /**
     * Does nothing. <b>This is a placeholder until the message-log issue</b>, the one place where the
     * exchange runs without its real collaborator: every exchange calls it at the points where the log
     * will make its records durable, so that wiring the real log changes no exchange code.
     */
    MessageLog NONE = message -> {
    };

    /**
     * Records {@code message}; returns only when the record is durable.
     *
     * @throws org.zhol.protocol.error.ZholException {@code LoggingFailed} (possibly followed by a reason
     *                                               segment such as {@code TimestamperFailed}): the
     *                                               exchange then fails and the answer is withheld
     */
    void log(LoggedMessage message);
}
