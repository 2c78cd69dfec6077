// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The signature algorithms Zhol signs with. The algorithm is bound to the key ({@link #forKey}); a
 * message never chooses it.
 *
 * <p><b>Limits:</b> EC keys must be on P-256; RSA keys must have at least 2048 bits.
 */
public enum SignatureAlgorithm {
    /** ECDSA over P-256 with SHA-256; the signature value is the DER {@code ECDSA-Sig-Value}. */
    ECDSA_P256_SHA256("SHA256withECDSA", X9ObjectIdentifiers.ecdsa_with_SHA256),
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RSA_SHA256("SHA256withRSA", PKCSObjectIdentifiers.sha256WithRSAEncryption);

    /** Limit: the smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;

    SignatureAlgorithm(String jcaName, ASN1ObjectIdentifier oid) {
        this.jcaName = jcaName;
        this.oid = oid;
    }

    /** The JCA name, e.g. {@code SHA256withECDSA}. */
    public String jcaName() {
        return jcaName;
    }

    /** The CMS {@code signatureAlgorithm} identifier (RSA with a NULL parameter, ECDSA without). */
    public AlgorithmIdentifier algorithmIdentifier() {
        return this == RSA_SHA256 ? new AlgorithmIdentifier(oid, DERNull.INSTANCE) : new AlgorithmIdentifier(oid);
    }

    /**
     * The algorithm bound to a public or private key.
     *
     * @throws ZholException {@link ErrorCode#INCORRECT_CERTIFICATE} for another key type, curve or a short
     *                       RSA key
     */
    public static SignatureAlgorithm forKey(Key key) {
        if (key instanceof ECKey ec && isP256(ec.getParams())) {
            return ECDSA_P256_SHA256;
        }
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS) {
            return RSA_SHA256;
        }
        throw ZholException.of(ErrorCode.INCORRECT_CERTIFICATE, Origin.CLIENT,
                "Signing keys must be EC P-256 or RSA of at least 2048 bits, not " + key.getAlgorithm());
    }

    private static boolean isP256(ECParameterSpec params) {
        // P-256 is the only 256-bit prime curve with cofactor 1 and this generator order prefix.
        return params != null && params.getCurve().getField().getFieldSize() == 256 && params.getCofactor() == 1
                && params.getOrder().toString(16).startsWith("ffffffff00000000ffffffffffffffffbce6faad");
    }
}
