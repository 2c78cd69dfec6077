// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The SOAP side of the demo register: the {@code getPerson} operation as an X-Road SOAP 4.0 provider
 * answers it. The response copies the request's SOAP header unchanged (X-Road requires the provider to
 * echo it) and carries the person, or a SOAP fault when the id is unknown or the request is not a
 * {@code getPerson} call.
 *
 * <p><b>Limits:</b> DTDs and external entities are refused by the parser.
 */
public final class PersonSoap {

    /** The namespace of the demo operation's elements. */
    public static final String NS = "http://demo.zhol.org/persons";
    /** The SOAP 1.1 envelope namespace. */
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private final PersonDirectory directory;

    /** Answers from {@code directory}. */
    public PersonSoap(PersonDirectory directory) {
        this.directory = directory;
    }

    /** The answer: HTTP 200 with the response envelope, or 500 with a fault, as SOAP over HTTP does. */
    public record Answer(int status, byte[] envelope) {
    }

    /** Answers one request envelope. */
    public Answer answer(byte[] requestEnvelope) {
        Document request;
        try {
            request = builder().parse(new ByteArrayInputStream(requestEnvelope));
        } catch (Exception e) {
            return fault("SOAP-ENV:Client", "The request is not a well-formed SOAP envelope");
        }
        Element envelope = request.getDocumentElement();
        Optional<Element> header = child(envelope, SOAP_NS, "Header");
        Optional<Element> call = child(envelope, SOAP_NS, "Body").flatMap(b -> child(b, NS, "getPerson"));
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())
                || call.isEmpty()) {
            return fault("SOAP-ENV:Client", "Expected a getPerson request in namespace " + NS);
        }
        String id = call.flatMap(c -> child(c, NS, "id")).map(Node::getTextContent).orElse("").trim();
        Optional<Person> person = directory.find(id);
        if (person.isEmpty()) {
            return fault("SOAP-ENV:Client", "No person with id '" + id + "'");
        }
        try {
            Document response = builder().newDocument();
            Element root = response.createElementNS(SOAP_NS, "SOAP-ENV:Envelope");
            response.appendChild(root);
            header.ifPresent(h -> root.appendChild(response.importNode(h, true)));
            Element body = response.createElementNS(SOAP_NS, "SOAP-ENV:Body");
            root.appendChild(body);
            Element result = response.createElementNS(NS, "p:getPersonResponse");
            body.appendChild(result);
            Element p = response.createElementNS(NS, "p:person");
            result.appendChild(p);
            Person found = person.get();
            add(response, p, "id", found.id());
            add(response, p, "givenName", found.givenName());
            add(response, p, "familyName", found.familyName());
            add(response, p, "birthDate", found.birthDate().toString());
            add(response, p, "address", found.address());
            return new Answer(200, serialize(response));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the getPerson response", e);
        }
    }

    private static Answer fault(String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP_NS
                + "\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>" + code + "</faultcode><faultstring>"
                + escape(message) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        return new Answer(500, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void add(Document doc, Element parent, String name, String value) {
        Element e = doc.createElementNS(NS, "p:" + name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    private static Optional<Element> child(Element parent, String ns, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && ns.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newDocumentBuilder();
    }

    private static byte[] serialize(Document doc) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
