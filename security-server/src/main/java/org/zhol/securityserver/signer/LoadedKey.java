// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A key of an open token: what it says about itself and the private key (a software key in memory,
 * or a PKCS#11 handle). {@link #toString()} never shows the private key.
 */
record LoadedKey(KeyInfo info, PrivateKey privateKey) {

    LoadedKey {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return "LoadedKey[" + info.keyId() + ", " + info.role() + "]";
    }
}
