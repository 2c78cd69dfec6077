// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Why an OCSP response was not accepted, each with a distinct, stable fault code.
 *
 * <p>X-Road reports every defect of a response as {@code IncorrectValidationInfo} and a revoked or
 * unknown status as {@code CertValidation}, telling them apart only in the message text. Zhol keeps
 * X-Road's code as the first segment, so an X-Road peer sees what it expects, and adds a second
 * segment (an existing X-Road code) where the first alone would be ambiguous.
 */
public enum OcspFailure {
    /** Not a DER OCSP response, not "successful", not a basic response, or not exactly one status. */
    MALFORMED(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.INVALID_RESPONSE)),
    /** Signed by a key that is neither the CA's nor an authorised responder's for that CA. */
    UNAUTHORISED_RESPONDER(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.INCORRECT_CERTIFICATE)),
    /** The responder's signature does not verify over the received response data. */
    BAD_SIGNATURE(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.INVALID_SIGNATURE_VALUE)),
    /** The response is about another certificate (its CertID does not match). */
    OTHER_CERTIFICATE(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO)),
    /** The response does not echo the nonce of our request. */
    NONCE_MISMATCH(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.INCONSISTENT_RESPONSE)),
    /** Too old for the OCSP freshness, past its nextUpdate, or dated in the future. */
    NOT_FRESH(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.CERT_VALIDITY_TIME)),
    /** The responder says the certificate is revoked. */
    REVOKED(FaultCode.of(ErrorCode.CERT_VALIDATION)),
    /** The responder does not know the certificate. */
    UNKNOWN(FaultCode.of(ErrorCode.CERT_VALIDATION, ErrorCode.CERT_NOT_FOUND)),
    /** The CA has no OCSP responder to ask. */
    NO_RESPONDER(FaultCode.of(ErrorCode.MISSING_VALIDATION_INFO)),
    /** A responder could not be reached, or did not answer in time. */
    UNREACHABLE(FaultCode.of(ErrorCode.NETWORK_ERROR)),
    /** A responder answered with an HTTP error or a wrong content type. */
    HTTP(FaultCode.of(ErrorCode.HTTP_ERROR));

    private final FaultCode faultCode;

    OcspFailure(FaultCode faultCode) {
        this.faultCode = faultCode;
    }

    /** The stable code that faults of this kind carry. */
    public FaultCode faultCode() {
        return faultCode;
    }

    ZholException exception(String detail) {
        return exception(detail, null);
    }

    ZholException exception(String detail, Throwable cause) {
        Origin origin = this == UNREACHABLE || this == HTTP || this == NO_RESPONDER ? Origin.THIS_SERVER : Origin.CLIENT;
        return new ZholException(faultCode, origin, detail, cause);
    }
}
