// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.server.store.Database;

/**
 * {@link SnapshotStore} that reads every table in one repeatable-read transaction, so that a change
 * committed meanwhile is either wholly in the snapshot or not at all.
 */
public final class SqlSnapshotStore implements SnapshotStore {

    private final Database db;
    private final String instance;

    /** @param instance the instance code, which the tables do not repeat in each row */
    public SqlSnapshotStore(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    @Override
    public RegistrySnapshot snapshot() {
        return db.transaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long version = RegistryVersion.read(c);
            GlobalConfiguration configuration = new GlobalConfiguration(instance, SqlMemberClassStore.read(c),
                    SqlMemberStore.read(c, instance), SqlServerStore.read(c, instance),
                    SqlGroupStore.read(c, instance), SqlTrustServiceStore.readCas(c), SqlTrustServiceStore.readTsas(c),
                    SqlInstanceStore.read(c));
            return new RegistrySnapshot(version, configuration);
        });
    }
}
