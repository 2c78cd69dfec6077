// SPDX-License-Identifier: MIT
/**
 * The tamper-evident message log's formats: the leaf of each logged record ({@link
 * org.zhol.protocol.log.LogEntry}), signed checkpoints ({@link org.zhol.protocol.log.Checkpoint},
 * {@link org.zhol.protocol.log.CheckpointSigner}, {@link org.zhol.protocol.log.CheckpointVerifier}) and
 * consistency proofs in their canonical text form. The tree math is in {@code org.zhol.protocol.merkle};
 * the normative text is {@code protocol-spec/docs/log.md}.
 */
package org.zhol.protocol.log;
