// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.CERT_VALIDATION;
import static org.zhol.protocol.error.ErrorCode.INCORRECT_CERTIFICATE;
import static org.zhol.protocol.error.ErrorCode.INVALID_SIGNATURE_VALUE;
import static org.zhol.protocol.error.ErrorCode.MALFORMED_GLOBAL_CONF;
import static org.zhol.protocol.error.ErrorCode.OUTDATED_GLOBAL_CONF;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.GlobalConfDirectoryCodec;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.GlobalConfPartsCodec;
import org.zhol.protocol.globalconf.GlobalConfVerifier;

/**
 * Fuzz target {@code globalconf}: what a security server downloads from a central server and reads
 * before it trusts it ({@code docs/global-configuration.md}): the signed directory, its CMS signature,
 * the configuration parts, the {@code latest} pointer, and the configuration anchor an operator installs.
 *
 * <p>Input: one selector byte, then the document. Selector (mod 6): 0 directory, 1 anchor, 2 the
 * shared-params part (with the vector trust-params), 3 the trust-params part (with the vector
 * shared-params), 4 {@code latest}, 5 a signature over the vector directory, verified with the vector
 * anchor at the vectors' instant. Refusals are {@code MalformedGlobalConf}, and for the signature also
 * {@code IncorrectCertificate}, {@code CertValidation}, {@code InvalidSignatureValue} and
 * {@code OutdatedGlobalConf}. Seeds: the files of {@code vectors/globalconf/} under their selectors.
 */
class GlobalConfFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:01:00Z");
    private static final Set<ErrorCode> DOCUMENT_CODES = EnumSet.of(MALFORMED_GLOBAL_CONF);
    private static final Set<ErrorCode> SIGNATURE_CODES = EnumSet.of(MALFORMED_GLOBAL_CONF, INCORRECT_CERTIFICATE,
            CERT_VALIDATION, INVALID_SIGNATURE_VALUE, OUTDATED_GLOBAL_CONF);
    private static final GlobalConfVerifier VERIFIER =
            new GlobalConfVerifier(ConfigurationAnchorCodec.decode(vector("anchor.json")));
    private static final byte[] DIRECTORY = vector("directory.json");

    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (Path file : Seeds.files("globalconf", n -> !n.startsWith(".") && !n.equals("cases.json"))) {
            String name = file.getFileName().toString();
            int selector = name.endsWith(".p7s") ? 5 : name.startsWith("anchor") ? 1
                    : name.startsWith("shared-params") ? 2 : name.startsWith("trust-params") ? 3 : 0;
            seeds.add(Seeds.seed(file.getParent().getFileName() + "/" + name, Seeds.prefixed(selector, read(file))));
        }
        seeds.add(Seeds.seed("latest", Seeds.prefixed(4, "17\n".getBytes(StandardCharsets.US_ASCII))));
        return seeds.stream();
    }

    @MethodSource("seeds")
    @FuzzTest
    void directoryAndParts(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] doc = Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], 6)) {
            case 0 -> FuzzContract.holds("GlobalConfDirectoryCodec.decode", DOCUMENT_CODES,
                    () -> GlobalConfDirectoryCodec.decode(doc));
            case 1 -> FuzzContract.holds("ConfigurationAnchorCodec.decode", DOCUMENT_CODES,
                    () -> ConfigurationAnchorCodec.decode(doc));
            case 2 -> FuzzContract.holds("GlobalConfPartsCodec.decode", DOCUMENT_CODES,
                    () -> GlobalConfPartsCodec.decode(parts(doc, vector("trust-params.json"))));
            case 3 -> FuzzContract.holds("GlobalConfPartsCodec.decode", DOCUMENT_CODES,
                    () -> GlobalConfPartsCodec.decode(parts(vector("shared-params.json"), doc)));
            case 4 -> FuzzContract.holds("GlobalConfLayout.decodeLatest", DOCUMENT_CODES, () -> {
                if (GlobalConfLayout.decodeLatest(doc) <= 0) {
                    throw new AssertionError("latest decoded to a generation that is not positive");
                }
            });
            default -> FuzzContract.holds("GlobalConfVerifier.verifyDirectory", SIGNATURE_CODES,
                    () -> VERIFIER.verifyDirectory(DIRECTORY, doc, NOW));
        }
    }

    private static Map<String, byte[]> parts(byte[] sharedParams, byte[] trustParams) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(GlobalConfLayout.SHARED_PARAMS, sharedParams);
        parts.put(GlobalConfLayout.TRUST_PARAMS, trustParams);
        return parts;
    }

    private static byte[] read(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] vector(String name) {
        return Seeds.vector("globalconf", name);
    }
}
