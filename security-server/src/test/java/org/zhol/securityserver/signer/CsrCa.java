// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.zhol.protocol.testpki.TestPki;

/** A test CA that issues certificates from PKCS#10 requests, after checking their self-signature. */
final class CsrCa {

    final TestPki.Issuer root = TestPki.rootCa("CN=Zhol Test CA, O=Zhol");

    /** A request for a fresh software key that no token holds. */
    static byte[] foreignCsr(X500Name subject) throws Exception {
        KeyPair keys = TestPki.ecKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }

    /** The request's public key, after checking its signature with BouncyCastle. */
    static PublicKey verifiedKey(byte[] csrDer) throws Exception {
        JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(csrDer);
        PublicKey key = csr.getPublicKey();
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key)))
                .as("the CSR is signed by its own key").isTrue();
        return key;
    }

    /** An auth certificate (digitalSignature, clientAuth) for the request's subject and key. */
    X509Certificate auth(byte[] csrDer) throws Exception {
        return root.issue(TestPki.Spec.auth(subject(csrDer)), verifiedKey(csrDer));
    }

    /** A sign certificate (nonRepudiation) for the request's subject and key. */
    X509Certificate sign(byte[] csrDer) throws Exception {
        return root.issue(TestPki.Spec.sign(subject(csrDer)), verifiedKey(csrDer));
    }

    private static String subject(byte[] csrDer) throws Exception {
        return new JcaPKCS10CertificationRequest(csrDer).getSubject().toString();
    }
}
