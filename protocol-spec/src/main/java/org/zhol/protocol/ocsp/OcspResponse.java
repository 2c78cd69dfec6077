// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.zhol.protocol.error.ZholException;

/**
 * A decoded OCSP response about one certificate, with the exact DER it was decoded from. The DER is
 * what a signature embeds (RFC 5940) and what a cache stores; the other fields are read from it.
 *
 * <p>Decoding checks form only. Whether the response is authentic, about the right certificate and
 * fresh is for {@link OcspVerifier}.
 *
 * <p><b>Limits:</b> at most {@link #MAX_DER_LENGTH} bytes; exactly one {@code SingleResponse}; DER
 * only (BER, or bytes after the response, are rejected).
 *
 * @param der            the whole {@code OCSPResponse} as received
 * @param status         the stated status of the certificate
 * @param revocation     when and why it was revoked, for {@link OcspCertStatus#REVOKED}
 * @param serialNumber   the serial number in the response's CertID
 * @param thisUpdate     when the stated status was known to be correct
 * @param nextUpdate     when newer information will be available, if the responder says
 * @param producedAt     when the responder signed the response
 * @param nonce          the nonce extension's content (the inner OCTET STRING's value), if any
 */
public record OcspResponse(byte[] der, OcspCertStatus status, Optional<Revocation> revocation,
        BigInteger serialNumber, Instant thisUpdate, Optional<Instant> nextUpdate, Instant producedAt,
        Optional<byte[]> nonce) {

    /** Limit: the longest response decoded, certificates included. */
    public static final int MAX_DER_LENGTH = 64 * 1024;

    /**
     * When and why a certificate was revoked.
     *
     * @param time   the revocation time
     * @param reason the RFC 5280 CRLReason code, if the responder gives one
     */
    public record Revocation(Instant time, Optional<Integer> reason) {

        public Revocation {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public OcspResponse {
        der = der.clone();
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(producedAt, "producedAt");
        nonce = nonce.map(byte[]::clone);
    }

    /**
     * Decodes a response.
     *
     * @throws ZholException {@link OcspFailure#MALFORMED} when it is not a
     *         successful basic OCSP response in DER with one status, or longer than the limit
     */
    public static OcspResponse decode(byte[] der) {
        if (der.length > MAX_DER_LENGTH) {
            throw OcspFailure.MALFORMED.exception("OCSP response longer than " + MAX_DER_LENGTH + " bytes");
        }
        BasicOCSPResp basic = basic(der);
        try {
            SingleResp single = basic.getResponses()[0];
            CertificateStatus certStatus = single.getCertStatus();
            OcspCertStatus status = certStatus == CertificateStatus.GOOD ? OcspCertStatus.GOOD
                    : certStatus instanceof RevokedStatus ? OcspCertStatus.REVOKED : OcspCertStatus.UNKNOWN;
            Optional<Revocation> revocation = certStatus instanceof RevokedStatus revoked
                    ? Optional.of(new Revocation(revoked.getRevocationTime().toInstant(), revoked.hasRevocationReason()
                            ? Optional.of(revoked.getRevocationReason()) : Optional.empty()))
                    : Optional.empty();
            Extension nonceExtension = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            return new OcspResponse(der, status, revocation, single.getCertID().getSerialNumber(),
                    single.getThisUpdate().toInstant(), Optional.ofNullable(single.getNextUpdate()).map(d -> d.toInstant()),
                    basic.getProducedAt().toInstant(), Optional.ofNullable(nonceExtension).map(OcspResponse::nonceValue));
        } catch (ZholException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle parses some fields (times, extensions) lazily and throws unchecked exceptions.
            throw OcspFailure.MALFORMED.exception("OCSP response has a malformed field: " + e.getClass().getSimpleName());
        }
    }

    /** The BouncyCastle view of {@code der}, checked for form as {@link #decode} documents. */
    static BasicOCSPResp basic(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                throw OcspFailure.MALFORMED.exception("OCSP response is not DER, or has bytes after its end");
            }
            OCSPResp response = new OCSPResp(org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(primitive));
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw OcspFailure.MALFORMED.exception("OCSP responder answered with status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw OcspFailure.MALFORMED.exception("OCSP response is not a basic OCSP response");
            }
            byte[] inner = org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(primitive).getResponseBytes()
                    .getResponse().getOctets();
            if (!Arrays.equals(basic.getEncoded(), inner)) {
                // The basic response sits in an OCTET STRING, which the outer check does not reach; BouncyCastle
                // reads some tags leniently (a ResponderID [3] as byKey) and re-encodes them for the signature
                // check, so an altered tag would pass unless the received encoding is pinned here.
                throw OcspFailure.MALFORMED.exception("OCSP basic response is not DER, or has bytes after its end");
            }
            if (basic.getResponses().length != 1) {
                throw OcspFailure.MALFORMED.exception("OCSP response has " + basic.getResponses().length
                        + " statuses, expected one");
            }
            basic.getResponses()[0].getThisUpdate();
            basic.getProducedAt();
            return basic;
        } catch (ZholException e) {
            throw e;
        } catch (IOException | OCSPException | RuntimeException e) {
            throw OcspFailure.MALFORMED.exception("OCSP response cannot be decoded", e);
        }
    }

    private static byte[] nonceValue(Extension extension) {
        ASN1OctetString outer = extension.getExtnValue();
        try {
            return ASN1OctetString.getInstance(outer.getOctets()).getOctets();
        } catch (IllegalArgumentException e) {
            // Deviation: some old responders put the raw nonce in the extension value; keep it as is.
            return outer.getOctets();
        }
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public Optional<byte[]> nonce() {
        return nonce.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcspResponse that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "OcspResponse[" + status + ", serialNumber=" + serialNumber + ", thisUpdate=" + thisUpdate
                + ", " + der.length + " bytes]";
    }
}
