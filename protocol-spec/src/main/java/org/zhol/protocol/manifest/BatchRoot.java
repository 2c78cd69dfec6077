// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * What a batch signature signs: the RFC 9162 root over the batch's manifests, the tree size and the
 * signing time. Leaf {@code i} is {@code SHA-256(0x00 || SHA-256(manifest_i bytes))}.
 *
 * <p>Canonical form:
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?><BatchRoot xmlns="urn:zhol:signature:1"><TreeSize>16</TreeSize>
 * <RootHash>base64</RootHash><SigningTime>2026-01-01T00:00:00Z</SigningTime></BatchRoot>
 * }</pre>
 *
 * <p><b>Limits:</b> 1 to {@link MerkleTree#MAX_TREE_SIZE} leaves; the signing time in whole seconds.
 *
 * @param treeSize    the number of manifests in the batch
 * @param rootHash    the tree's root hash (32 bytes; copied)
 * @param signingTime the signing time, as in the CMS signing-time attribute
 */
public record BatchRoot(long treeSize, byte[] rootHash, Instant signingTime) {

    public BatchRoot {
        if (treeSize < 1 || treeSize > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range");
        }
        if (rootHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        signingTime = signingTime.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The root hash; a copy. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The canonical bytes, which the batch's CMS signature covers. */
    public byte[] encode() {
        return StrictXml.write(w -> {
            w.writeStartElement("", "BatchRoot", MessageMetadata.NS);
            w.writeDefaultNamespace(MessageMetadata.NS);
            StrictXml.writeTextElement(w, MessageMetadata.NS, "TreeSize", Long.toString(treeSize));
            StrictXml.writeTextElement(w, MessageMetadata.NS, "RootHash", Base64.getEncoder().encodeToString(rootHash));
            StrictXml.writeTextElement(w, MessageMetadata.NS, "SigningTime",
                    DateTimeFormatter.ISO_INSTANT.format(signingTime));
            w.writeEndElement();
        });
    }

    /**
     * Reads canonical batch root bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedHashChain} when they are not one
     */
    public static BatchRoot decode(byte[] xml, ManifestLimits limits) {
        BatchRoot root = StrictXml.read(xml, limits.maxSmallDocumentBytes(), ErrorCode.MALFORMED_HASH_CHAIN,
                "batch root", BatchRoot::read);
        StrictXml.requireCanonical(xml, root.encode(), ErrorCode.MALFORMED_HASH_CHAIN, "batch root");
        return root;
    }

    private static BatchRoot read(XMLStreamReader r) throws XMLStreamException {
        StrictXml.expectStart(r, MessageMetadata.NS, "BatchRoot");
        long size = Long.parseLong(StrictXml.textElement(r, MessageMetadata.NS, "TreeSize"));
        byte[] root = StrictXml.sha256Value(StrictXml.textElement(r, MessageMetadata.NS, "RootHash"));
        Instant time = StrictXml.instant(StrictXml.textElement(r, MessageMetadata.NS, "SigningTime"));
        r.nextTag();
        return new BatchRoot(size, root, time);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchRoot that && treeSize == that.treeSize && signingTime.equals(that.signingTime)
                && MessageDigest.isEqual(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, signingTime, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "BatchRoot[size=" + treeSize + ", root=" + Base64.getEncoder().encodeToString(rootHash) + ", "
                + signingTime + "]";
    }
}
