// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;
import org.zhol.protocol.id.XRoadObjectType;

/**
 * The XML form of X-Road identifiers (PR-MESS §2.1 and Annex A): an element carrying an
 * {@code id:objectType} attribute and children {@code id:xRoadInstance}, {@code id:memberClass},
 * {@code id:memberCode}, {@code id:subsystemCode}, {@code id:serviceCode}, {@code id:serviceVersion},
 * {@code id:serverCode} or {@code id:groupCode}, in namespace {@value SoapNamespaces#IDENTIFIERS}.
 *
 * <p>Faults: a missing, unknown or unexpected {@code objectType} is {@code InvalidXml}; fields that do
 * not fit the object type, and codes that break the character rules, are {@code InvalidClientIdentifier}.
 *
 * <p><b>Pitfalls:</b> a {@code SERVICE} without {@code subsystemCode} is valid X-Road XML but Zhol
 * rejects it ({@code InvalidClientIdentifier}); see {@link ServiceId}. Children in other namespaces
 * are skipped, as X-Road does. Values are taken verbatim: surrounding whitespace breaks the rules.
 */
public final class IdentifierXml {

    private static final List<String> ORDER = List.of("xRoadInstance", "memberClass", "memberCode",
            "subsystemCode", "groupCode", "serviceCode", "serviceVersion", "serverCode");
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private IdentifierXml() {
    }

    /** Reads a client ({@code MEMBER} or {@code SUBSYSTEM}); the reader is on the wrapper's START_ELEMENT. */
    public static ClientId readClient(XMLStreamReader reader, SoapLimits limits) {
        return (ClientId) read(XmlInput.wrap(reader, limits), EnumSet.of(XRoadObjectType.MEMBER, XRoadObjectType.SUBSYSTEM));
    }

    /** Reads a {@code SERVICE}; the reader is on the wrapper's START_ELEMENT. */
    public static ServiceId readService(XMLStreamReader reader, SoapLimits limits) {
        return (ServiceId) read(XmlInput.wrap(reader, limits), EnumSet.of(XRoadObjectType.SERVICE));
    }

    /** Reads a {@code SERVER}; the reader is on the wrapper's START_ELEMENT. */
    public static SecurityServerId readSecurityServer(XMLStreamReader reader, SoapLimits limits) {
        return (SecurityServerId) read(XmlInput.wrap(reader, limits), EnumSet.of(XRoadObjectType.SERVER));
    }

    /** Reads a {@code GLOBALGROUP}; the reader is on the wrapper's START_ELEMENT. */
    public static GlobalGroupId readGlobalGroup(XMLStreamReader reader, SoapLimits limits) {
        return (GlobalGroupId) read(XmlInput.wrap(reader, limits), EnumSet.of(XRoadObjectType.GLOBALGROUP));
    }

    /** Reads any identifier; the reader ends on the wrapper's END_ELEMENT. */
    public static XRoadId read(XMLStreamReader reader, SoapLimits limits) {
        return read(XmlInput.wrap(reader, limits), EnumSet.allOf(XRoadObjectType.class));
    }

    /**
     * Writes {@code id} as element {@code element} with the {@code id:} children. The {@code id}
     * prefix is bound on the element unless the writer already binds it.
     */
    public static void write(XMLStreamWriter writer, QName element, XRoadId id) {
        try {
            // Look bindings up before the start tag: the JDK writer reports a prefix as bound once a
            // start tag uses it, declared or not.
            boolean bindElement = !element.getNamespaceURI().isEmpty() && !element.getNamespaceURI()
                    .equals(writer.getNamespaceContext().getNamespaceURI(element.getPrefix()));
            boolean bindId = !SoapNamespaces.IDENTIFIERS.equals(
                    writer.getNamespaceContext().getNamespaceURI(SoapNamespaces.IDENTIFIERS_PREFIX));
            writer.writeStartElement(element.getPrefix(), element.getLocalPart(), element.getNamespaceURI());
            if (bindElement) {
                writer.writeNamespace(element.getPrefix(), element.getNamespaceURI());
            }
            if (bindId) {
                writer.writeNamespace(SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS);
            }
            writer.writeAttribute(SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS, "objectType",
                    id.objectType().name());
            for (Map.Entry<String, String> field : fields(id)) {
                writer.writeStartElement(SoapNamespaces.IDENTIFIERS_PREFIX, field.getKey(), SoapNamespaces.IDENTIFIERS);
                writer.writeCharacters(field.getValue());
                writer.writeEndElement();
            }
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write identifier XML", e);
        }
    }

