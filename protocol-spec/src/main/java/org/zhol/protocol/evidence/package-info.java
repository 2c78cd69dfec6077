// SPDX-License-Identifier: MIT
/**
 * Evidence: RFC 4998 evidence records over timestamping batches ({@link
 * org.zhol.protocol.evidence.EvidenceBatch}, {@link org.zhol.protocol.evidence.EvidenceRecordVerifier}),
 * ASiC-E evidence containers (ETSI EN 319 162-1) written from what a message log stores and read
 * strictly, trust snapshots and archives. The normative text is {@code protocol-spec/docs/evidence.md}
 * and {@code log.md}.
 */
package org.zhol.protocol.evidence;
