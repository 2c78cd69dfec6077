// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Maps a method and a path to a handler. Patterns are literal segments and {@code {name}} segments,
 * e.g. {@code /members/{id}/subsystems}. The first matching route wins. An unknown path gives
 * {@code NotFound}; a known path with another method gives {@code InvalidHttpMethod}.
 */
public final class Router implements HttpHandler {

    private record Route(String method, List<String> segments, HttpHandler handler) {
    }

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        List<String> path = split(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = match(route.segments(), path);
            if (params.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.handler().handle(request.withPathParams(params.get()));
            }
        }
        if (pathKnown) {
            throw ZholException.client(ErrorCode.INVALID_HTTP_METHOD, "Method " + request.method()
                    + " is not allowed here");
        }
        throw ZholException.client(ErrorCode.NOT_FOUND, "No such resource");
    }

    private static Optional<Map<String, String>> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), path.get(i));
            } else if (!p.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    /** Collects routes. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder get(String pattern, HttpHandler handler) {
            return add("GET", pattern, handler);
        }

        public Builder post(String pattern, HttpHandler handler) {
            return add("POST", pattern, handler);
        }

        public Builder put(String pattern, HttpHandler handler) {
            return add("PUT", pattern, handler);
        }

        public Builder delete(String pattern, HttpHandler handler) {
            return add("DELETE", pattern, handler);
        }

        public Builder add(String method, String pattern, HttpHandler handler) {
            routes.add(new Route(method, split(pattern), handler));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
