// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** The kind of key a token generates: EC P-256 (the default) or RSA-2048. */
public enum KeyAlgorithm {
    /** ECDSA on P-256; signatures are SHA256withECDSA. The default. */
    EC_P256("EC", new ECGenParameterSpec("secp256r1")),
    /** RSA with a 2048-bit modulus; signatures are SHA256withRSA (PKCS#1 v1.5). */
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));

    private final String jcaName;
    private final AlgorithmParameterSpec spec;

    KeyAlgorithm(String jcaName, AlgorithmParameterSpec spec) {
        this.jcaName = jcaName;
        this.spec = spec;
    }

    /** The JCA key-pair-generator name, {@code EC} or {@code RSA}. */
    public String jcaName() {
        return jcaName;
    }

    /** The generation parameters. */
    public AlgorithmParameterSpec spec() {
        return spec;
    }
}
