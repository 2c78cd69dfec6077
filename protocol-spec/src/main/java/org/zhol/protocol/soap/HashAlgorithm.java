// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The digest algorithms that Zhol computes a {@code requestHash} with, named by their XML-DSig /
 * XML-Enc URIs as PR-MESS requires. X-Road's default, and Zhol's, is {@link #SHA512}.
 *
 * <p><b>Pitfalls:</b> the algorithm of a hash to verify is chosen by the verifier (the one it computed),
 * never taken from the message; {@link #byUri} is for reporting what a peer used.
 */
public enum HashAlgorithm {
    /** {@code http://www.w3.org/2001/04/xmlenc#sha256}. */
    SHA256("SHA-256", "http://www.w3.org/2001/04/xmlenc#sha256"),
    /** {@code http://www.w3.org/2001/04/xmldsig-more#sha384}. */
    SHA384("SHA-384", "http://www.w3.org/2001/04/xmldsig-more#sha384"),
    /** {@code http://www.w3.org/2001/04/xmlenc#sha512}; the default. */
    SHA512("SHA-512", "http://www.w3.org/2001/04/xmlenc#sha512");

    private final String jcaName;
    private final String uri;

    HashAlgorithm(String jcaName, String uri) {
        this.jcaName = jcaName;
        this.uri = uri;
    }

    /** The URI written to {@code requestHash/@algorithmId}. */
    public String uri() {
        return uri;
    }

    /** A fresh digest for this algorithm. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Digest " + jcaName + " is unavailable", e);
        }
    }

    /** The algorithm named by {@code uri}, if Zhol supports it. */
    public static Optional<HashAlgorithm> byUri(String uri) {
        for (HashAlgorithm a : values()) {
            if (a.uri.equals(uri)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
