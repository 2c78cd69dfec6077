// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.SignedCheckpoint;

/** Signs this server's checkpoints with its owner member's signing key. */
@FunctionalInterface
public interface CheckpointSigning {

    /**
     * Signs {@code checkpoint} (CAdES over its canonical bytes, signing time = checkpoint time).
     *
     * @throws org.zhol.protocol.error.ZholException when no usable key, certificate or OCSP response is
     *                                               held, or signing fails
     */
    SignedCheckpoint sign(Checkpoint checkpoint);
}
