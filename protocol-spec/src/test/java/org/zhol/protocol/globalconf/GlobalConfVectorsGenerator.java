// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the checked-in vectors of {@code vectors/globalconf/} once. Run it only to regenerate them:
 * {@code ./zhol test -pl protocol-spec -Dtest=GlobalConfVectorsGenerator -Dzhol.generateVectors=true}.
 * It writes certificates and public data only; the signing keys live and die in this JVM.
 */
@EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
class GlobalConfVectorsGenerator {

    static final Path DIR = Path.of("src/test/resources/vectors/globalconf");
    static final Instant NOW = GlobalConfFixture.GENERATED_AT.plusSeconds(60);

    private final List<Map<String, Object>> cases = new ArrayList<>();

    @Test
    void generate() throws IOException {
        Files.createDirectories(DIR.resolve("mutations"));
        Files.createDirectories(DIR.resolve("rotation"));
        GlobalConfiguration conf = GlobalConfFixture.configuration(GlobalConfFixture.INSTANCE);
        ConfigurationSigningKey key = GlobalConfFixture.signingKey("Zhol DEV configuration signer 1");
        ConfigurationSigningKey next = GlobalConfFixture.signingKey("Zhol DEV configuration signer 2");
        GlobalConfFiles files = new GlobalConfWriter(key).write(conf, 7, GlobalConfFixture.GENERATED_AT);
        write("directory.json", files.directory());
        write("directory.json.p7s", files.signature());
        files.parts().forEach((name, bytes) -> write(name, bytes));
        write("anchor.json", anchor("DEV", key, null));
        write("anchor-other-signer.json", anchor("DEV", next, null));
        write("anchor-other-instance.json", anchor("EE", key, null));
        write("anchor-rotation.json", anchor("DEV", key, next));
        GlobalConfFiles byNext = new GlobalConfWriter(next).write(conf, 8, GlobalConfFixture.GENERATED_AT);
        write("rotation/directory.json", byNext.directory());
        write("rotation/directory.json.p7s", byNext.signature());
        byte[] notJson = "{\"formatVersion\": 1, \"instance\": \"DEV\", \"generation\": 9,\n".getBytes(
                StandardCharsets.UTF_8);
        write("mutations/signed-malformed-directory.json", notJson);
        write("mutations/signed-malformed-directory.json.p7s", new GlobalConfWriter(key).sign(notJson,
                GlobalConfFixture.GENERATED_AT));
        addCases(files);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIR.resolve("cases.json").toFile(),
                Map.of("cases", cases));
    }

    private void addCases(GlobalConfFiles files) {
        byte[] dir = files.directory();
        byte[] sig = files.signature();
        byte[] shared = files.parts().get(GlobalConfLayout.SHARED_PARAMS);
        byte[] trust = files.parts().get(GlobalConfLayout.TRUST_PARAMS);
        String expiry = GlobalConfFixture.GENERATED_AT.plusSeconds(600).toString();
        add("happy", "anchor.json", "directory.json", "directory.json.p7s", null, null, NOW.toString(), null);
        add("rotation-next-signer", "anchor-rotation.json", "rotation/directory.json", "rotation/directory.json.p7s",
                null, null, NOW.toString(), null);
        add("rotation-signer-not-in-anchor", "anchor.json", "rotation/directory.json", "rotation/directory.json.p7s",
                null, null, NOW.toString(), "IncorrectCertificate");
        add("directory-flipped-byte", "anchor.json", mutate("directory-flipped-byte.json", flip(dir,
                indexOf(dir, "\"generation\": 7") + 14)), "directory.json.p7s", null, null, NOW.toString(),
                "InvalidSignatureValue");
        add("directory-truncated", "anchor.json", mutate("directory-truncated.json",
                Arrays.copyOf(dir, dir.length - 2)), "directory.json.p7s", null, null, NOW.toString(),
                "InvalidSignatureValue");
        add("directory-trailing-garbage", "anchor.json", mutate("directory-trailing-garbage.json",
                concat(dir, "{}\n")), "directory.json.p7s", null, null, NOW.toString(), "InvalidSignatureValue");
        add("part-flipped-byte", "anchor.json", "directory.json", "directory.json.p7s", GlobalConfLayout.SHARED_PARAMS,
                mutate("shared-params-flipped-byte.json", flip(shared, indexOf(shared, "Tax Board") + 8)),
                NOW.toString(), "InvalidReference");
        add("part-truncated", "anchor.json", "directory.json", "directory.json.p7s", GlobalConfLayout.TRUST_PARAMS,
                mutate("trust-params-truncated.json", Arrays.copyOf(trust, trust.length - 3)), NOW.toString(),
                "InvalidReference");
        add("part-trailing-garbage", "anchor.json", "directory.json", "directory.json.p7s",
                GlobalConfLayout.SHARED_PARAMS, mutate("shared-params-trailing-garbage.json", concat(shared, " ")),
                NOW.toString(), "InvalidReference");
        add("signature-flipped-value-byte", "anchor.json", "directory.json", mutate("signature-flipped-value.p7s",
                flip(sig, lastIndexOf(sig, signatureValue(sig)) + signatureValue(sig).length - 1)), null, null,
                NOW.toString(), "InvalidSignatureValue");
        add("signature-truncated", "anchor.json", "directory.json", mutate("signature-truncated.p7s",
                Arrays.copyOf(sig, sig.length - 1)), null, null, NOW.toString(), "MalformedGlobalConf");
        add("signature-trailing-garbage", "anchor.json", "directory.json", mutate("signature-trailing-garbage.p7s",
                concat(sig, "\0")), null, null, NOW.toString(), "MalformedGlobalConf");
        add("signed-but-malformed-directory", "anchor.json", "mutations/signed-malformed-directory.json",
                "mutations/signed-malformed-directory.json.p7s", null, null, NOW.toString(), "MalformedGlobalConf");
        add("unknown-signer", "anchor-other-signer.json", "directory.json", "directory.json.p7s", null, null,
                NOW.toString(), "IncorrectCertificate");
        add("wrong-instance", "anchor-other-instance.json", "directory.json", "directory.json.p7s", null, null,
                NOW.toString(), "MalformedGlobalConf.InconsistentResponse");
        add("expired-at-verification-instant", "anchor.json", "directory.json", "directory.json.p7s", null, null,
                expiry, "OutdatedGlobalConf");
    }

    private void add(String name, String anchor, String directory, String signature, String replacedPart,
            String replacement, String now, String expected) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("anchor", anchor);
        c.put("directory", directory);
        c.put("signature", signature);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(GlobalConfLayout.SHARED_PARAMS, GlobalConfLayout.SHARED_PARAMS);
        parts.put(GlobalConfLayout.TRUST_PARAMS, GlobalConfLayout.TRUST_PARAMS);
        if (replacedPart != null) {
            parts.put(replacedPart, replacement);
        }
        c.put("parts", parts);
        c.put("now", now);
        c.put("expected", expected);
        cases.add(c);
    }

    private static byte[] anchor(String instance, ConfigurationSigningKey first, ConfigurationSigningKey second) {
        return ConfigurationAnchorCodec.encode(second == null
                ? GlobalConfFixture.anchor(instance, first.certificate())
                : GlobalConfFixture.anchor(instance, first.certificate(), second.certificate()));
    }

    private static String mutate(String name, byte[] bytes) {
        write("mutations/" + name, bytes);
        return "mutations/" + name;
    }

    private static void write(String name, byte[] bytes) {
        try {
            Files.write(DIR.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signatureValue(byte[] p7s) {
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(p7s).getContent());
        return SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0)).getEncryptedDigest().getOctets();
    }

    static byte[] flip(byte[] bytes, int index) {
        byte[] out = bytes.clone();
        out[index] ^= 0x01;
        return out;
    }

    static byte[] concat(byte[] bytes, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(bytes, bytes.length + t.length);
        System.arraycopy(t, 0, out, bytes.length, t.length);
        return out;
    }

    static int indexOf(byte[] haystack, String needle) {
        return lastIndexOf(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
