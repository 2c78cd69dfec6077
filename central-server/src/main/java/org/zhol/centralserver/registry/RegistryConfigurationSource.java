// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import org.zhol.centralserver.store.InstanceStore;
import org.zhol.centralserver.store.RegistrySnapshot;
import org.zhol.centralserver.store.SnapshotStore;
import org.zhol.protocol.globalconf.GlobalConfiguration;

/**
 * The {@link ConfigurationSource} on the registry's stores: {@link #current()} reads everything in one
 * consistent transaction; {@link #version()} reads only the version counter, so polling it is cheap.
 */
public final class RegistryConfigurationSource implements ConfigurationSource {

    private final SnapshotStore snapshots;
    private final InstanceStore instance;

    public RegistryConfigurationSource(SnapshotStore snapshots, InstanceStore instance) {
        this.snapshots = snapshots;
        this.instance = instance;
    }

    @Override
    public GlobalConfiguration current() {
        return snapshot().configuration();
    }

    /** The configuration together with the version it reflects, read at once. */
    public RegistrySnapshot snapshot() {
        return snapshots.snapshot();
    }

    @Override
    public long version() {
        return instance.version();
    }
}
