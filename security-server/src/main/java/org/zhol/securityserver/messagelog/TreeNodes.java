// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

/**
 * Reads the stored perfect-subtree nodes of the Merkle log ({@link TreeNode}); the message log's store
 * implements it.
 */
@FunctionalInterface
public interface TreeNodes {

    /**
     * The hash of node {@code index} at {@code level}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code DatabaseError} when it cannot be read, or
     *                                               {@code InternalError} when it is not stored
     */
    byte[] hash(int level, long index);
}
