// SPDX-License-Identifier: MIT
/**
 * The global configuration: what the central server publishes and every security server verifies.
 * The trust records here ({@link org.zhol.protocol.globalconf.ApprovedCa},
 * {@link org.zhol.protocol.globalconf.ApprovedTsa}, {@link org.zhol.protocol.globalconf.TrustParameters})
 * are what the certificate, OCSP and timestamp verifiers take as input.
 */
package org.zhol.protocol.globalconf;
