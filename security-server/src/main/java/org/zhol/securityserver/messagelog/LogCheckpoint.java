// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Objects;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.SignedCheckpoint;

/**
 * A checkpoint this server signed over its own log.
 *
 * @param checkpoint the decoded checkpoint
 * @param signed     its canonical bytes and CMS signature, as sent to peers
 */
public record LogCheckpoint(Checkpoint checkpoint, SignedCheckpoint signed) {

    public LogCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signed, "signed");
    }

    /** The number of records it covers. */
    public long treeSize() {
        return checkpoint.treeSize();
    }
}
