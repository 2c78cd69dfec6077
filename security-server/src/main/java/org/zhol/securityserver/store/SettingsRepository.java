// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.Optional;

/** Small named server-wide settings, such as the maintenance flag. */
public interface SettingsRepository {

    /** The value of a setting, if set. */
    Optional<String> get(String name);

    /** Sets a setting, replacing any value. */
    void put(String name, String value);
}
