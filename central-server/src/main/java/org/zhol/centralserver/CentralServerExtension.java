// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import io.netty.handler.ssl.SslContext;
import java.util.Optional;
import org.zhol.server.http.Router;

/**
 * A part of the central server that is built elsewhere and plugged in by {@link CentralServerMain}:
 * the configuration signing keys, management requests, the configuration publisher, anchor export.
 * Every method has a default that does nothing, so that an extension overrides only what it needs.
 * Extensions are called in list order; there is no discovery and no hidden wiring.
 */
public interface CentralServerExtension {

    /**
     * Called once by {@code init}, after the database, the instance and the first admin token exist.
     * This is the hook for creating the configuration signing key in {@code config().dataDir()}.
     */
    default void initialise(CentralContext context) {
    }

    /**
     * Adds routes to the admin API. They sit behind the token check: {@code GET} needs any live token,
     * other methods an admin token. Paths must not clash with the built-in ones (see the README);
     * {@code /requests/...} and {@code /anchor} are reserved for management requests and anchor export.
     */
    default void adminRoutes(Router.Builder routes, CentralContext context) {
    }

    /** Adds routes to the registration listener (management requests from security servers). */
    default void registrationRoutes(Router.Builder routes, CentralContext context) {
    }

    /** The server TLS context of the registration listener; the first extension that gives one wins. */
    default Optional<SslContext> registrationTls(CentralContext context) {
        return Optional.empty();
    }

    /** Adds routes to the configuration download listener (plain HTTP, unauthenticated). */
    default void downloadRoutes(Router.Builder routes, CentralContext context) {
    }

    /**
     * Starts background work, such as the configuration generation loop, after the listeners are up.
     * The returned handle is closed when the server stops, before the listeners and the database.
     */
    default AutoCloseable start(CentralContext context) {
        return () -> { };
    }
}
