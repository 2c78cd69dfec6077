// SPDX-License-Identifier: MIT
/**
 * The sandbox federation ({@code ./zhol sandbox}) and the operator's flows it is made of: the dev trust
 * services, a central server and security servers driven through their admin APIs
 * ({@link org.zhol.examples.sandbox.CentralNode}, {@link org.zhol.examples.sandbox.SecurityServerNode},
 * {@link org.zhol.examples.sandbox.Federation}), and {@link org.zhol.examples.sandbox.Sandbox}, the
 * {@code DEV} federation of the README with its demo services.
 */
package org.zhol.examples.sandbox;
