// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.testpki.TestPki;

/** An in-memory RFC 3161 TSA for tests, built with BouncyCastle from a {@link TestPki} certificate. */
record TestTsa(X509Certificate rootCertificate, X509Certificate certificate, PrivateKey privateKey, String policy,
        AtomicLong serials) {

    static final String POLICY = "2.999.3161.99";

    static TestTsa create(String name) {
        TestPki.Issuer root = TestPki.rootCa("CN=" + name + " Root");
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = root.issue(TestPki.Spec.tsa("CN=" + name), keys.getPublic());
        return new TestTsa(root.certificate(), cert, keys.getPrivate(), POLICY, new AtomicLong());
    }

    ApprovedTsa approved(URI url) {
        return new ApprovedTsa("test TSA", url, certificate);
    }

    /** The DER reply to a DER query, stamped now. */
    byte[] reply(byte[] query) {
        return reply(query, Instant.now());
    }

    /** The DER reply to a DER query, stamped at {@code genTime}. */
    byte[] reply(byte[] query, Instant genTime) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(TestPki.signatureAlgorithm(privateKey), privateKey,
                            certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(policy));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens,
                    Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA1), Set.of(policy));
            return responses.generate(new TimeStampRequest(query), BigInteger.valueOf(serials.incrementAndGet()),
                    Date.from(genTime)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("test TSA failed", e);
        }
    }
}
