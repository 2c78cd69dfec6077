// SPDX-License-Identifier: MIT
/**
 * The Zhol central server. {@link org.zhol.centralserver.CentralServerMain} is the command line,
 * {@link org.zhol.centralserver.CentralServer} the composition root that wires the registry
 * ({@code registry}, {@code store}), the admin API ({@code admin}) and the listeners, and
 * {@link org.zhol.centralserver.CentralServerExtension} is how the parts built elsewhere (signing keys,
 * management requests, the configuration publisher) are plugged in.
 */
package org.zhol.centralserver;
