// SPDX-License-Identifier: MIT
/**
 * OCSP (RFC 6960) for the certificates of members and servers: building requests
 * ({@link org.zhol.protocol.ocsp.OcspRequest}), decoding responses while keeping their DER
 * ({@link org.zhol.protocol.ocsp.OcspResponse}), verifying them against an approved CA and the OCSP
 * freshness of the configuration ({@link org.zhol.protocol.ocsp.OcspVerifier}), and fetching them
 * over HTTP ({@link org.zhol.protocol.ocsp.OcspClient}). Each failure has its own fault code, listed
 * in {@link org.zhol.protocol.ocsp.OcspFailure} and in {@code protocol-spec/docs/certificates-ocsp.md}.
 */
package org.zhol.protocol.ocsp;
