// SPDX-License-Identifier: MIT
/**
 * The security server's message log: streaming log records ({@link org.zhol.securityserver.messagelog.OpenRecord}),
 * group commit into the store, the append-only RFC 9162 Merkle log over the records, signed
 * checkpoints, RFC 3161 time-stamping and the check that fails exchanges when stamping has failed for
 * too long. Storage is behind {@code org.zhol.securityserver.store}; see
 * {@code security-server/docs/message-log.md}.
 */
package org.zhol.securityserver.messagelog;
