// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.soap.IdentifierXml;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapNamespaces;

/**
 * Answers {@code listClients} (PR-META §2) from the global configuration: every member, each followed
 * by its subsystems, in configuration order. XML ({@code clientList}, {@code text/xml}) unless JSON was
 * asked for.
 *
 * <p>A subsystem's {@code name} is its member's name; {@code subsystemName} is left out, since the
 * configuration holds no subsystem names. An instance other than the configuration's gives an empty
 * list: Zhol does not federate instances.
 */
public final class ListClients {

    /** The content type of the XML answer. */
    public static final String XML_TYPE = "text/xml; charset=UTF-8";
    /** The content type of the JSON answer. */
    public static final String JSON_TYPE = "application/json";

    private ListClients() {
    }

    /** The answer to {@code request} from {@code configuration} (the one the exchange holds). */
    public static MetaserviceResponse answer(ListClientsRequest request, GlobalConfiguration configuration) {
        Objects.requireNonNull(request, "request");
        List<Entry> entries = entries(configuration, request.instance());
        return request.json() ? MetaserviceResponse.ok(JSON_TYPE, json(entries))
                : MetaserviceResponse.ok(XML_TYPE, xml(entries));
    }

    /** One listed client with its member's name. */
    private record Entry(ClientId id, String name) {
    }

    private static List<Entry> entries(GlobalConfiguration configuration, Optional<String> instance) {
        List<Entry> out = new ArrayList<>();
        if (instance.isPresent() && !instance.get().equals(configuration.instance())) {
            return out;
        }
        for (Member member : configuration.members()) {
            out.add(new Entry(member.id(), member.name()));
            for (SubsystemId subsystem : member.subsystems()) {
                out.add(new Entry(subsystem, member.name()));
            }
        }
        return out;
    }

    private static byte[] xml(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = SoapHeaderCodec.writer(out);
        try {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(SoapNamespaces.XROAD_PREFIX, "clientList", SoapNamespaces.XROAD);
            w.writeNamespace(SoapNamespaces.XROAD_PREFIX, SoapNamespaces.XROAD);
            w.writeNamespace(SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS);
            for (Entry e : entries) {
                w.writeStartElement(SoapNamespaces.XROAD_PREFIX, "member", SoapNamespaces.XROAD);
                IdentifierXml.write(w, new QName(SoapNamespaces.XROAD, "id", SoapNamespaces.XROAD_PREFIX), e.id());
                w.writeStartElement(SoapNamespaces.XROAD_PREFIX, "name", SoapNamespaces.XROAD);
                w.writeCharacters(e.name());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException ex) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the client list", ex);
        }
        return out.toByteArray();
    }

    private static byte[] json(List<Entry> entries) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode members = root.putArray("member");
        for (Entry e : entries) {
            ObjectNode member = members.addObject();
            ObjectNode id = member.putObject("id");
            id.put("member_class", e.id().member().memberClass());
            id.put("member_code", e.id().member().memberCode());
            if (e.id() instanceof SubsystemId s) {
                id.put("subsystem_code", s.subsystemCode());
            }
            id.put("object_type", e.id().objectType().name());
            id.put("xroad_instance", e.id().instance());
            member.put("name", e.name());
        }
        return Json.bytes(root);
    }
}
