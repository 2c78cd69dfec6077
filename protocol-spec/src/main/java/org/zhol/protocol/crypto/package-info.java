// SPDX-License-Identifier: MIT
/**
 * CAdES-BES detached CMS signatures, as Zhol uses them over signed manifests and batch roots:
 * {@link org.zhol.protocol.crypto.CadesSigner} builds them through a {@link org.zhol.protocol.crypto.SigningKey}
 * callback (a software key, later a PKCS#11 token), {@link org.zhol.protocol.crypto.CadesVerifier} checks
 * them. OCSP responses travel inside the signature as RFC 5940 {@code id-ri-ocsp-response}
 * revocation information, as in CAdES-BASELINE-LT.
 *
 * <p>This package knows nothing of manifests or members; {@code org.zhol.protocol.manifest} builds on
 * it. Which provider (JDK or BouncyCastle) runs each operation was chosen by measurement: see
 * {@link org.zhol.protocol.crypto.CryptoProvider} and {@code protocol-spec/docs/signatures.md}.
 */
package org.zhol.protocol.crypto;
