// SPDX-License-Identifier: MIT
/**
 * Publishing the signed global configuration: the
 * {@link org.zhol.centralserver.globalconf.ConfigurationPublisher} writes a new generation when the
 * registry changed, the signers changed or the last one nears its expiry; the
 * {@link org.zhol.centralserver.globalconf.GenerationStore} keeps generations durably in the data
 * directory; {@link org.zhol.centralserver.globalconf.ConfigurationHttp} serves them at the versioned
 * paths of {@link org.zhol.protocol.globalconf.GlobalConfLayout}; and
 * {@link org.zhol.centralserver.globalconf.AnchorExport} exports the configuration anchor. See
 * {@code central-server/docs/publishing.md}.
 */
package org.zhol.centralserver.globalconf;