    /** {@code id} as a standalone XML fragment rooted at {@code element}. */
    public static String toXml(QName element, XRoadId id) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            write(writer, element, id);
            writer.close();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write identifier XML", e);
        }
        return out.toString();
    }

    /** Parses a standalone fragment such as {@link #toXml} writes, with the default limits. */
    public static XRoadId fromXml(String xml) {
        BudgetInputStream none = new BudgetInputStream(java.io.InputStream.nullInputStream(), Long.MAX_VALUE);
        try {
            XMLStreamReader reader = XmlInput.newFactory().createXMLStreamReader(new StringReader(xml));
            XmlInput in = new XmlInput(reader, SoapLimits.defaults(), none);
            if (in.nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw XmlInput.invalid("No identifier element");
            }
            return read(in, EnumSet.allOf(XRoadObjectType.class));
        } catch (XMLStreamException e) {
            throw none.translate(e);
        }
    }

    /** The reader is on the wrapper's START_ELEMENT; it ends on the matching END_ELEMENT. */
    static XRoadId read(XmlInput in, Set<XRoadObjectType> allowed) {
        XRoadObjectType type = objectType(in, allowed);
        Map<String, String> values = new HashMap<>();
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            XMLStreamReader r = in.reader();
            if (!SoapNamespaces.IDENTIFIERS.equals(r.getNamespaceURI())) {
                in.skipElement();
                continue;
            }
            String name = r.getLocalName();
            if (!ORDER.contains(name)) {
                throw badId("Unknown identifier field '" + Faults.excerpt(name) + "'");
            }
            if (values.put(name, in.text()) != null) {
                throw badId("Identifier field '" + name + "' appears twice");
            }
        }
        return build(type, values);
    }

    private static XRoadObjectType objectType(XmlInput in, Set<XRoadObjectType> allowed) {
        String value = in.attribute(SoapNamespaces.IDENTIFIERS, "objectType");
        if (value == null) {
            throw ZholException.client(ErrorCode.INVALID_XML, "Missing objectType attribute on '"
                    + in.reader().getLocalName() + "'");
        }
        for (XRoadObjectType type : allowed) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw ZholException.client(ErrorCode.INVALID_XML, "Unexpected objectType '" + Faults.excerpt(value)
                + "' on '" + in.reader().getLocalName() + "'");
    }

    private static XRoadId build(XRoadObjectType type, Map<String, String> v) {
        List<String> expected = switch (type) {
            case MEMBER -> List.of("xRoadInstance", "memberClass", "memberCode");
            case SUBSYSTEM -> List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode");
            case SERVICE -> v.containsKey("serviceVersion")
                    ? List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode", "serviceCode", "serviceVersion")
                    : List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode", "serviceCode");
            case SERVER -> List.of("xRoadInstance", "memberClass", "memberCode", "serverCode");
            case GLOBALGROUP -> List.of("xRoadInstance", "groupCode");
        };
        if (type == XRoadObjectType.SERVICE && !v.containsKey("subsystemCode") && v.containsKey("serviceCode")) {
            throw badId("A service must belong to a subsystem: subsystemCode is missing");
        }
        for (String field : expected) {
            if (!v.containsKey(field)) {
                throw badId("Identifier of type " + type + " lacks field '" + field + "'");
            }
        }
        for (String field : v.keySet()) {
            if (!expected.contains(field)) {
                throw badId("Field '" + field + "' is not allowed in an identifier of type " + type);
            }
        }
        try {
            return create(type, v);
        } catch (ZholException e) {
            throw badId(e.detail());
        }
    }

    private static XRoadId create(XRoadObjectType type, Map<String, String> v) {
        return switch (type) {
            case MEMBER -> member(v);
            case SUBSYSTEM -> new SubsystemId(member(v), v.get("subsystemCode"));
            case SERVICE -> new ServiceId(new SubsystemId(member(v), v.get("subsystemCode")), v.get("serviceCode"),
                    Optional.ofNullable(v.get("serviceVersion")));
            case SERVER -> new SecurityServerId(member(v), v.get("serverCode"));
            case GLOBALGROUP -> new GlobalGroupId(v.get("xRoadInstance"), v.get("groupCode"));
        };
    }

    private static MemberId member(Map<String, String> v) {
        return new MemberId(v.get("xRoadInstance"), v.get("memberClass"), v.get("memberCode"));
    }

    private static List<Map.Entry<String, String>> fields(XRoadId id) {
        List<String> names = switch (id) {
            case MemberId m -> List.of("xRoadInstance", "memberClass", "memberCode");
            case SubsystemId s -> List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode");
            case ServiceId s -> s.serviceVersion().isPresent()
                    ? List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode", "serviceCode", "serviceVersion")
                    : List.of("xRoadInstance", "memberClass", "memberCode", "subsystemCode", "serviceCode");
            case SecurityServerId s -> List.of("xRoadInstance", "memberClass", "memberCode", "serverCode");
            case GlobalGroupId g -> List.of("xRoadInstance", "groupCode");
        };
        List<String> parts = id.parts();
        return java.util.stream.IntStream.range(0, names.size()).mapToObj(i -> Map.entry(names.get(i), parts.get(i))).toList();
    }

    private static ZholException badId(String detail) {
        return ZholException.client(ErrorCode.INVALID_CLIENT_IDENTIFIER, detail);
    }
}
