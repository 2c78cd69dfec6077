// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.time.Instant;
import java.util.Objects;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * An information system's TLS client certificate on a local client's whitelist.
 *
 * @param hash    the SHA-256 of its DER encoding
 * @param subject its subject name, for listings
 * @param addedAt when it was added
 */
public record IsCertificate(CertificateHash hash, String subject, Instant addedAt) {

    /** Limit: the longest subject stored. */
    public static final int MAX_SUBJECT_LENGTH = 1024;

    public IsCertificate {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(addedAt, "addedAt");
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            subject = subject.substring(0, MAX_SUBJECT_LENGTH);
        }
    }
}
