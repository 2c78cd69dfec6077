// SPDX-License-Identifier: MIT
/**
 * The one fault model of Zhol: X-Road-compatible fault codes ({@link org.zhol.protocol.error.ErrorCode},
 * {@link org.zhol.protocol.error.FaultCode}) and the single exception type that carries them
 * ({@link org.zhol.protocol.error.ZholException}). Rendering to REST JSON and SOAP faults lives with the
 * codecs in {@code rest} and {@code soap}. The normative list is {@code protocol-spec/docs/errors.md}.
 */
package org.zhol.protocol.error;
