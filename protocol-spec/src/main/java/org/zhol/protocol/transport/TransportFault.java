// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The FAULT frame's content ({@code transport.md} §faults): the error that ends an exchange instead of
 * (the rest of) a message. Encoded by {@link TransportFaultCodec}.
 *
 * <p><b>Limits:</b> a message of at most {@link #MAX_MESSAGE_LENGTH} characters and a detail of at most
 * {@link #MAX_DETAIL_LENGTH}; {@link #of(ZholException)} shortens longer ones.
 *
 * @param code    the whole fault code, normally prefixed ({@code Server.ServerProxy.AccessDenied})
 * @param message the peer-safe explanation ({@link ZholException#detail()})
 * @param detail  an optional error id for correlating logs, as the REST error body's {@code detail}
 */
public record TransportFault(FaultCode code, String message, Optional<String> detail) {

    /** Limit: the longest message, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 1024;
    /** Limit: the longest detail, in characters. */
    public static final int MAX_DETAIL_LENGTH = 255;

    public TransportFault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
        if (message.length() > MAX_MESSAGE_LENGTH || detail.map(d -> d.length() > MAX_DETAIL_LENGTH).orElse(false)) {
            throw new IllegalArgumentException("fault message or detail too long");
        }
        if (hasLoneSurrogate(message) || detail.map(TransportFault::hasLoneSurrogate).orElse(false)) {
            throw new IllegalArgumentException("fault message or detail is not valid Unicode");
        }
    }

    /** The fault that reports {@code e} to the peer: its code and its detail (shortened to the limit). */
    public static TransportFault of(ZholException e) {
        return of(e, Optional.empty());
    }

    /** The fault that reports {@code e} to the peer, with an error id. */
    public static TransportFault of(ZholException e, Optional<String> errorId) {
        return new TransportFault(e.faultCode(), clean(e.detail(), MAX_MESSAGE_LENGTH),
                errorId.map(id -> clean(id, MAX_DETAIL_LENGTH)));
    }

    /** {@code text} cut to {@code max} characters, lone surrogates replaced by '?'. */
    private static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** This fault as raised by the peer server: its code unchanged, {@link Origin#PEER_SERVER}. */
    public ZholException toException() {
        return new ZholException(code, Origin.PEER_SERVER, message, null);
    }
}
