// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import org.zhol.protocol.id.RepresentedParty;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the fields of a {@link SoapHeader}: client, service, securityServer, representedParty, id,
 * userId, issue, protocolVersion, requestHash. */
final class SoapHeaderWriter {

    private SoapHeaderWriter() {
    }

    static void write(XMLStreamWriter w, SoapHeader h) throws XMLStreamException {
        boolean bindEnvelope = !bound(w, SoapNamespaces.ENVELOPE_PREFIX, SoapNamespaces.ENVELOPE);
        boolean bindXRoad = !bound(w, SoapNamespaces.XROAD_PREFIX, SoapNamespaces.XROAD);
        boolean bindIds = !bound(w, SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS);
        w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Header", SoapNamespaces.ENVELOPE);
        declare(w, bindEnvelope, SoapNamespaces.ENVELOPE_PREFIX, SoapNamespaces.ENVELOPE);
        declare(w, bindXRoad, SoapNamespaces.XROAD_PREFIX, SoapNamespaces.XROAD);
        declare(w, bindIds, SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS);
        IdentifierXml.write(w, xrd("client"), h.client());
        IdentifierXml.write(w, xrd("service"), h.service());
        if (h.securityServer().isPresent()) {
            IdentifierXml.write(w, xrd("securityServer"), h.securityServer().get());
        }
        if (h.representedParty().isPresent()) {
            writeRepresentedParty(w, h.representedParty().get());
        }
        simple(w, "id", h.id());
        if (h.userId().isPresent()) {
            simple(w, "userId", h.userId().get());
        }
        if (h.issue().isPresent()) {
            simple(w, "issue", h.issue().get());
        }
        simple(w, "protocolVersion", h.protocolVersion());
        if (h.requestHash().isPresent()) {
            w.writeStartElement(SoapNamespaces.XROAD_PREFIX, "requestHash", SoapNamespaces.XROAD);
            w.writeAttribute("algorithmId", h.requestHash().get().algorithmId());
            w.writeCharacters(h.requestHash().get().value());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void writeRepresentedParty(XMLStreamWriter w, RepresentedParty party) throws XMLStreamException {
        String p = SoapNamespaces.REPRESENTATION_PREFIX;
        boolean bindRepr = !bound(w, p, SoapNamespaces.REPRESENTATION);
        w.writeStartElement(p, "representedParty", SoapNamespaces.REPRESENTATION);
        declare(w, bindRepr, p, SoapNamespaces.REPRESENTATION);
        if (party.partyClass().isPresent()) {
            w.writeStartElement(p, "partyClass", SoapNamespaces.REPRESENTATION);
            w.writeCharacters(party.partyClass().get());
            w.writeEndElement();
        }
        w.writeStartElement(p, "partyCode", SoapNamespaces.REPRESENTATION);
        w.writeCharacters(party.partyCode());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static QName xrd(String localName) {
        return new QName(SoapNamespaces.XROAD, localName, SoapNamespaces.XROAD_PREFIX);
    }

    private static void simple(XMLStreamWriter w, String localName, String value) throws XMLStreamException {
        w.writeStartElement(SoapNamespaces.XROAD_PREFIX, localName, SoapNamespaces.XROAD);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** Whether {@code prefix} is bound to {@code uri}; ask before writing the start tag that needs it. */
    private static boolean bound(XMLStreamWriter w, String prefix, String uri) {
        return uri.equals(w.getNamespaceContext().getNamespaceURI(prefix));
    }

    private static void declare(XMLStreamWriter w, boolean needed, String prefix, String uri) throws XMLStreamException {
        if (needed) {
            w.writeNamespace(prefix, uri);
        }
    }
}
