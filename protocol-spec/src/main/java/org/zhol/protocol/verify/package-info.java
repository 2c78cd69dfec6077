// SPDX-License-Identifier: MIT
/**
 * Verification that combines the trust toolkit's parts against a configuration's trust anchors:
 * {@link org.zhol.protocol.verify.TrustedSigners} decides whether a message signer is trusted (chain,
 * key usage, OCSP) and which member it is; {@link org.zhol.protocol.verify.EvidenceVerifier} is the
 * auditor's offline verifier of evidence containers, archives and checkpoint consistency, and
 * {@link org.zhol.protocol.verify.ZholVerifyMain} its command line ({@code zhol verify}).
 */
package org.zhol.protocol.verify;
