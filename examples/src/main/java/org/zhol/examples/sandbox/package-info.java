// SPDX-License-Identifier: MIT
/**
 * The sandbox federation ({@code ./zhol sandbox}) and the operator's flows it is made of: the dev trust
 * services, a central server and security servers driven through their admin APIs
 * ({@link org.zhol.examples.sandbox.CentralNode}, {@link org.zhol.examples.sandbox.SecurityServerNode},
 * {@link org.zhol.examples.sandbox.Federation}), and {@link org.zhol.examples.sandbox.Sandbox}, the
 * {@code DEV} federation of the README with its demo services. {@link org.zhol.examples.sandbox.SandboxMain}
 * is its command line: the work directory's lock ({@code SandboxLock}), Ctrl-C and {@code --keep}, and
 * {@code --load N} ({@link org.zhol.examples.sandbox.SandboxLoad}, {@link org.zhol.examples.sandbox.LoadProgress},
 * {@link org.zhol.examples.sandbox.LoadReport}).
 */
package org.zhol.examples.sandbox;
