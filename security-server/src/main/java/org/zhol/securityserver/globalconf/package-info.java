// SPDX-License-Identifier: MIT
/**
 * The configuration client: imports the configuration anchor ({@link
 * org.zhol.securityserver.globalconf.AnchorImport}), downloads and verifies the global configuration
 * every refresh interval ({@link org.zhol.securityserver.globalconf.ConfigurationClient}), keeps the last
 * good copy on disk, and offers it to the rest of the server through the small role interface
 * {@link org.zhol.securityserver.globalconf.CurrentConfiguration}. See
 * {@code security-server/docs/configuration-client.md}.
 *
 * <p>The formats, the verification order and key rotation are those of
 * {@code protocol-spec/docs/global-configuration.md}; this package only moves bytes, stores them and
 * keeps time.
 */
package org.zhol.securityserver.globalconf;
