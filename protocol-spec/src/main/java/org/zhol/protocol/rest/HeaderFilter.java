// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers a security server passes on (PR-REST §4.3, "Filtered headers" and "Specially
 * handled headers"). Pure functions over header lists; the order of kept headers is unchanged.
 *
 * <p>Always dropped: hop-by-hop headers ({@code Connection}, {@code Keep-Alive}, {@code TE},
 * {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}, every {@code Proxy-*}) and each header
 * that {@code Connection} names; headers that reveal the origin host ({@code Host},
 * {@code User-Agent}, {@code Server}); and the ones the server redoes itself ({@code Content-Length},
 * {@code Expect}). Everything else, user-defined headers included, passes unmodified.
 *
 * <p><b>Pitfalls:</b> {@code Connection} may name any header, even {@code X-Road-Client}, and that
 * header is then dropped too, as RFC 9110 requires; so read the X-Road headers from the filtered
 * list, the one that is forwarded and hashed.
 */
public final class HeaderFilter {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "te", "trailer",
            "transfer-encoding", "upgrade", "host", "user-agent", "server", "content-length", "expect");
    private static final Set<String> REQUEST_OWN = Set.of("x-road-request-id", "x-road-request-hash");
    private static final Set<String> RESPONSE_OWN = Set.of("x-road-client", "x-road-service", "x-road-id",
            "x-road-request-id", "x-road-request-hash", "x-road-error");

    private HeaderFilter() {
    }

    /** Drops the hop-by-hop, host-revealing and specially handled headers. */
    public static List<HttpHeader> forward(List<HttpHeader> headers) {
        return filter(headers, Set.of());
    }

    /**
     * A client's request as forwarded: {@link #forward(List)}, and also {@code X-Road-Request-Id} and
     * {@code X-Road-Request-Hash}, which only security servers set.
     */
    public static List<HttpHeader> forwardRequest(List<HttpHeader> headers) {
        return filter(headers, REQUEST_OWN);
    }

    /**
     * A provider's response as forwarded: {@link #forward(List)}, and also the X-Road response headers
     * that the provider's security server sets itself ({@code X-Road-Client}, {@code -Service}, {@code -Id},
     * {@code -Request-Id}, {@code -Request-Hash}, {@code -Error}).
     */
    public static List<HttpHeader> forwardResponse(List<HttpHeader> headers) {
        return filter(headers, RESPONSE_OWN);
    }

    private static List<HttpHeader> filter(List<HttpHeader> headers, Set<String> own) {
        Set<String> named = connectionTokens(headers);
        return headers.stream().filter(h -> {
            String n = h.lowerName();
            return !ALWAYS.contains(n) && !n.startsWith("proxy-") && !named.contains(n) && !own.contains(n);
        }).toList();
    }

    private static Set<String> connectionTokens(List<HttpHeader> headers) {
        Set<String> names = new HashSet<>();
        for (HttpHeader h : headers) {
            if (h.is("Connection")) {
                for (String token : h.value().split(",")) {
                    String t = token.strip().toLowerCase(Locale.ROOT);
                    if (!t.isEmpty()) {
                        names.add(t);
                    }
                }
            }
        }
        return names;
    }
}
