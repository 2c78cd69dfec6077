// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.zhol.protocol.crypto.CadesSignatureTest;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The checked-in vectors of {@code vectors/management/}: one good envelope per request type, and the
 * refusals listed in {@code cases.tsv}, either signed that way by the generator or mutated here, each
 * with its expected code. Verified at a fixed instant with the OCSP responses inside the vectors.
 */
class ManagementVectorsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:01:00Z");

    static byte[] read(String name) {
        try (InputStream in = ManagementVectorsTest.class.getResourceAsStream("/vectors/management/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/management/cases.tsv", delimiter = '\t', numLinesToSkip = 1)
    void vector(String name, String file, String mutation, String expected) throws Exception {
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(read("root.pem")));
        ManagementRequestVerifier verifier = ManagementFixture.verifier(root);
        byte[] envelope = read(file + ".json");
        String instance = ManagementFixture.INSTANCE;
        Instant at = AT;
        switch (mutation) {
            case "wrong-instance" -> instance = "OTHER";
            case "late" -> at = AT.plus(Duration.ofHours(2));
            case "early" -> at = AT.minus(Duration.ofMinutes(10));
            default -> envelope = mutate(envelope, mutation);
        }
        if (expected.equals("OK")) {
            VerifiedManagementRequest verified = verifier.verify(envelope, instance, at);
            ManagementRequest request = verified.request();
            assertThat(ManagementRequestCodec.encode(request)).isEqualTo(verified.requestBytes());
            assertThat(verified.signers()).extracting(VerifiedSigner::role)
                    .containsExactlyInAnyOrderElementsOf(request.requiredSignatures());
            assertThat(verified.signer(SignatureRole.OWNER).orElseThrow().member())
                    .contains(ManagementFixture.OWNER);
            assertThat(request.server()).isEqualTo(ManagementFixture.SERVER);
            verified.signer(SignatureRole.CLIENT).ifPresent(client -> assertThat(client.member())
                    .isEqualTo(Optional.of(((ClientRegistration) request).client().member())));
            verified.signer(SignatureRole.AUTH_KEY_POSSESSION).ifPresent(pop -> assertThat(pop.certificate())
                    .isEqualTo(((AuthCertRegistration) request).authCertificate()));
        } else {
            byte[] finalEnvelope = envelope;
            String finalInstance = instance;
            Instant finalAt = at;
            ZholException e = catchThrowableOfType(ZholException.class,
                    () -> verifier.verify(finalEnvelope, finalInstance, finalAt));
            assertThat(e).as("expected %s", expected).isNotNull();
            assertThat(e.code()).as(e.toString()).isEqualTo(ErrorCode.byName(expected).orElseThrow());
        }
    }

    /** The envelope changed as {@code mutation} says; role-specific mutations end in the role name. */
    static byte[] mutate(byte[] envelope, String mutation) throws Exception {
        String text = new String(envelope, StandardCharsets.UTF_8);
        return switch (mutation) {
            case "none" -> envelope;
            case "truncate-envelope" -> Arrays.copyOf(envelope, envelope.length - 5);
            case "bom" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case "trailing-garbage" -> (text + "{}").getBytes(StandardCharsets.UTF_8);
            case "oversized" -> (text + " ".repeat(ManagementLimits.DEFAULT.maxEnvelopeBytes())).getBytes(
                    StandardCharsets.UTF_8);
            case "too-deep" -> text.replace("\"signatures\":[", "\"signatures\":[[[[[[")
                    .replaceFirst("]}$", "]]]]]]}").getBytes(StandardCharsets.UTF_8);
            case "unknown-field" -> text.replaceFirst("^\\{", "{\"priority\":1,").getBytes(StandardCharsets.UTF_8);
            case "unknown-role" -> text.replace("\"OWNER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8);
            case "not-base64" -> text.replace("{\"request\":\"", "{\"request\":\"*").getBytes(StandardCharsets.UTF_8);
            default -> mutateSignatures(envelope, mutation);
        };
    }

    private static byte[] mutateSignatures(byte[] envelope, String mutation) throws Exception {
        SignedManagementRequest signed = ManagementEnvelopeCodec.decode(envelope, ManagementLimits.DEFAULT);
        byte[] request = signed.requestBytes();
        List<ManagementSignature> signatures = new ArrayList<>(signed.signatures());
        int dash = mutation.lastIndexOf('-');
        String action = mutation.equals("flip-request") ? mutation : mutation.substring(0, dash);
        SignatureRole role = mutation.equals("flip-request") ? SignatureRole.OWNER
                : SignatureRole.valueOf(mutation.substring(dash + 1));
        ManagementSignature owner = signatures.stream().filter(s -> s.role() == SignatureRole.OWNER).findFirst()
                .orElseThrow();
        switch (action) {
            case "flip-request" -> request[request.length / 2] ^= 0x01;
            case "flip-cms" -> replace(signatures, role, cms -> {
                CadesSignatureTest.flipLastSignatureByte(cms);
                return cms;
            });
            case "truncate-cms" -> replace(signatures, role, cms -> Arrays.copyOf(cms, cms.length - 10));
            case "drop" -> signatures.removeIf(s -> s.role() == role);
            case "duplicate" -> signatures.add(owner);
            case "extra" -> signatures.add(new ManagementSignature(role, owner.cms()));
            default -> throw new IllegalArgumentException("unknown mutation " + mutation);
        }
        return ManagementEnvelopeCodec.encode(new SignedManagementRequest(request, signatures));
    }

    private interface CmsChange {
        byte[] apply(byte[] cms) throws Exception;
    }

    private static void replace(List<ManagementSignature> signatures, SignatureRole role, CmsChange change)
            throws Exception {
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i).role() == role) {
                signatures.set(i, new ManagementSignature(role, change.apply(signatures.get(i).cms())));
            }
        }
    }
}
