// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The checks that tie a SOAP response to its request, as X-Road's client proxy makes them.
 *
 * <p>{@link #checkResponse}: the response must echo {@code client}, {@code service}, {@code id},
 * {@code userId}, {@code issue} and {@code representedParty} ({@code InconsistentHeaders}, as X-Road's
 * header consistency check). {@link #checkRequestHash}: the response's {@code requestHash} must be
 * present and equal the digest of the request ({@code InconsistentResponse}).
 *
 * <p><b>Pitfalls:</b> {@code protocolVersion} is not compared, as X-Road does not: any 4.x answers
 * any 4.x. The hash is compared in constant time, with the algorithm the verifier chose.
 */
public final class SoapConsistency {

    private SoapConsistency() {
    }

    /** @throws ZholException {@code InconsistentHeaders} naming the first field that differs */
    public static void checkResponse(SoapHeader request, SoapHeader response) {
        same("client", request.client(), response.client());
        same("service", request.service(), response.service());
        same("userId", request.userId(), response.userId());
        same("representedParty", request.representedParty(), response.representedParty());
        same("issue", request.issue(), response.issue());
        same("id", request.id(), response.id());
    }

    private static void same(String field, Object request, Object response) {
        if (!Objects.equals(request, response)) {
            throw new ZholException(org.zhol.protocol.error.FaultCode.of(ErrorCode.INCONSISTENT_HEADERS),
                    org.zhol.protocol.error.Origin.PEER_SERVER,
                    "Field '" + field + "' does not match in request and response", null);
        }
    }

    /**
     * Checks the response's {@code requestHash} against {@code computed}, the hash this server took of
     * the request it sent.
     *
     * @throws ZholException {@code InconsistentResponse} when missing, of another algorithm, or different
     */
    public static void checkRequestHash(SoapHeader response, RequestHash computed) {
        RequestHash got = response.requestHash().orElseThrow(() -> inconsistent(
                "Response from server proxy is missing request message hash"));
        if (!got.algorithmId().equals(computed.algorithmId())) {
            throw inconsistent("Request message hash uses algorithm '"
                    + org.zhol.protocol.error.Faults.excerpt(got.algorithmId()) + "', expected '" + computed.algorithmId() + "'");
        }
        byte[] expected = Base64.getDecoder().decode(computed.value());
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(got.value());
        } catch (IllegalArgumentException e) {
            throw inconsistent("Request message hash is not base64");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw inconsistent("Request message hash does not match request message");
        }
    }

    private static ZholException inconsistent(String detail) {
        return new ZholException(org.zhol.protocol.error.FaultCode.of(ErrorCode.INCONSISTENT_RESPONSE),
                org.zhol.protocol.error.Origin.PEER_SERVER, detail, null);
    }
}
