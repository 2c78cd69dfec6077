// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;

/**
 * Turns a {@link Manifest} into its canonical {@code ASiCManifest} bytes and back. Pure functions.
 *
 * <p>The canonical form is: the declaration {@code <?xml version="1.0" encoding="UTF-8"?>}, then the
 * elements with no whitespace between them, the ASiC namespace as the default namespace and the
 * XML-DSig namespace as {@code ds}, both declared on the root, attributes in the order
 * {@code URI}, {@code MimeType}, and digests in standard base64 with padding. See
 * {@code protocol-spec/docs/signatures.md} for an example.
 *
 * <p><b>Limits:</b> {@link ManifestLimits}. <b>Pitfalls:</b> decoding accepts only the canonical form,
 * byte for byte: a re-indented manifest fails, though it may mean the same thing.
 */
public final class ManifestCodec {

    /** ETSI EN 319 162-1 ASiC namespace. */
    public static final String ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#";
    /** XML-DSig namespace, for the digest elements. */
    public static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    /** The only digest method: SHA-256. */
    public static final String SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256";

    private ManifestCodec() {
    }

    /** The canonical bytes of {@code manifest}; the same manifest always gives the same bytes. */
    public static byte[] encode(Manifest manifest) {
        return StrictXml.write(w -> {
            w.writeStartElement("", "ASiCManifest", ASIC_NS);
            w.writeDefaultNamespace(ASIC_NS);
            w.writeNamespace("ds", DS_NS);
            w.writeEmptyElement("", "SigReference", ASIC_NS);
            w.writeAttribute("URI", manifest.signatureUri());
            w.writeAttribute("MimeType", manifest.signatureMimeType());
            for (DataObject object : manifest.dataObjects()) {
                writeReference(w, object);
            }
            w.writeEndElement();
        });
    }

    private static void writeReference(XMLStreamWriter w, DataObject object) throws XMLStreamException {
        w.writeStartElement("", "DataObjectReference", ASIC_NS);
        w.writeAttribute("URI", object.uri());
        w.writeAttribute("MimeType", object.mimeType());
        w.writeEmptyElement("ds", "DigestMethod", DS_NS);
        w.writeAttribute("Algorithm", SHA256_URI);
        w.writeStartElement("ds", "DigestValue", DS_NS);
        w.writeCharacters(Base64.getEncoder().encodeToString(object.digest()));
        w.writeEndElement();
        w.writeEndElement();
    }

    /**
     * Reads canonical manifest bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code InvalidXml} when the bytes are too long, not
     *                                               well formed, contain a DTD, do not have the manifest's
     *                                               shape, or are not canonical
     */
    public static Manifest decode(byte[] xml, ManifestLimits limits) {
        Manifest manifest = StrictXml.read(xml, limits.maxManifestBytes(), ErrorCode.INVALID_XML, "manifest",
                reader -> readManifest(reader, limits));
        StrictXml.requireCanonical(xml, encode(manifest), ErrorCode.INVALID_XML, "manifest");
        return manifest;
    }

    private static Manifest readManifest(XMLStreamReader r, ManifestLimits limits) throws XMLStreamException {
        StrictXml.expectStart(r, ASIC_NS, "ASiCManifest");
        r.nextTag();
        StrictXml.expectStart(r, ASIC_NS, "SigReference");
        String sigUri = attribute(r, "URI");
        String sigMime = attribute(r, "MimeType");
        r.nextTag();
        List<DataObject> objects = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (objects.size() == limits.maxDataObjects()) {
                throw new XMLStreamException("more than " + limits.maxDataObjects() + " data objects");
            }
            objects.add(readReference(r));
        }
        return new Manifest(sigUri, sigMime, objects);
    }

    private static DataObject readReference(XMLStreamReader r) throws XMLStreamException {
        StrictXml.expectStart(r, ASIC_NS, "DataObjectReference");
        String uri = attribute(r, "URI");
        String mime = attribute(r, "MimeType");
        r.nextTag();
        StrictXml.expectStart(r, DS_NS, "DigestMethod");
        if (!SHA256_URI.equals(attribute(r, "Algorithm"))) {
            throw new XMLStreamException("the digest method is not SHA-256");
        }
        r.nextTag();
        String value = StrictXml.textElement(r, DS_NS, "DigestValue");
        r.nextTag();
        return new DataObject(uri, mime, StrictXml.sha256Value(value));
    }

    private static String attribute(XMLStreamReader r, String name) throws XMLStreamException {
        String value = r.getAttributeValue(null, name);
        if (value == null) {
            throw new XMLStreamException("missing attribute " + name);
        }
        return value;
    }
}
