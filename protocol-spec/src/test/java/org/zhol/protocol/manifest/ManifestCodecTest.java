// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.merkle.MerkleTree;

class ManifestCodecTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void encodesTheCanonicalAsicManifest() {
        Manifest manifest = Manifest.of(List.of(DataObject.of("body", "application/json", new byte[0])));
        assertThat(text(ManifestCodec.encode(manifest))).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ASiCManifest xmlns=\"http://uri.etsi.org/02918/v1.2.1#\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<SigReference URI=\"META-INF/signature.p7s\" MimeType=\"application/x-pkcs7-signature\"/>"
                + "<DataObjectReference URI=\"body\" MimeType=\"application/json\">"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</ds:DigestValue>"
                + "</DataObjectReference></ASiCManifest>");
    }

    @Test
    void sameInputsGiveSameBytesAndDecodeBack() {
        byte[] first = SignatureFixture.Message.create("id-1", TIME, "{}".getBytes()).manifest();
        byte[] second = SignatureFixture.Message.create("id-1", TIME, "{}".getBytes()).manifest();
        assertThat(first).isEqualTo(second);
        Manifest decoded = ManifestCodec.decode(first, ManifestLimits.DEFAULT);
        assertThat(ManifestCodec.encode(decoded)).isEqualTo(first);
        assertThat(decoded.dataObjects()).extracting(DataObject::uri).containsExactly("metadata.xml", "header.http",
                "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?><!DOCTYPE ASiCManifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ASiCManifest xmlns=\"http://uri.etsi.org/02918/v1.2.1#\">&x;</ASiCManifest>",
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><a>&b;</a>",
        "<ASiCManifest xmlns=\"http://uri.etsi.org/02918/v1.2.1#\"/>",
        "not xml",
        ""})
    void rejectsHostileAndMalformedInput(String xml) {
        assertThatThrownBy(() -> ManifestCodec.decode(xml.getBytes(StandardCharsets.UTF_8), ManifestLimits.DEFAULT))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_XML));
    }

    @Test
    void rejectsNonCanonicalEquivalentsAndOversizedInput() {
        byte[] canonical = SignatureFixture.Message.create("id-1", TIME, "{}".getBytes()).manifest();
        String pretty = text(canonical).replace("><", ">\n<");
        String otherPrefix = text(canonical).replace("ds:", "dsig:").replace("xmlns:ds=", "xmlns:dsig=");
        String comment = text(canonical).replace("</ASiCManifest>", "<!-- hi --></ASiCManifest>");
        for (String variant : List.of(pretty, otherPrefix, comment)) {
            assertThatThrownBy(() -> ManifestCodec.decode(variant.getBytes(StandardCharsets.UTF_8),
                    ManifestLimits.DEFAULT)).isInstanceOf(ZholException.class);
        }
        assertThatThrownBy(() -> ManifestCodec.decode(canonical, new ManifestLimits(1024, 2, 1024)))
                .isInstanceOf(ZholException.class);
        List<DataObject> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.add(DataObject.of("part" + i, "text/plain", new byte[] {(byte) i}));
        }
        assertThatThrownBy(() -> ManifestCodec.decode(ManifestCodec.encode(Manifest.of(many)),
                new ManifestLimits(64 * 1024, 2, 1024))).isInstanceOf(ZholException.class);
    }

    @Test
    void digestsIncrementallyAcrossChunks() throws Exception {
        byte[] body = new byte[100_000];
        new java.util.Random(1).nextBytes(body);
        DataObjectDigest digest = new DataObjectDigest("body", "application/octet-stream");
        digest.update(ByteBuffer.wrap(body, 0, 10_000));
        digest.update(ByteBuffer.allocateDirect(40_000).put(body, 10_000, 40_000).flip());
        try (var out = digest.asOutputStream()) {
            out.write(body, 50_000, 50_000);
        }
        assertThat(digest.length()).isEqualTo(body.length);
        assertThat(digest.finish()).isEqualTo(DataObject.of("body", "application/octet-stream", body));
        assertThatThrownBy(digest::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void metadataRecordIsCanonicalAndRoundTrips() {
        byte[] hash = new byte[32];
        hash[0] = 7;
        MessageMetadata response = new MessageMetadata("id <&> \"1\"", ClientId.parse("DEV/GOV/1234/CLIENT"),
                ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom"), TIME.plusMillis(900), Optional.of(hash));
        assertThat(text(response.encode())).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Metadata xmlns=\"urn:zhol:signature:1\"><MessageId>id &lt;&amp;&gt; \"1\"</MessageId>"
                + "<Client>DEV/GOV/1234/CLIENT</Client><Service>DEV/COM/5678/PROVIDER/getRandom</Service>"
                + "<SigningTime>2026-01-01T00:00:00Z</SigningTime>"
                + "<RequestHash>BwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</RequestHash></Metadata>");
        assertThat(MessageMetadata.decode(response.encode(), ManifestLimits.DEFAULT)).isEqualTo(response);
        MessageMetadata request = new MessageMetadata("x", ClientId.parse("DEV/GOV/1234"),
                ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom"), TIME, Optional.empty());
        assertThat(MessageMetadata.decode(request.encode(), ManifestLimits.DEFAULT)).isEqualTo(request);
        assertThatThrownBy(() -> new MessageMetadata("a\nb", request.client(), request.service(), TIME,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchRootAndProofRoundTripAndRejectNonCanonicalBytes() {
        MerkleTree tree = new MerkleTree(List.of(MerkleTree.leafHash(new byte[1]), MerkleTree.leafHash(new byte[2]),
                MerkleTree.leafHash(new byte[3])));
        BatchRoot root = new BatchRoot(3, tree.root(), TIME);
        assertThat(BatchRoot.decode(root.encode(), ManifestLimits.DEFAULT)).isEqualTo(root);
        InclusionProof proof = tree.proof(2);
        assertThat(InclusionProofCodec.decode(InclusionProofCodec.encode(proof), ManifestLimits.DEFAULT))
                .isEqualTo(proof);
        byte[] spaced = text(root.encode()).replace("<TreeSize>3", "<TreeSize>03").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchRoot.decode(spaced, ManifestLimits.DEFAULT)).isInstanceOfSatisfying(
                ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HASH_CHAIN));
        byte[] badIndex = text(InclusionProofCodec.encode(proof)).replace("<LeafIndex>2", "<LeafIndex>9")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InclusionProofCodec.decode(badIndex, ManifestLimits.DEFAULT)).isInstanceOfSatisfying(
                ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HASH_CHAIN));
    }
}
