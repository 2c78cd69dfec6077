// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

/** Reads the whole registry at once, so that the configuration it gives is consistent. */
public interface SnapshotStore {

    /** Everything the configuration contains, with the registry version it belongs to. */
    RegistrySnapshot snapshot();
}
