// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.testpki.TestPki;

/** Test helpers: OCSP responses built with BouncyCastle, and an {@code openssl ocsp} responder. */
final class TestOcsp {

    private TestOcsp() {
    }

    /** What a test response says and who signs it. */
    record Answer(X509Certificate signerCert, PrivateKey signerKey, List<X509Certificate> carried,
            X509Certificate issuer, X509Certificate cert, CertificateStatus status, Instant thisUpdate,
            Optional<Instant> nextUpdate, Optional<byte[]> nonce) {

        static Answer good(TestPki.Issuer signer, X509Certificate issuer, X509Certificate cert) {
            return new Answer(signer.certificate(), signer.privateKey(), List.of(signer.certificate()), issuer, cert,
                    CertificateStatus.GOOD, Instant.now(), Optional.empty(), Optional.empty());
        }

        Answer status(CertificateStatus newStatus) {
            return new Answer(signerCert, signerKey, carried, issuer, cert, newStatus, thisUpdate, nextUpdate, nonce);
        }

        Answer times(Instant newThisUpdate, Optional<Instant> newNextUpdate) {
            return new Answer(signerCert, signerKey, carried, issuer, cert, status, newThisUpdate, newNextUpdate, nonce);
        }

        Answer carrying(List<X509Certificate> certs) {
            return new Answer(signerCert, signerKey, certs, issuer, cert, status, thisUpdate, nextUpdate, nonce);
        }

        byte[] der() {
            try {
                var digests = new JcaDigestCalculatorProviderBuilder().build();
                X509CertificateHolder signer = new JcaX509CertificateHolder(signerCert);
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                        new RespID(signer.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
                builder.addResponse(new CertificateID(digests.get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(issuer), cert.getSerialNumber()), status,
                        Date.from(thisUpdate), nextUpdate.map(Date::from).orElse(null));
                if (nonce.isPresent()) {
                    builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                            false, new DEROctetString(new DEROctetString(nonce.get())))));
                }
                X509CertificateHolder[] chain = carried.stream().map(TestOcsp::holder)
                        .toArray(X509CertificateHolder[]::new);
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                        new JcaContentSignerBuilder(TestPki.signatureAlgorithm(signerKey)).build(signerKey), chain,
                        new Date())).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static X509CertificateHolder holder(X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port that was free a moment ago on the loopback interface. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until {@code openssl ocsp} says it listens ("ACCEPT ..." in its log), or fails when it
     * dies. Probing the port instead would wedge openssl 3.0, which then waits on the probe's closed
     * connection.
     */
    static void awaitListening(Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains("ACCEPT")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("openssl exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("openssl did not start listening: " + Files.readString(log));
    }
}
