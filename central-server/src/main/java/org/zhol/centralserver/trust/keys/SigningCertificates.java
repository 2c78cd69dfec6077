// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The self-signed certificate of a configuration signing key (made with BouncyCastle).
 *
 * <p>Apart from {@link SigningKeyFiles} so that a server that only loads its keys at start does not load
 * BouncyCastle: its jars are signed, and the JVM checks their signatures when it opens them, which is a
 * noticeable part of a fresh process's start-up.
 */
final class SigningCertificates {

    private SigningCertificates() {
    }

    /**
     * A certificate of {@code keys}' public key, signed by its private key (SHA256withECDSA), for
     * digital signatures and non-repudiation, not a CA.
     *
     * @throws ZholException {@code InternalError} when it cannot be made
     */
    static X509Certificate selfSigned(KeyPair keys, String subjectName, Instant from, Instant until,
            SecureRandom random) {
        try {
            X500Name subject = new X500Name(subjectName);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, random).add(BigInteger.ONE), Date.from(from), Date.from(until), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot generate a configuration signing key", e);
        }
    }
}
