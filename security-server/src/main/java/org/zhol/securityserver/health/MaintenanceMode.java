// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import org.zhol.securityserver.store.SettingsRepository;

/**
 * The maintenance flag, kept in the database so that it survives a restart. While it is on, the health
 * check fails, so that a load balancer drains this node, as X-Road's health check does. (Telling the
 * central server, so that consumers avoid this server, is the registration flows' part.)
 */
public final class MaintenanceMode implements HealthCheck {

    private static final String SETTING = "maintenance";

    private final SettingsRepository settings;

    public MaintenanceMode(SettingsRepository settings) {
        this.settings = settings;
    }

    /** Whether maintenance mode is on. */
    public boolean isOn() {
        return settings.get(SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    /** Turns maintenance mode on or off. */
    public void set(boolean on) {
        settings.put(SETTING, Boolean.toString(on));
    }

    @Override
    public String name() {
        return "maintenance";
    }

    @Override
    public HealthStatus check() {
        return isOn() ? HealthStatus.failing("Maintenance mode is on") : HealthStatus.passing();
    }
}
