// SPDX-License-Identifier: MIT
/**
 * The central server's typed configuration: {@link org.zhol.centralserver.config.CentralServerConfig}
 * with its documented defaults, loaded from one YAML or properties file plus {@code key=value}
 * overrides by {@link org.zhol.server.config.ConfigLoader}.
 */
package org.zhol.centralserver.config;
