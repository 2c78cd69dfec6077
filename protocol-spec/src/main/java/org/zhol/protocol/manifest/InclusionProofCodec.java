// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.merkle.InclusionProof;

/**
 * The canonical bytes of an {@link InclusionProof} as it travels with a batch-signed message, and
 * back. Pure functions.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?><InclusionProof xmlns="urn:zhol:signature:1"><LeafIndex>5</LeafIndex>
 * <TreeSize>16</TreeSize><Hash>base64</Hash><Hash>base64</Hash>…</InclusionProof>
 * }</pre>
 * The {@code Hash} elements are the audit path, leaf level first.
 *
 * <p><b>Limits:</b> {@link ManifestLimits#maxSmallDocumentBytes()} bytes and
 * {@link InclusionProof#MAX_PATH_LENGTH} hashes.
 */
public final class InclusionProofCodec {

    private InclusionProofCodec() {
    }

    /** The canonical bytes of {@code proof}. */
    public static byte[] encode(InclusionProof proof) {
        String ns = MessageMetadata.NS;
        return StrictXml.write(w -> {
            w.writeStartElement("", "InclusionProof", ns);
            w.writeDefaultNamespace(ns);
            StrictXml.writeTextElement(w, ns, "LeafIndex", Long.toString(proof.leafIndex()));
            StrictXml.writeTextElement(w, ns, "TreeSize", Long.toString(proof.treeSize()));
            for (byte[] hash : proof.path()) {
                StrictXml.writeTextElement(w, ns, "Hash", Base64.getEncoder().encodeToString(hash));
            }
            w.writeEndElement();
        });
    }

    /**
     * Reads canonical inclusion proof bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedHashChain} when they are not one
     */
    public static InclusionProof decode(byte[] xml, ManifestLimits limits) {
        InclusionProof proof = StrictXml.read(xml, limits.maxSmallDocumentBytes(), ErrorCode.MALFORMED_HASH_CHAIN,
                "inclusion proof", InclusionProofCodec::read);
        StrictXml.requireCanonical(xml, encode(proof), ErrorCode.MALFORMED_HASH_CHAIN, "inclusion proof");
        return proof;
    }

    private static InclusionProof read(XMLStreamReader r) throws XMLStreamException {
        String ns = MessageMetadata.NS;
        StrictXml.expectStart(r, ns, "InclusionProof");
        long index = Long.parseLong(StrictXml.textElement(r, ns, "LeafIndex"));
        long size = Long.parseLong(StrictXml.textElement(r, ns, "TreeSize"));
        List<byte[]> path = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            StrictXml.expectStart(r, ns, "Hash");
            if (path.size() == InclusionProof.MAX_PATH_LENGTH) {
                throw new XMLStreamException("the audit path is too long");
            }
            path.add(StrictXml.sha256Value(r.getElementText()));
        }
        return new InclusionProof(index, size, path);
    }
}
