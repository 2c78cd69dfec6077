// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.InputStream;
import java.nio.charset.Charset;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * A hardened, bounded view of a StAX reader: no DTDs, no external entities, a nesting-depth limit, a
 * text-length limit, and every parser failure turned into {@code InvalidSoap} (as X-Road reports XML
 * that its SOAP parser cannot read).
 */
final class XmlInput {

    private static final XMLInputFactory FACTORY = newFactory();

    private final XMLStreamReader reader;
    private final SoapLimits limits;
    private final BudgetInputStream budget;
    private int depth;

    XmlInput(XMLStreamReader reader, SoapLimits limits, BudgetInputStream budget) {
        this.reader = reader;
        this.limits = limits;
        this.budget = budget;
    }

    /** Opens a hardened reader over {@code in}; the caller owns {@code budget}. */
    static XmlInput open(BudgetInputStream budget, Charset charset, SoapLimits limits) {
        try {
            XMLStreamReader r = charset == null
                    ? FACTORY.createXMLStreamReader(budget)
                    : FACTORY.createXMLStreamReader(budget, charset.name());
            return new XmlInput(r, limits, budget);
        } catch (XMLStreamException | RuntimeException e) {
            throw budget.translate(e);
        }
    }

    /** Wraps a reader the caller opened; its factory must already be hardened. */
    static XmlInput wrap(XMLStreamReader reader, SoapLimits limits) {
        return new XmlInput(reader, limits, new BudgetInputStream(InputStream.nullInputStream(), Long.MAX_VALUE));
    }

    /** A StAX factory with DTDs, external entities and entity replacement switched off. */
    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return f;
    }

    XMLStreamReader reader() {
        return reader;
    }

    int depth() {
        return depth;
    }

    /** The next event; rejects DTDs and entity references, tracks and bounds depth. */
    int next() {
        try {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw invalid("DTDs are not allowed in SOAP messages");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw invalid("Entity references are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw invalid("XML nesting deeper than " + limits.maxDepth() + " levels");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
            return event;
        } catch (XMLStreamException | RuntimeException e) {
            throw budget.translate(e);
        }
    }

    /** Advances to the next START_ELEMENT or END_ELEMENT, rejecting non-whitespace text on the way. */
    int nextTag() {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw invalid("Unexpected end of the XML document");
            }
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !reader.isWhiteSpace()) {
                throw invalid("Unexpected text '" + Faults.excerpt(reader.getText().strip()) + "'");
            }
        }
    }

    /** The text of the current simple element, bounded; leaves the reader on its END_ELEMENT. */
    String text() {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(reader.getText());
                    if (text.length() > limits.maxTextLength()) {
                        throw invalid("A header value is longer than " + limits.maxTextLength() + " characters");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> throw invalid("Element '"
                        + reader.getLocalName() + "' is not allowed inside a simple header value");
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                default -> throw invalid("Unexpected end of the XML document");
            }
        }
    }

    /** Skips the element whose START_ELEMENT is current, including its children. */
    void skipElement() {
        int target = depth - 1;
        while (depth > target) {
            if (next() == XMLStreamConstants.END_DOCUMENT) {
                throw invalid("Unexpected end of the XML document");
            }
        }
    }

    /** An attribute of the current element, bounded. */
    String attribute(String namespace, String localName) {
        String value = reader.getAttributeValue(namespace, localName);
        if (value != null && value.length() > limits.maxTextLength()) {
            throw invalid("Attribute '" + localName + "' is longer than " + limits.maxTextLength() + " characters");
        }
        return value;
    }

    void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Nothing was being written; a failed close leaves nothing to clean up.
        }
    }

    static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_SOAP, detail);
    }
}
