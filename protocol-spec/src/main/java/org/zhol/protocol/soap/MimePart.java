// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.InputStream;

/**
 * One part of a multipart message from {@link MimePartSplitter}: its headers, and its body as a stream
 * that ends at the next boundary. The body is valid until the splitter moves to the next part; what is
 * not read by then is skipped.
 *
 * <p><b>Pitfalls:</b> the body's {@code read} methods throw {@link org.zhol.protocol.error.ZholException}
 * ({@code MimeParsingFailed}, {@code IOError}), not {@link java.io.IOException}, on malformed input.
 *
 * @param index   0 for the first (root) part
 * @param headers the part's MIME headers
 * @param body    the part's bytes, streamed
 */
public record MimePart(int index, MimeHeaders headers, InputStream body) {
}
