// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * An in-test RFC 3161 TSA (BouncyCastle): a root, a TSA certificate with critical timeStamping usage,
 * and tokens over any SHA-256 digest at any time, with the certificate embedded.
 */
public record TestTsa(TestPki.Issuer root, X509Certificate certificate, PrivateKey privateKey, AtomicLong serials) {

    /** The dev policy arc that marks test tokens. */
    public static final String POLICY = "2.999.3161.98";

    /** A TSA whose certificate is valid from {@code notBefore} for {@code validity}. */
    public static TestTsa create(String name, Instant notBefore, Duration validity) {
        TestPki.Issuer root = TestPki.rootCa("CN=" + name + " Root", notBefore, validity.multipliedBy(2));
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = root.issue(TestPki.Spec.tsa("CN=" + name).withValidity(notBefore, validity),
                keys.getPublic());
        return new TestTsa(root, cert, keys.getPrivate(), new AtomicLong());
    }

    public ApprovedTsa approved() {
        return new ApprovedTsa("Test TSA", URI.create("http://127.0.0.1:1/tsa"), certificate);
    }

    /** A token over {@code sha256} at {@code genTime}. */
    public TimestampToken stamp(byte[] sha256, Instant genTime) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(TestPki.signatureAlgorithm(privateKey), privateKey,
                            certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            return TimestampToken.decode(tokens.generate(requests.generate(TSPAlgorithms.SHA256, sha256),
                    BigInteger.valueOf(serials.incrementAndGet()), Date.from(genTime)).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("test TSA failed", e);
        }
    }
}
