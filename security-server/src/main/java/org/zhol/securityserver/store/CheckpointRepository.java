// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.securityserver.messagelog.LogCheckpoint;

/** The checkpoints this server signed over its message log, one per tree size. */
public interface CheckpointRepository {

    /** Stores a checkpoint; one of the same size already stored is kept. */
    void save(LogCheckpoint checkpoint);

    /** The checkpoint with the largest tree size. */
    Optional<LogCheckpoint> latest();

    /** The checkpoint of exactly {@code treeSize}. */
    Optional<LogCheckpoint> find(long treeSize);

    /** The smallest checkpoint whose tree size is at least {@code treeSize}. */
    Optional<LogCheckpoint> firstCovering(long treeSize);

    /** Up to {@code limit} checkpoints with a tree size below {@code beforeSize}, largest first. */
    List<LogCheckpoint> list(long beforeSize, int limit);
}
