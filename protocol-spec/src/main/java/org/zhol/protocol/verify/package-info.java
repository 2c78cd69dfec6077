// SPDX-License-Identifier: MIT
/**
 * Verification that combines the trust toolkit's parts against a configuration's trust anchors:
 * {@link org.zhol.protocol.verify.TrustedSigners} decides whether a message signer is trusted (chain,
 * key usage, OCSP) and which member it is.
 */
package org.zhol.protocol.verify;
