// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.securityserver.store.ArchiveRepository;
import org.zhol.securityserver.store.CheckpointRepository;
import org.zhol.securityserver.store.LogRecordRepository;

/**
 * The check the message log makes of its own store before it starts (log.md §8): the stored tree leads
 * to the root of this server's latest signed checkpoint, and every leaf that no archive covers has its
 * record, with the same leaf hash. Retention cleaning removes only archived records, so a record missing
 * above the archives was deleted by someone else; a tree that no longer leads to the own checkpoint was
 * rewritten. Either way the server refuses to start rather than sign new checkpoints over it; peers
 * that logged the earlier checkpoints would catch the rewrite anyway (a consistency proof fails).
 *
 * <p>Cost: one root computation (O(log n) node reads) and one indexed join over the unarchived records.
 */
final class LogIntegrity {

    private LogIntegrity() {
    }

    /**
     * @throws ZholException {@code LogInconsistent} when the store contradicts itself
     */
    static void check(LogRecordRepository records, CheckpointRepository checkpoints, ArchiveRepository archives) {
        long size = records.treeSize();
        Optional<LogCheckpoint> own = checkpoints.latest();
        if (own.isPresent()) {
            LogCheckpoint checkpoint = own.get();
            if (checkpoint.treeSize() > size) {
                throw inconsistent("The stored tree has " + size + " leaves, fewer than this server's own signed"
                        + " checkpoint of size " + checkpoint.treeSize());
            }
            byte[] root;
            try {
                root = MerkleFrontier.of(records, checkpoint.treeSize()).root();
            } catch (ZholException | IllegalArgumentException | IllegalStateException e) {
                throw inconsistent("The stored tree lacks nodes of this server's own checkpoint of size "
                        + checkpoint.treeSize());
            }
            if (!MessageDigest.isEqual(root, checkpoint.checkpoint().rootHash())) {
                throw inconsistent("The stored tree does not lead to the root of this server's own signed checkpoint"
                        + " of size " + checkpoint.treeSize() + ": the tree was rebuilt or rewritten");
            }
        }
        long archived = archives.latest().map(LogArchive::endLeaf).orElse(0L);
        OptionalLong unmatched = records.firstUnmatchedLeaf(archived);
        if (unmatched.isPresent()) {
            throw inconsistent("The record of leaf " + unmatched.getAsLong() + " is missing or does not match the"
                    + " tree, and no archive holds it: records were deleted or altered");
        }
    }

    private static ZholException inconsistent(String detail) {
        return new ZholException(FaultCode.of(ErrorCode.LOG_INCONSISTENT), Origin.THIS_SERVER, detail, null);
    }
}
