// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * What {@link SoapHeaderCodec#read} found before the body: either an X-Road header and the name of
 * the body's wrapper element, or a SOAP fault. For a message (not a fault) the reader is left on the
 * START_ELEMENT of the body's first child, so the body can be streamed on without being held.
 *
 * <p><b>Pitfalls:</b> the codec checks the first body child only; that it is the only one (X-Road's
 * {@code InvalidBody}) can be known only at the end of the body, by whoever reads it. Close this head
 * (or the reader) when done; the underlying stream is not closed.
 */
public final class SoapHead implements AutoCloseable {

    private final Optional<SoapHeader> header;
    private final Optional<SoapFault> fault;
    private final Optional<QName> bodyElement;
    private final XMLStreamReader reader;
    private final long headBytes;

    SoapHead(Optional<SoapHeader> header, Optional<SoapFault> fault, Optional<QName> bodyElement,
            XMLStreamReader reader, long headBytes) {
        this.header = header;
        this.fault = fault;
        this.bodyElement = bodyElement;
        this.reader = reader;
        this.headBytes = headBytes;
    }

    /** The X-Road header; always present unless this is a fault, where it is optional. */
    public Optional<SoapHeader> header() {
        return header;
    }

    /** The header of a message that is not a fault. */
    public SoapHeader requireHeader() {
        return header.orElseThrow(() -> ZholException.client(ErrorCode.MISSING_HEADER,
                "Malformed SOAP message: header missing"));
    }

    /** The fault, if the body holds one. */
    public Optional<SoapFault> fault() {
        return fault;
    }

    public boolean isFault() {
        return fault.isPresent();
    }

    /** The qualified name of the body's first child (the wrapper element), unless this is a fault. */
    public Optional<QName> bodyElement() {
        return bodyElement;
    }

    /** The reader, on the body's first child for a message; past the fault for a fault. */
    public XMLStreamReader bodyReader() {
        return reader;
    }

    /** Bytes the parser had pulled from the stream when the head was complete (read-ahead included). */
    public long headBytes() {
        return headBytes;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            // Closing a reader releases nothing that matters here.
        }
    }
}
