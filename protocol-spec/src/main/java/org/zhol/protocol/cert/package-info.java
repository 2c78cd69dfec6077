// SPDX-License-Identifier: MIT
/**
 * Certificates of members and servers: the usage rules of each role
 * ({@link org.zhol.protocol.cert.CertificateRole}), the mapping of a signing certificate to a member
 * ({@link org.zhol.protocol.cert.CertificateProfile}, {@link org.zhol.protocol.cert.CertificateProfiles}),
 * and path validation to an approved CA ({@link org.zhol.protocol.cert.CertChainValidator}).
 *
 * <p>Revocation is not checked here; that is {@code org.zhol.protocol.ocsp}. A full check of a
 * signer is: validate the chain, check the role, check the member, then verify the OCSP response
 * for {@link org.zhol.protocol.cert.ValidatedChain#leaf()}. Specified in
 * {@code protocol-spec/docs/certificates-ocsp.md}.
 */
package org.zhol.protocol.cert;
