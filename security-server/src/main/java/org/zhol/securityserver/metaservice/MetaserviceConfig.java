// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.time.Duration;
import java.util.Objects;

/**
 * The metaservices' options, with their defaults in {@link #DEFAULTS}.
 *
 * <p><b>Limits:</b> the fetch timeout is 1 s to 1 h; documents are 1 KiB to 64 MiB; requests 1 KiB to
 * 1 MiB.
 *
 * @param fetchTimeout      how long {@code getOpenAPI} and {@code getWsdl} wait for the service's
 *                          description URL, connection and whole body (default 30 s)
 * @param maxDocumentBytes  the largest OpenAPI or WSDL document fetched (default 4 MiB); a larger one is
 *                          {@code ServiceFailed.InvalidResponse}
 * @param maxRequestBytes   the largest SOAP metaservice request read (default 64 KiB); a larger one is
 *                          {@code InvalidSoap}
 * @param descriptionAccess who may fetch a service's description (default {@link DescriptionAccess#RESTRICTED})
 */
public record MetaserviceConfig(Duration fetchTimeout, int maxDocumentBytes, int maxRequestBytes,
        DescriptionAccess descriptionAccess) {

    /** The defaults: 30 s, 4 MiB, 64 KiB, restricted. */
    public static final MetaserviceConfig DEFAULTS = new MetaserviceConfig(Duration.ofSeconds(30), 4 << 20, 64 << 10,
            DescriptionAccess.RESTRICTED);

    public MetaserviceConfig {
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(descriptionAccess, "descriptionAccess");
        if (fetchTimeout.compareTo(Duration.ofSeconds(1)) < 0 || fetchTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("fetchTimeout must be from 1 s to 1 h, not " + fetchTimeout);
        }
        if (maxDocumentBytes < 1024 || maxDocumentBytes > 64 << 20) {
            throw new IllegalArgumentException("maxDocumentBytes must be from 1 KiB to 64 MiB, not " + maxDocumentBytes);
        }
        if (maxRequestBytes < 1024 || maxRequestBytes > 1 << 20) {
            throw new IllegalArgumentException("maxRequestBytes must be from 1 KiB to 1 MiB, not " + maxRequestBytes);
        }
    }

    /** These options with another description access rule. */
    public MetaserviceConfig withDescriptionAccess(DescriptionAccess access) {
        return new MetaserviceConfig(fetchTimeout, maxDocumentBytes, maxRequestBytes, access);
    }

    /** These options with another document limit. */
    public MetaserviceConfig withMaxDocumentBytes(int bytes) {
        return new MetaserviceConfig(fetchTimeout, bytes, maxRequestBytes, descriptionAccess);
    }

    /** Who may fetch a service's OpenAPI or WSDL document. */
    public enum DescriptionAccess {
        /**
         * Only a caller that holds an access right on the service (any endpoint of it); others get
         * {@code AccessDenied}. Zhol's default: a missing access right means refusal.
         */
        RESTRICTED,
        /**
         * Any verified caller, as X-Road does (its metaservice handlers skip the access check), so that
         * catalogues can describe services they cannot call.
         */
        OPEN
    }
}
