// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;

/**
 * A service that a local client provides through this server.
 *
 * <p><b>Limits:</b> URLs are at most {@link #MAX_URL_LENGTH} characters; the timeout is from
 * {@link #MIN_TIMEOUT} to {@link #MAX_TIMEOUT}.
 *
 * <p><b>Pitfalls:</b> the record's {@link ServiceId} carries the version; a request finds the service
 * only with the same version (or none with none). Access rights ignore the version.
 *
 * @param id             the service, with its optional version
 * @param type           REST or SOAP
 * @param url            where the provider's information system is called: the REST base URL or the SOAP
 *                       endpoint; http or https
 * @param descriptionUrl the OpenAPI (REST) or WSDL (SOAP) document, if any
 * @param timeout        how long to wait for the information system
 * @param enabled        whether requests are served; a disabled service answers {@code ServiceDisabled}
 */
public record LocalService(ServiceId id, ServiceType type, URI url, Optional<URI> descriptionUrl, Duration timeout,
        boolean enabled) {

    /** Limit: the longest URL stored. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Limit: the shortest timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** Limit: the longest timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The timeout when none is given, as in X-Road. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public LocalService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(descriptionUrl, "descriptionUrl");
        Objects.requireNonNull(timeout, "timeout");
        checkUrl("url", url);
        descriptionUrl.ifPresent(u -> checkUrl("descriptionUrl", u));
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0 || timeout.getNano() != 0) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "The timeout must be whole seconds from 1 to 3600, not " + timeout.toSeconds());
        }
    }

    /** This service, enabled or disabled. */
    public LocalService withEnabled(boolean on) {
        return new LocalService(id, type, url, descriptionUrl, timeout, on);
    }

    /**
     * Parses a service URL.
     *
     * @param field the field's name, for the detail
     * @throws ZholException {@code ServiceMissingUrl} when null or blank, {@code ServiceMalformedUrl} when
     *                       it is not an absolute http(s) URL with a host and no user info
     */
    public static URI parseUrl(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ZholException.client(ErrorCode.SERVICE_MISSING_URL, "The service " + field + " is missing");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            throw ZholException.client(ErrorCode.SERVICE_MALFORMED_URL,
                    "The service " + field + " is not a URL: '" + Faults.excerpt(text) + "'");
        }
        checkUrl(field, uri);
        return uri;
    }

    private static void checkUrl(String field, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ZholException.client(ErrorCode.SERVICE_MALFORMED_URL, "The service " + field
                    + " must be an absolute http or https URL with a host: '" + Faults.excerpt(uri.toString()) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and listings.
            throw ZholException.client(ErrorCode.SERVICE_MALFORMED_URL,
                    "The service " + field + " must not carry user credentials");
        }
        if (uri.toString().length() > MAX_URL_LENGTH) {
            throw ZholException.client(ErrorCode.SERVICE_MALFORMED_URL,
                    "The service " + field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
    }
}
