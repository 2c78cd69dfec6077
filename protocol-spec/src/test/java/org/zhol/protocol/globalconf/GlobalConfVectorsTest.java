// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ZholException;

/**
 * Runs the checked-in vectors of {@code vectors/globalconf/}: a signed generation and its systematic
 * mutations, each named in {@code cases.json} with the fault code it must give (or none).
 */
class GlobalConfVectorsTest {

    private static final String DIR = "/vectors/globalconf/";

    static Stream<JsonNode> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(bytes("cases.json"));
        return StreamSupport.stream(root.get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(JsonNode c) {
        ConfigurationAnchor anchor = ConfigurationAnchorCodec.decode(bytes(c.get("anchor").textValue()));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        c.get("parts").properties().forEach(e -> parts.put(e.getKey(), bytes(e.getValue().textValue())));
        GlobalConfFiles files = new GlobalConfFiles(bytes(c.get("directory").textValue()),
                bytes(c.get("signature").textValue()), parts);
        Instant now = Instant.parse(c.get("now").textValue());
        GlobalConfVerifier verifier = new GlobalConfVerifier(anchor);

        if (c.get("expected").isNull()) {
            VerifiedGlobalConf verified = verifier.verifyAndDecode(files, now);
            assertThat(verified.configuration().instance()).isEqualTo(anchor.instance());
            assertThat(verified.configuration().members()).hasSize(2);
        } else {
            assertThatThrownBy(() -> verifier.verifyAndDecode(files, now)).isInstanceOfSatisfying(
                    ZholException.class, e -> assertThat(e.faultCode()).hasToString(c.get("expected").textValue()));
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = GlobalConfVectorsTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
