// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

/**
 * The bounds that the SOAP codec enforces on untrusted input. Crossing one is a
 * {@link org.zhol.protocol.error.ZholException} ({@code InvalidSoap} for XML, {@code MimeParsingFailed}
 * for MIME), never an {@link OutOfMemoryError}.
 *
 * <p><b>Limits:</b> see each component. <b>Pitfalls:</b> {@link #maxHeaderBytes} counts the bytes the
 * XML parser has pulled from the stream when it reaches the first body element, and the parser reads
 * ahead by up to {@link #PARSER_READ_AHEAD} bytes; keep the limit that much above the largest real header.
 *
 * @param maxHeaderBytes     bytes of the SOAP part read before the first body element is reached
 * @param maxDepth           element nesting depth within the envelope up to the first body element
 * @param maxTextLength      characters of one text value or attribute in the header
 * @param maxMimeHeaderBytes bytes of the MIME headers of one multipart part
 * @param maxMimeParts       parts in one multipart message, the SOAP part included
 */
public record SoapLimits(int maxHeaderBytes, int maxDepth, int maxTextLength, int maxMimeHeaderBytes,
        int maxMimeParts) {

    /** The read-ahead of the JDK's StAX parser, documented so that limits can allow for it. */
    public static final int PARSER_READ_AHEAD = 8192;

    public SoapLimits {
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxDepth", maxDepth);
        positive("maxTextLength", maxTextLength);
        positive("maxMimeHeaderBytes", maxMimeHeaderBytes);
        positive("maxMimeParts", maxMimeParts);
    }

    /** 64 KiB of header, depth 32, 4096 characters per value, 16 KiB of part headers, 1000 parts. */
    public static SoapLimits defaults() {
        return new SoapLimits(64 * 1024, 32, 4096, 16 * 1024, 1000);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
