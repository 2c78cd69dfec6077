// SPDX-License-Identifier: MIT
/**
 * The global configuration: what the central server publishes and every security server verifies.
 *
 * <ul>
 * <li>The model: {@link org.zhol.protocol.globalconf.GlobalConfiguration} and its records, with the
 * trust records ({@link org.zhol.protocol.globalconf.ApprovedCa},
 * {@link org.zhol.protocol.globalconf.ApprovedTsa}, {@link org.zhol.protocol.globalconf.TrustParameters})
 * that the certificate, OCSP and timestamp verifiers take as input, and the role interfaces
 * {@link org.zhol.protocol.globalconf.MemberDirectory} and {@link org.zhol.protocol.globalconf.TrustAnchors}.</li>
 * <li>The wire form: JSON codecs (records carry no annotations), the signed directory, the anchor and
 * the HTTP layout ({@link org.zhol.protocol.globalconf.GlobalConfLayout}).</li>
 * <li>Publishing with {@link org.zhol.protocol.globalconf.GlobalConfWriter}, and verifying with
 * {@link org.zhol.protocol.globalconf.GlobalConfVerifier}: verify the received bytes, then parse.</li>
 * </ul>
 *
 * Specified in {@code protocol-spec/docs/global-configuration.md}.
 */
package org.zhol.protocol.globalconf;
