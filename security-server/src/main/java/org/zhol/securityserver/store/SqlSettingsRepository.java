// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.zhol.server.store.Database;

/** {@link SettingsRepository} on the {@code server_setting} table. */
public final class SqlSettingsRepository implements SettingsRepository {

    private final Database db;

    public SqlSettingsRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(String name) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM server_setting WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String name, String value) {
        // Update, then insert when nothing was there: portable across H2 and PostgreSQL.
        db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE server_setting SET setting_value = ? WHERE name = ?")) {
                u.setString(1, value);
                u.setString(2, name);
                if (u.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO server_setting (name, setting_value) VALUES (?, ?)")) {
                i.setString(1, name);
                i.setString(2, value);
                i.executeUpdate();
            }
            return null;
        });
    }
}
