// SPDX-License-Identifier: MIT
/**
 * Development trust services for the sandbox: a CA that keeps its state in a directory
 * ({@link org.zhol.examples.devtrust.DevCa}), an RFC 6960 OCSP responder answering from it
 * ({@link org.zhol.examples.devtrust.DevOcspResponder}), and one process running them
 * ({@link org.zhol.examples.devtrust.DevTrustMain}). Keys are protected only by a fixed dev
 * password: never use these for anything but tests and demos.
 */
package org.zhol.examples.devtrust;
