// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.securityserver.store.SettingsRepository;

/**
 * Where the central server's registration listener is and which TLS certificate it must present. Neither
 * the anchor nor the global configuration carries them, so each comes, first match wins, from:
 * <ol>
 *   <li>the admin API ({@code PUT /registration/central}), kept in the database;</li>
 *   <li>the configuration file ({@code registration.centralUrl}, {@code registration.centralTlsSha256});</li>
 *   <li>for the URL only: {@code https://HOST:4001/}, HOST being the host of the anchor's first download
 *       URL (the central server's default registration port, ARCHITECTURE §1).</li>
 * </ol>
 * The pin has no default: the administrator gets it from the central server's
 * {@code GET /registration-tls} together with the anchor.
 */
public final class CentralSettings {

    /** The database setting of the URL. */
    public static final String URL_SETTING = "registration.centralUrl";
    /** The database setting of the pin. */
    public static final String PIN_SETTING = "registration.centralTlsSha256";
    /** The central server's default registration port. */
    public static final int DEFAULT_PORT = 4001;

    /** Where a value came from. */
    public enum Source {
        /** Set through the admin API. */
        ADMIN,
        /** The configuration file. */
        CONFIG,
        /** Derived from the configuration anchor. */
        ANCHOR,
        /** Not set. */
        NONE
    }

    /**
     * The values in effect.
     *
     * @param url       the listener's URL, if known
     * @param urlSource where it came from
     * @param tlsPin    the pinned certificate hash, if set
     * @param pinSource where it came from
     */
    public record View(Optional<URI> url, Source urlSource, Optional<CertificateHash> tlsPin, Source pinSource) {
        public View {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(urlSource, "urlSource");
            Objects.requireNonNull(tlsPin, "tlsPin");
            Objects.requireNonNull(pinSource, "pinSource");
        }
    }

    private final SettingsRepository settings;
    private final RegistrationConfig config;
    private final Supplier<Optional<ConfigurationAnchor>> anchor;

    /**
     * @param settings the database settings
     * @param config   the configuration file's values
     * @param anchor   the installed configuration anchor, if any
     */
    public CentralSettings(SettingsRepository settings, RegistrationConfig config,
            Supplier<Optional<ConfigurationAnchor>> anchor) {
        this.settings = settings;
        this.config = config;
        this.anchor = anchor;
    }

    /** The values in effect now. */
    public View view() {
        Optional<URI> storedUrl = settings.get(URL_SETTING).map(URI::create);
        Optional<CertificateHash> storedPin = settings.get(PIN_SETTING).map(CertificateHash::new);
        Optional<URI> fromAnchor = anchor.get().flatMap(CentralSettings::fromAnchor);
        Source urlSource = storedUrl.isPresent() ? Source.ADMIN : config.centralUrl().isPresent() ? Source.CONFIG
                : fromAnchor.isPresent() ? Source.ANCHOR : Source.NONE;
        Optional<URI> url = storedUrl.or(config::centralUrl).or(() -> fromAnchor);
        Source pinSource = storedPin.isPresent() ? Source.ADMIN : config.centralTlsPin().isPresent() ? Source.CONFIG
                : Source.NONE;
        return new View(url, urlSource, storedPin.or(config::centralTlsPin), pinSource);
    }

    /**
     * The endpoint to send requests to.
     *
     * @throws ZholException {@code MalformedServerConf} when the URL or the pin is not known yet
     */
    public CentralEndpoint endpoint() {
        View view = view();
        URI url = view.url().orElseThrow(() -> ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                "The central server's registration URL is not known: import the configuration anchor, or set it"
                        + " (registration.centralUrl, or PUT /registration/central)"));
        CertificateHash pin = view.tlsPin().orElseThrow(() -> ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                "The central server's registration TLS certificate is not pinned: set its SHA-256 from the central"
                        + " server's 'registration-tls' (registration.centralTlsSha256, or PUT /registration/central)"));
        return new CentralEndpoint(url, pin);
    }

    /** Keeps the given values in the database, where they win over the file; absent ones stay as they are. */
    public View set(Optional<URI> url, Optional<CertificateHash> tlsPin) {
        url.map(CentralEndpoint::checkUrl).ifPresent(u -> settings.put(URL_SETTING, u.toString()));
        tlsPin.ifPresent(p -> settings.put(PIN_SETTING, p.hex()));
        return view();
    }

    private static Optional<URI> fromAnchor(ConfigurationAnchor anchor) {
        String host = anchor.downloadUrls().getFirst().getHost();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(URI.create("https://" + host + ":" + DEFAULT_PORT + "/"));
    }
}
