// SPDX-License-Identifier: MIT
/**
 * RFC 3161 time-stamps: building queries ({@link org.zhol.protocol.tsp.TimestampQuery}), decoding
 * replies and tokens ({@link org.zhol.protocol.tsp.TimestampResponse},
 * {@link org.zhol.protocol.tsp.TimestampToken}), verifying them against the approved TSAs of the global
 * configuration ({@link org.zhol.protocol.tsp.TimestampVerifier}), and asking a TSA over HTTP
 * ({@link org.zhol.protocol.tsp.TspClient}).
 *
 * <p>Decoding is pure and checks structure only; trust is decided by the verifier, which throws
 * {@link org.zhol.protocol.error.ZholException} with a {@code TimestampValidation.*} code. The profile
 * and the error table are in {@code protocol-spec/docs/timestamps.md}.
 */
package org.zhol.protocol.tsp;
