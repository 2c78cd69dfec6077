// SPDX-License-Identifier: MIT
package org.zhol.examples.integrator;

import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConnection;
import jakarta.xml.soap.SOAPConnectionFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.soap.SOAPMessage;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * The Tax Board's system calls the Population Register's SOAP service {@code getPerson} through its
 * security server's client proxy, with Jakarta SAAJ, as an X-Road SOAP 4.0 client: the header names
 * the {@code client} subsystem, the {@code service}, a message {@code id}, the {@code userId} and the
 * {@code protocolVersion}; the envelope is posted to the client proxy's root. The answer is the
 * provider's envelope, whose header the security server completes with {@code requestHash}; a
 * failure is a SOAP fault whose {@code faultcode} is the X-Road code.
 *
 * <pre>
 * ./zhol example soap-consumer [CLIENT-PROXY [PERSON-ID]]   # defaults: http://127.0.0.1:8080 49804160004
 * </pre>
 */
public final class SoapConsumer {

    /** X-Road's message header namespace. */
    public static final String XRD = "http://x-road.eu/xsd/xroad.xsd";
    /** X-Road's identifier namespace. */
    public static final String ID = "http://x-road.eu/xsd/identifiers";
    /** The demo register's operation namespace (its WSDL: {@code getWsdl}, or the provider's {@code /soap/persons.wsdl}). */
    public static final String PERSONS = "http://demo.zhol.org/persons";

    /**
     * The answer.
     *
     * @param person      the person's fields, by element name ({@code id}, {@code givenName}, ...)
     * @param messageId   the header's {@code id}, as sent and echoed
     * @param requestHash the header's {@code requestHash}: the provider's security server's hash of the request
     */
    public record Answer(Map<String, String> person, String messageId, String requestHash) {
    }

    private final URI clientProxy;
    private final String[] client;
    private final String[] service;
    private final String userId;

    /**
     * @param clientProxy the security server's client proxy, e.g. {@code http://127.0.0.1:8080}
     * @param client      the calling subsystem, e.g. {@code DEV/GOV/2002/TAXES}
     * @param service     the service, e.g. {@code DEV/GOV/1001/REGISTRY/getPerson}
     * @param userId      the person using the system, for the provider's records
     */
    public SoapConsumer(URI clientProxy, String client, String service, String userId) {
        this.clientProxy = clientProxy;
        this.client = client.split("/");
        this.service = service.split("/");
        this.userId = userId;
        if (this.client.length != 4 || this.service.length != 5) {
            throw new IllegalArgumentException("client is INSTANCE/CLASS/CODE/SUBSYSTEM, service adds /SERVICE");
        }
    }

    /** Calls {@code getPerson} for {@code id}. */
    public Answer getPerson(String id) throws SOAPException, MalformedURLException, XRoadFaultException {
        String messageId = UUID.randomUUID().toString();
        SOAPMessage request = request(messageId, id);
        SOAPConnection connection = SOAPConnectionFactory.newInstance().createConnection();
        SOAPMessage response;
        try {
            response = connection.call(request, clientProxy.resolve("/").toURL());
        } finally {
            connection.close();
        }
        if (response.getSOAPBody().hasFault()) {
            SOAPFault fault = response.getSOAPBody().getFault();
            throw new XRoadFaultException(fault.getFaultCodeAsQName().getLocalPart(), 500, fault.getFaultString());
        }
        SOAPElement answer = first(response.getSOAPBody(), new QName(PERSONS, "getPersonResponse"));
        Map<String, String> person = new LinkedHashMap<>();
        SOAPElement fieldsOf = first(answer, new QName(PERSONS, "person"));
        for (Iterator<jakarta.xml.soap.Node> fields = fieldsOf.getChildElements(); fields.hasNext(); ) {
            if (fields.next() instanceof SOAPElement field) {
                person.put(field.getLocalName(), field.getValue());
            }
        }
        SOAPHeader header = response.getSOAPHeader();
        return new Answer(person, first(header, new QName(XRD, "id")).getValue(),
                first(header, new QName(XRD, "requestHash")).getValue().strip());
    }

    private SOAPMessage request(String messageId, String personId) throws SOAPException {
        SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
        SOAPEnvelope envelope = message.getSOAPPart().getEnvelope();
        envelope.addNamespaceDeclaration("xrd", XRD);
        envelope.addNamespaceDeclaration("id", ID);
        envelope.addNamespaceDeclaration("p", PERSONS);
        SOAPHeader header = envelope.getHeader();
        identifier(header.addHeaderElement(new QName(XRD, "client", "xrd")), "SUBSYSTEM", client);
        identifier(header.addHeaderElement(new QName(XRD, "service", "xrd")), "SERVICE", service);
        header.addHeaderElement(new QName(XRD, "id", "xrd")).addTextNode(messageId);
        header.addHeaderElement(new QName(XRD, "userId", "xrd")).addTextNode(userId);
        header.addHeaderElement(new QName(XRD, "protocolVersion", "xrd")).addTextNode("4.0");
        message.getSOAPBody().addBodyElement(new QName(PERSONS, "getPerson", "p"))
                .addChildElement(new QName(PERSONS, "id", "p")).addTextNode(personId);
        message.saveChanges();
        return message;
    }

    /** The identifier's fields in X-Road's order: instance, member class, member code, subsystem, service. */
    private static void identifier(SOAPHeaderElement element, String type, String[] parts) throws SOAPException {
        element.addAttribute(new QName(ID, "objectType", "id"), type);
        String[] names = {"xRoadInstance", "memberClass", "memberCode", "subsystemCode", "serviceCode"};
        for (int i = 0; i < parts.length; i++) {
            element.addChildElement(new QName(ID, names[i], "id")).addTextNode(parts[i]);
        }
    }

    private static SOAPElement first(SOAPElement parent, QName name) throws SOAPException {
        Iterator<jakarta.xml.soap.Node> children = parent.getChildElements(name);
        while (children.hasNext()) {
            if (children.next() instanceof SOAPElement element) {
                return element;
            }
        }
        throw new SOAPException("No " + name + " in " + parent.getElementQName());
    }

    public static void main(String[] args) throws Exception {
        URI proxy = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        String id = args.length > 1 ? args[1] : "49804160004";
        SoapConsumer registry = new SoapConsumer(proxy, "DEV/GOV/2002/TAXES", "DEV/GOV/1001/REGISTRY/getPerson",
                "EE38001010000");
        try {
            Answer answer = registry.getPerson(id);
            System.out.println("getPerson " + id + ": " + answer.person());
            System.out.println("  id " + answer.messageId() + ", requestHash " + answer.requestHash());
        } catch (XRoadFaultException fault) {
            System.err.println("X-Road fault " + fault.code() + ": " + fault.getMessage());
            System.exit(1);
        }
    }
}
