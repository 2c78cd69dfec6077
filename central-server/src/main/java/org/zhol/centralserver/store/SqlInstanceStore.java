// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.server.store.Database;

/** {@link InstanceStore} on the {@code instance} and {@code registry_version} tables. */
public final class SqlInstanceStore implements InstanceStore {

    private final Database db;

    public SqlInstanceStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean initialise(String instance, TrustParameters parameters) {
        return db.transaction(c -> {
            if (Sql.exists(c, "SELECT id FROM instance WHERE id = 1")) {
                return false;
            }
            Sql.update(c, "INSERT INTO instance (id, instance_code, created_at, ocsp_freshness_seconds,"
                    + " timestamping_interval_seconds, configuration_expiry_seconds) VALUES (1, ?, ?, ?, ?, ?)",
                    instance, OffsetDateTime.now(ZoneOffset.UTC), parameters.ocspFreshness().toSeconds(),
                    parameters.timestampingInterval().toSeconds(), parameters.configurationExpiry().toSeconds());
            RegistryVersion.bump(c);
            return true;
        });
    }

    @Override
    public Optional<String> instance() {
        return db.transaction(c -> Sql.first(c, r -> r.getString(1), "SELECT instance_code FROM instance WHERE id = 1"));
    }

    @Override
    public TrustParameters trustParameters() {
        return db.transaction(SqlInstanceStore::read);
    }

    @Override
    public void setTrustParameters(TrustParameters parameters) {
        db.transaction(c -> {
            int rows = Sql.update(c, "UPDATE instance SET ocsp_freshness_seconds = ?,"
                    + " timestamping_interval_seconds = ?, configuration_expiry_seconds = ? WHERE id = 1",
                    parameters.ocspFreshness().toSeconds(), parameters.timestampingInterval().toSeconds(),
                    parameters.configurationExpiry().toSeconds());
            if (rows != 1) {
                throw notInitialised();
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public long version() {
        return db.transaction(RegistryVersion::read);
    }

    /** The trust parameters, read on {@code c}. */
    static TrustParameters read(Connection c) throws SQLException {
        return Sql.first(c, r -> new TrustParameters(Duration.ofSeconds(r.getLong(1)),
                Duration.ofSeconds(r.getLong(2)), Duration.ofSeconds(r.getLong(3))),
                "SELECT ocsp_freshness_seconds, timestamping_interval_seconds, configuration_expiry_seconds"
                + " FROM instance WHERE id = 1").orElseThrow(SqlInstanceStore::notInitialised);
    }

    private static ZholException notInitialised() {
        return ZholException.internal(ErrorCode.MALFORMED_SERVER_CONF,
                "The database has no instance; run 'init' first", null);
    }
}
