// SPDX-License-Identifier: MIT
/**
 * The signer: the security server's keys and certificates behind one small interface,
 * {@link org.zhol.securityserver.signer.Signer}, with a software token (PKCS#12 files, the default)
 * and a PKCS#11 token (SunPKCS11). See {@code security-server/docs/signer.md}.
 *
 * <p>PINs come from a {@link org.zhol.securityserver.signer.PinSource}; they are never logged, never
 * part of a {@code toString}, and zeroed after use where the JDK allows.
 */
package org.zhol.securityserver.signer;
