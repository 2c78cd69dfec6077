// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.zhol.protocol.error.ErrorCode;

/**
 * Hides the provider's endpoint in a WSDL, as PR-META §4 requires: the {@code location} of every SOAP
 * 1.1 and SOAP 1.2 {@code address} element becomes {@value #ENDPOINT}. Everything else passes through
 * event by event (comments, processing instructions and namespace declarations included); the result is
 * UTF-8.
 *
 * <p>The parser is hardened as the SOAP codec's: no DTD (refused), no external entities. A document that
 * is not well-formed XML, or has a DTD, is {@code ServiceFailed.InvalidResponse} (origin {@code PROVIDER}).
 */
final class WsdlRewriter {

    /** The address every endpoint location is replaced with (X-Road's). */
    static final String ENDPOINT = "http://example.org/xroad-endpoint";

    private static final Set<String> SOAP_BINDINGS = Set.of("http://schemas.xmlsoap.org/wsdl/soap/",
            "http://schemas.xmlsoap.org/wsdl/soap12/");

    private final XMLInputFactory input;
    private final XMLOutputFactory output;
    private final XMLEventFactory events;

    WsdlRewriter() {
        this.input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        input.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        this.output = XMLOutputFactory.newFactory();
        this.events = XMLEventFactory.newFactory();
    }

    byte[] rewrite(byte[] wsdl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wsdl.length + 256);
        try {
            XMLEventReader reader = input.createXMLEventReader(new ByteArrayInputStream(wsdl));
            XMLEventWriter writer = output.createXMLEventWriter(out, "UTF-8");
            boolean started = false;
            while (reader.hasNext()) {
                XMLEvent e = reader.nextEvent();
                switch (e.getEventType()) {
                    case XMLEvent.DTD, XMLEvent.ENTITY_REFERENCE, XMLEvent.ENTITY_DECLARATION ->
                        throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "The WSDL has a DTD or an entity");
                    case XMLEvent.START_DOCUMENT -> {
                        StartDocument d = (StartDocument) e;
                        writer.add(d.standaloneSet() ? events.createStartDocument("UTF-8", d.getVersion(), d.isStandalone())
                                : events.createStartDocument("UTF-8", d.getVersion()));
                        started = true;
                    }
                    case XMLEvent.START_ELEMENT -> {
                        if (!started) {
                            writer.add(events.createStartDocument("UTF-8", "1.0"));
                            started = true;
                        }
                        writer.add(rewriteAddress(e.asStartElement()));
                    }
                    default -> writer.add(e);
                }
            }
            writer.close();
            reader.close();
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof org.zhol.protocol.error.ZholException z) {
                throw z;
            }
            throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "The WSDL is not well-formed XML");
        }
        return out.toByteArray();
    }

    private StartElement rewriteAddress(StartElement element) {
        QName name = element.getName();
        if (!name.getLocalPart().equals("address") || !SOAP_BINDINGS.contains(name.getNamespaceURI())) {
            return element;
        }
        List<Attribute> attributes = new ArrayList<>();
        for (Iterator<Attribute> it = element.getAttributes(); it.hasNext(); ) {
            Attribute a = it.next();
            boolean location = a.getName().getLocalPart().equals("location") && a.getName().getNamespaceURI().isEmpty();
            attributes.add(location ? events.createAttribute(a.getName(), ENDPOINT) : a);
        }
        return events.createStartElement(name, attributes.iterator(), element.getNamespaces());
    }
}
