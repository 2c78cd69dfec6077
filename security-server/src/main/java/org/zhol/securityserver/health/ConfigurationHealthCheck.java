// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.Objects;
import org.zhol.securityserver.globalconf.ConfigurationStatus;
import org.zhol.securityserver.globalconf.CurrentConfiguration;

/**
 * "configuration valid": the server holds a global configuration that has not expired
 * ({@link ConfigurationStatus#valid()}). A failure names the generation and expiry held and the last
 * download error, so that an operator sees why.
 */
public final class ConfigurationHealthCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "configuration-valid";

    private final CurrentConfiguration configuration;

    public ConfigurationHealthCheck(CurrentConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthStatus check() {
        ConfigurationStatus status = configuration.status();
        if (status.valid()) {
            return HealthStatus.passing();
        }
        String held = status.generation() == 0 ? "no global configuration is held"
                : "global configuration generation " + status.generation() + " expired at "
                        + status.expiresAt().map(Object::toString).orElse("?");
        return HealthStatus.failing(held + status.lastError()
                .map(e -> "; last error: " + e.code() + ": " + e.detail()).orElse(""));
    }
}
