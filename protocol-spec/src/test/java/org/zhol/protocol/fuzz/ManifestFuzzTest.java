// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.CERT_VALIDATION;
import static org.zhol.protocol.error.ErrorCode.INCORRECT_CERTIFICATE;
import static org.zhol.protocol.error.ErrorCode.INCORRECT_VALIDATION_INFO;
import static org.zhol.protocol.error.ErrorCode.INVALID_CERT_PATH;
import static org.zhol.protocol.error.ErrorCode.INVALID_HASH_CHAIN;
import static org.zhol.protocol.error.ErrorCode.INVALID_REFERENCE;
import static org.zhol.protocol.error.ErrorCode.INVALID_SIGNATURE_VALUE;
import static org.zhol.protocol.error.ErrorCode.INVALID_XML;
import static org.zhol.protocol.error.ErrorCode.MALFORMED_HASH_CHAIN;
import static org.zhol.protocol.error.ErrorCode.MALFORMED_SIGNATURE;
import static org.zhol.protocol.error.ErrorCode.SIGNATURE_VERIFICATION;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.manifest.BatchRoot;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.MessageSignatureVerifier;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.manifest.SignedMessage;

/**
 * Fuzz target {@code manifest}: the signed message's small documents and its signature
 * ({@code docs/signatures.md}): the ASiC manifest, the metadata record, the batch root and the inclusion
 * proof ({@code InvalidXml}, {@code MalformedHashChain}), and the CAdES signature, parsed by
 * {@link CadesVerifier} and checked as a whole by {@link MessageSignatureVerifier} against the vector root.
 *
 * <p>Input: one selector byte, then the document. Selector (mod 7): 0 manifest, 1 metadata, 2 batch
 * root, 3 inclusion proof, 4 a CAdES signature over the vector manifest (CadesVerifier only), 5 a single
 * signature, 6 a batch signature (with the vector batch root and proof), each verified at the vectors'
 * instant. A document that decodes must re-encode to the same bytes (the codecs accept only canonical
 * documents). Seeds: the files of {@code vectors/manifest/} under their selectors.
 */
class ManifestFuzzTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:01:00Z");
    private static final Set<ErrorCode> DOCUMENT_CODES = EnumSet.of(INVALID_XML, MALFORMED_HASH_CHAIN);
    private static final Set<ErrorCode> SIGNATURE_CODES = EnumSet.of(MALFORMED_SIGNATURE, INVALID_SIGNATURE_VALUE,
            SIGNATURE_VERIFICATION, CERT_VALIDATION, INVALID_CERT_PATH, INCORRECT_VALIDATION_INFO,
            INCORRECT_CERTIFICATE, INVALID_HASH_CHAIN, MALFORMED_HASH_CHAIN, INVALID_XML, INVALID_REFERENCE);
    private static final byte[] MANIFEST = vector("manifest.xml");
    private static final List<DataObject> PARTS = List.of(
            DataObject.of(MessageMetadata.URI, MessageMetadata.MIME_TYPE, vector("metadata.xml")),
            DataObject.of("header.http", "message/http", vector("header.http")),
            DataObject.of("body", "application/json", vector("body.json")));
    private static final CadesVerifier CADES = new CadesVerifier();
    /** No cache of verified batch roots, so that each input is verified on its own. */
    private static final MessageSignatureVerifier VERIFIER = new MessageSignatureVerifier(CADES,
            SignatureFixture.chainsTo(root()), SignatureFixture.serialNumberProfile(), ManifestLimits.DEFAULT, 0);

    static Stream<Arguments> seeds() {
        return Stream.of(
                Seeds.seed("manifest.xml", Seeds.prefixed(0, MANIFEST)),
                Seeds.seed("metadata.xml", Seeds.prefixed(1, vector("metadata.xml"))),
                Seeds.seed("batch-root.xml", Seeds.prefixed(2, vector("batch-root.xml"))),
                Seeds.seed("other-batch-root.xml", Seeds.prefixed(2, vector("other-batch-root.xml"))),
                Seeds.seed("batch-proof.xml", Seeds.prefixed(3, vector("batch-proof.xml"))),
                Seeds.seed("other-batch-proof.xml", Seeds.prefixed(3, vector("other-batch-proof.xml"))),
                Seeds.seed("single.p7s (CAdES)", Seeds.prefixed(4, vector("single.p7s"))),
                Seeds.seed("single.p7s", Seeds.prefixed(5, vector("single.p7s"))),
                Seeds.seed("batch.p7s", Seeds.prefixed(6, vector("batch.p7s"))));
    }

    @MethodSource("seeds")
    @FuzzTest
    void manifestAndSignature(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] doc = Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], 7)) {
            case 0 -> FuzzContract.holds("ManifestCodec.decode", DOCUMENT_CODES, () -> {
                Manifest m = ManifestCodec.decode(doc, ManifestLimits.DEFAULT);
                canonical(doc, ManifestCodec.encode(m), "manifest");
            });
            case 1 -> FuzzContract.holds("MessageMetadata.decode", DOCUMENT_CODES,
                    () -> canonical(doc, MessageMetadata.decode(doc, ManifestLimits.DEFAULT).encode(), "metadata"));
            case 2 -> FuzzContract.holds("BatchRoot.decode", DOCUMENT_CODES,
                    () -> canonical(doc, BatchRoot.decode(doc, ManifestLimits.DEFAULT).encode(), "batch root"));
            case 3 -> FuzzContract.holds("InclusionProofCodec.decode", DOCUMENT_CODES, () -> canonical(doc,
                    InclusionProofCodec.encode(InclusionProofCodec.decode(doc, ManifestLimits.DEFAULT)), "proof"));
            case 4 -> FuzzContract.holds("CadesVerifier.verify", SIGNATURE_CODES, () -> CADES.verify(doc, MANIFEST));
            case 5 -> FuzzContract.holds("MessageSignatureVerifier (single)", SIGNATURE_CODES,
                    () -> VERIFIER.verify(new SignedMessage(MANIFEST, new MessageSignature.Single(doc), PARTS),
                            SignatureFixture.MEMBER, AT));
            default -> FuzzContract.holds("MessageSignatureVerifier (batch)", SIGNATURE_CODES,
                    () -> VERIFIER.verify(new SignedMessage(MANIFEST, new MessageSignature.Batch(
                            vector("batch-root.xml"), doc, InclusionProofCodec.decode(vector("batch-proof.xml"),
                                    ManifestLimits.DEFAULT)), PARTS), SignatureFixture.MEMBER, AT));
        }
    }

    private static void canonical(byte[] received, byte[] reencoded, String what) {
        if (!Arrays.equals(received, reencoded)) {
            throw new AssertionError("the " + what + " decoded but does not re-encode to the bytes received");
        }
    }

    private static byte[] vector(String name) {
        return Seeds.vector("manifest", name);
    }

    private static X509Certificate root() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(vector("root.pem")));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
