// SPDX-License-Identifier: MIT
/**
 * The registration flows: the signed management requests with which this security server registers
 * its authentication certificate and its clients with the central server, deletes clients, changes its
 * address and switches maintenance mode (ARCHITECTURE §6, protocol spec {@code management.md}).
 *
 * <p>{@link org.zhol.securityserver.registration.RegistrationService} builds and signs each request with
 * the token's keys ({@link org.zhol.securityserver.registration.RequestSigning}, OCSP from the cache),
 * {@link org.zhol.securityserver.registration.RequestSubmission} keeps it locally and sends it through a
 * {@link org.zhol.securityserver.registration.CentralServerClient}, and
 * {@link org.zhol.securityserver.registration.RegistrationTracker} confirms it when the next verified
 * global configuration shows the change, and makes the local clients' registration status follow.
 *
 * <p>This package holds the logic only: no HTTP (the HTTPS client is in {@code central}), no SQL (the
 * requests are kept behind {@code store.RegistrationRequestRepository}).
 */
package org.zhol.securityserver.registration;
