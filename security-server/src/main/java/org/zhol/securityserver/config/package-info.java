// SPDX-License-Identifier: MIT
/**
 * The security server's typed configuration: {@link org.zhol.securityserver.config.SecurityServerConfig}
 * and its sections, loaded from one YAML or properties file plus {@code --set key=value} overrides.
 */
package org.zhol.securityserver.config;
