// SPDX-License-Identifier: MIT
/**
 * The provider's adapter (examples/provider/README.md): how an agency offers an API it already has
 * through its security server. {@link org.zhol.examples.provider.DocumentsApi} stands for the existing
 * API, which knows nothing of X-Road; {@link org.zhol.examples.provider.ExposeRestApi} registers it as a
 * REST service of a subsystem and grants access rights, through the security server's admin API (the
 * README shows the same with the command line).
 */
package org.zhol.examples.provider;
