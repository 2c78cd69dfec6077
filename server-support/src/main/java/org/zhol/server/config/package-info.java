// SPDX-License-Identifier: MIT
/**
 * Typed configuration: one YAML or properties file plus {@code key=value} overrides from the command
 * line, mapped onto a server's config records. Records carry no annotations; a missing value is
 * {@code null} on the way in and each record's compact constructor puts its documented default there.
 */
package org.zhol.server.config;
