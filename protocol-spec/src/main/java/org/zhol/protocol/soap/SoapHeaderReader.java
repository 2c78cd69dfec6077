// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import org.zhol.protocol.id.RepresentedParty;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.XRoadObjectType;

/** Reads the children of {@code SOAP-ENV:Header} into the fields of a {@link SoapHeader}. */
final class SoapHeaderReader {

    private final XmlInput in;
    private final Set<String> seen = new HashSet<>();
    private ClientId client;
    private ServiceId service;
    private String id;
    private String userId;
    private String issue;
    private String protocolVersion;
    private RequestHash requestHash;
    private SecurityServerId securityServer;
    private RepresentedParty representedParty;

    SoapHeaderReader(XmlInput in) {
        this.in = in;
    }

    /** Reads from the Header's START_ELEMENT up to its END_ELEMENT. */
    void readFields() {
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            XMLStreamReader r = in.reader();
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (SoapNamespaces.XROAD.equals(ns) && isXRoadField(name)) {
                once(name);
                readXRoadField(name);
            } else if (SoapNamespaces.REPRESENTATION.equals(ns) && "representedParty".equals(name)) {
                once(name);
                representedParty = readRepresentedParty();
            } else {
                in.skipElement();
            }
        }
    }

    private static boolean isXRoadField(String name) {
        return switch (name) {
            case "client", "service", "securityServer", "id", "userId", "issue", "protocolVersion",
                 "requestHash" -> true;
            default -> false;
        };
    }

    private void readXRoadField(String name) {
        switch (name) {
            case "client" -> client = (ClientId) IdentifierXml.read(in,
                    EnumSet.of(XRoadObjectType.MEMBER, XRoadObjectType.SUBSYSTEM));
            case "service" -> service = (ServiceId) IdentifierXml.read(in, EnumSet.of(XRoadObjectType.SERVICE));
            case "securityServer" -> securityServer = (SecurityServerId) IdentifierXml.read(in,
                    EnumSet.of(XRoadObjectType.SERVER));
            case "id" -> id = in.text();
            case "userId" -> userId = in.text();
            case "issue" -> issue = in.text();
            case "protocolVersion" -> protocolVersion = checkVersion(in.text());
            case "requestHash" -> {
                String algorithm = in.attribute(null, "algorithmId");
                requestHash = new RequestHash(algorithm == null ? "" : algorithm, in.text());
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static String checkVersion(String version) {
        if (!version.startsWith(SoapHeader.PROTOCOL_VERSION_PREFIX)) {
            throw ZholException.client(ErrorCode.INVALID_PROTOCOL_VERSION, "Invalid protocol version (supported: "
                    + SoapHeader.PROTOCOL_VERSION_PREFIX + "x, provided: "
                    + org.zhol.protocol.error.Faults.excerpt(version) + ")");
        }
        return version;
    }

    private RepresentedParty readRepresentedParty() {
        String partyClass = null;
        String partyCode = null;
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            XMLStreamReader r = in.reader();
            if (!SoapNamespaces.REPRESENTATION.equals(r.getNamespaceURI())) {
                in.skipElement();
            } else if ("partyClass".equals(r.getLocalName()) && partyClass == null) {
                partyClass = in.text();
            } else if ("partyCode".equals(r.getLocalName()) && partyCode == null) {
                partyCode = in.text();
            } else {
                throw ZholException.client(ErrorCode.INVALID_XML, "Unexpected element '" + r.getLocalName()
                        + "' in representedParty");
            }
        }
        if (partyCode == null) {
            throw ZholException.client(ErrorCode.MISSING_HEADER_FIELD, "Required field 'representedParty/partyCode' is missing");
        }
        return new RepresentedParty(Optional.ofNullable(partyClass), partyCode);
    }

    private void once(String name) {
        if (!seen.add(name)) {
            throw ZholException.client(ErrorCode.DUPLICATE_HEADER_FIELD,
                    "SOAP header contains duplicate field '" + name + "'");
        }
    }

    /** The header, checking the mandatory fields in X-Road's order. */
    SoapHeader build() {
        require(protocolVersion, "protocolVersion");
        require(client, "client");
        require(id, "id");
        if (service == null) {
            throw ZholException.client(ErrorCode.MISSING_HEADER_FIELD, "Message header must contain service id");
        }
        if (id.isEmpty()) {
            throw ZholException.client(ErrorCode.MISSING_HEADER_FIELD, "Required field 'id' is empty");
        }
        return new SoapHeader(client, service, id, Optional.ofNullable(userId), Optional.ofNullable(issue),
                protocolVersion, Optional.ofNullable(requestHash), Optional.ofNullable(securityServer),
                Optional.ofNullable(representedParty));
    }

    /** The header if it is complete, for a fault message whose header is optional. */
    Optional<SoapHeader> buildIfComplete() {
        if (protocolVersion == null || client == null || id == null || id.isEmpty() || service == null) {
            return Optional.empty();
        }
        return Optional.of(build());
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ZholException.client(ErrorCode.MISSING_HEADER_FIELD, "Required field '" + field + "' is missing");
        }
    }
}
