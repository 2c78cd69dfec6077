// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The {@code requestHash} header field of a response: the base64 digest of the request's SOAP bytes
 * and the URI of the digest algorithm ({@code algorithmId}).
 *
 * <p>The value is kept with all whitespace removed, since PR-MESS's own examples wrap it over lines.
 * It is not decoded here: a value that is not base64 fails when it is compared
 * ({@link SoapConsistency#checkRequestHash}).
 *
 * @param algorithmId the algorithm URI as sent, e.g. {@code http://www.w3.org/2001/04/xmlenc#sha512}
 * @param value       the base64 digest, without whitespace
 */
public record RequestHash(String algorithmId, String value) {

    public RequestHash {
        Objects.requireNonNull(algorithmId, "algorithmId");
        Objects.requireNonNull(value, "value");
        value = value.replaceAll("\\s+", "");
        if (value.isEmpty()) {
            throw ZholException.client(ErrorCode.INVALID_SOAP, "The requestHash field is empty");
        }
        if (algorithmId.isEmpty()) {
            throw ZholException.client(ErrorCode.INVALID_SOAP, "The requestHash field lacks its algorithmId");
        }
    }
}
