// SPDX-License-Identifier: MIT
package org.zhol.protocol.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    @Test
    void issuedCertificateChainsToTheRoot() throws Exception {
        TestPki.Issuer root = TestPki.rootCa("CN=Test Root");
        TestPki.Issuer intermediate = root.intermediate("CN=Test Intermediate");
        KeyPair keys = TestPki.rsaKeyPair();
        X509Certificate leaf = intermediate.issue(TestPki.Spec.sign("CN=Signer, serialNumber=DEV/GOV/1"),
                keys.getPublic());

        leaf.verify(intermediate.certificate().getPublicKey());
        intermediate.certificate().verify(root.certificate().getPublicKey());
        assertThat(leaf.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(root.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }
}
