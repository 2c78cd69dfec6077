// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A decoded RFC 3161 {@code TimeStampResp}, the body of an {@code application/timestamp-reply}.
 * Decoding checks structure only; {@link TimestampVerifier#verify(TimestampResponse, TimestampQuery)}
 * decides whether it answers the query.
 *
 * <p><b>Limits:</b> at most {@link TimestampToken#MAX_ENCODED_LENGTH} bytes plus 1 KiB.
 *
 * @param status     the PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4 revocationWarning,
 *                   5 revocationNotification
 * @param statusText the TSA's free-text status and failure info, for logs; may be empty
 * @param token      the token, present when the status is granted
 */
public record TimestampResponse(int status, String statusText, Optional<TimestampToken> token) {

    /** Limit: the largest reply decoded. */
    public static final int MAX_ENCODED_LENGTH = TimestampToken.MAX_ENCODED_LENGTH + 1024;

    public TimestampResponse {
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Decodes a DER {@code TimeStampResp}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code TimestampValidation.MalformedSignature} when
     *                                               the bytes are not a well-formed reply
     */
    public static TimestampResponse decode(byte[] der) {
        if (der.length > MAX_ENCODED_LENGTH) {
            throw TspFaults.malformed("Time-stamp reply is longer than " + MAX_ENCODED_LENGTH + " bytes", null);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(TimeStampResp.getInstance(ASN1Primitive.fromByteArray(der)));
            String text = Objects.requireNonNullElse(response.getStatusString(), "");
            if (response.getFailInfo() != null) {
                text = (text + " failInfo=" + response.getFailInfo().intValue()).trim();
            }
            Optional<TimestampToken> token = response.getTimeStampToken() == null ? Optional.empty()
                    : Optional.of(TimestampToken.of(response.getTimeStampToken()));
            return new TimestampResponse(response.getStatus(), text, token);
        } catch (IOException | TSPException | RuntimeException e) {
            throw TspFaults.malformed("Not a well-formed time-stamp reply", e);
        }
    }

    /** Whether the TSA granted the request (status 0 or 1). */
    public boolean granted() {
        return status == 0 || status == 1;
    }
}
