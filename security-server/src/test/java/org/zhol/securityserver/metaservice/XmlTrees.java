// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * XML compared by meaning for the tests: element names by namespace, attributes (not namespace
 * declarations) sorted, text trimmed, whitespace-only text dropped, prefixes ignored. The children of a
 * SOAP {@code Header} compare in any order (X-Road does not order header fields); {@code requestHash}
 * is left out of the tree and read separately.
 */
final class XmlTrees {

    private static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    private XmlTrees() {
    }

    static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage(), e);
        }
    }

    /** The canonical text of {@code xml}'s tree. */
    static String canonical(byte[] xml) {
        StringBuilder out = new StringBuilder();
        write(parse(xml), out, "");
        return out.toString();
    }

    /** The {@code requestHash} header value (whitespace removed) and its {@code algorithmId}. */
    static Optional<String[]> requestHash(byte[] xml) {
        var list = parse(xml).getElementsByTagNameNS("http://x-road.eu/xsd/xroad.xsd", "requestHash");
        if (list.getLength() == 0) {
            return Optional.empty();
        }
        Element e = (Element) list.item(0);
        return Optional.of(new String[] {e.getAttribute("algorithmId"), e.getTextContent().replaceAll("\\s+", "")});
    }

    private static void write(Element e, StringBuilder out, String indent) {
        out.append(indent).append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName());
        NamedNodeMap attrs = e.getAttributes();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                list.add("{" + a.getNamespaceURI() + "}" + a.getLocalName() + "=" + a.getValue());
            }
        }
        list.sort(null);
        out.append(list).append('\n');
        List<String> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (child.getLocalName().equals("requestHash")) {
                    continue;
                }
                StringBuilder c = new StringBuilder();
                write(child, c, indent + "  ");
                children.add(c.toString());
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue().strip();
                if (!text.isEmpty()) {
                    children.add(indent + "  \"" + text + "\"\n");
                }
            }
        }
        if (ENVELOPE.equals(e.getNamespaceURI()) && e.getLocalName().equals("Header")) {
            children.sort(null);
        }
        children.forEach(out::append);
    }
}
