// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * An unsigned OCSP request for one certificate, as DER.
 *
 * <p>The CertID hashes the issuer's name and key with SHA-1, as RFC 6960 and {@code openssl ocsp}
 * do by default; every responder understands it, and the hash only identifies, it does not protect.
 * The optional nonce is carried as RFC 8954 says: an OCTET STRING inside the extension value.
 *
 * @param der          the encoded request, to send as {@code application/ocsp-request}
 * @param serialNumber the serial number of the certificate asked about
 * @param nonce        the nonce sent, if any (1 to 32 bytes)
 */
public record OcspRequest(byte[] der, BigInteger serialNumber, Optional<byte[]> nonce) {

    /** Limit: the longest nonce, per RFC 8954. */
    public static final int MAX_NONCE_LENGTH = 32;

    public OcspRequest {
        der = der.clone();
        Objects.requireNonNull(serialNumber, "serialNumber");
        nonce = nonce.map(byte[]::clone);
        if (nonce.isPresent() && (nonce.get().length == 0 || nonce.get().length > MAX_NONCE_LENGTH)) {
            throw new IllegalArgumentException("a nonce has 1 to " + MAX_NONCE_LENGTH + " bytes");
        }
    }

    /** Builds the request for {@code certificate}, issued by {@code issuer}. */
    public static OcspRequest create(X509Certificate certificate, X509Certificate issuer, Optional<byte[]> nonce) {
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (nonce.isPresent()) {
                builder.setRequestExtensions(new Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(
                                nonce.get())))));
            }
            return new OcspRequest(builder.build().getEncoded(), certificate.getSerialNumber(), nonce);
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException | IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot build an OCSP request", e);
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
        return other instanceof OcspRequest that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "OcspRequest[serialNumber=" + serialNumber + ", " + der.length + " bytes]";
    }
}
