// SPDX-License-Identifier: MIT
/**
 * OCSP for the security server's own certificates: {@link org.zhol.securityserver.ocsp.OcspCache}
 * fetches a response for each authentication and signing certificate from its CA's responders on a
 * schedule, verifies it, keeps it in memory and on disk, and answers
 * {@link org.zhol.securityserver.ocsp.OwnOcspResponses} for signing (CAdES embedding), TLS stapling,
 * health and peers ({@link org.zhol.securityserver.ocsp.OwnOcspHandler}). A certificate without a
 * fresh "good" response is not offered: callers refuse to use it. See
 * {@code security-server/docs/ocsp.md}.
 */
package org.zhol.securityserver.ocsp;
