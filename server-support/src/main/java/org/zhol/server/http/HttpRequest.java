// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One aggregated HTTP request, as a handler sees it.
 *
 * @param method     upper-case method, e.g. {@code GET}
 * @param path       the decoded path, without the query
 * @param query      decoded query parameters
 * @param headers    header values by lower-case name
 * @param body       the whole body (at most the server's limit); the array is not copied, do not modify it
 * @param remote     the peer's address
 * @param pathParams values of the route's {@code {name}} segments, filled in by the {@link Router}
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body, InetSocketAddress remote, Map<String, String> pathParams) {

    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        pathParams = Map.copyOf(pathParams);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** A path parameter that the route declares; a missing one is a programming error. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** This request with the router's path parameters. */
    public HttpRequest withPathParams(Map<String, String> params) {
        return new HttpRequest(method, path, query, headers, body, remote, params);
    }
}
