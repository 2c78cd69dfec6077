// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.tsp.TimestampQuery;
import org.zhol.protocol.tsp.TimestampResponse;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * Writes the checked-in vectors of {@code protocol-spec/src/test/resources/vectors/tsp/} once, from a
 * real {@link DevTsa}. Run it only to regenerate them:
 * {@code ./zhol test -pl protocol-spec,examples -am -Dtest=DevTsaVectorsGenerator -Dzhol.generateVectors=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Certificates and tokens only; the keys stay in a temporary
 * directory.
 */
@EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
class DevTsaVectorsGenerator {

    static final Path OUT = Path.of("../protocol-spec/src/test/resources/vectors/tsp");
    static final byte[] DATA = "Zhol time-stamp test vector\n".getBytes(StandardCharsets.UTF_8);

    private final List<Map<String, Object>> cases = new ArrayList<>();

    @Test
    void generate(@TempDir Path dir) throws Exception {
        Files.createDirectories(OUT.resolve("mutations"));
        Files.write(OUT.resolve("data.txt"), DATA);
        Files.write(OUT.resolve("other-data.txt"), "another message\n".getBytes(StandardCharsets.UTF_8));
        byte[] digest = TimestampQuery.sha256(DATA);
        try (DevTsa other = DevTsa.onLoopback(dir.resolve("other"), 0)) {
            other.start();
            Files.writeString(OUT.resolve("other-tsa.pem"), pem(other.certificate()));
        }
        try (DevTsa tsa = DevTsa.onLoopback(dir.resolve("tsa"), 0)) {
            tsa.start();
            Files.writeString(OUT.resolve("tsa.pem"), pem(tsa.certificate()));
            Files.writeString(OUT.resolve("tsaroot.pem"), pem(tsa.rootCertificate()));
            byte[] reply = post(tsa.url(), TimestampQuery.withoutNonce(digest).encoded());
            Files.write(OUT.resolve("reply.tsr"), reply);
            TimestampToken token = TimestampResponse.decode(reply).token().orElseThrow();
            byte[] der = token.encoded();
            Files.write(OUT.resolve("token.tst"), der);
            TimeStampRequestGenerator noCert = new TimeStampRequestGenerator();
            noCert.setCertReq(false);
            byte[] noCertReply = post(tsa.url(), noCert.generate(TSPAlgorithms.SHA256, digest).getEncoded());
            Files.write(OUT.resolve("mutations/token-without-certificate.tst"),
                    TimestampResponse.decode(noCertReply).token().orElseThrow().encoded());
            addCases(der, token);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(OUT.resolve("cases.json").toFile(),
                Map.of("cases", cases));
    }

    private void addCases(byte[] der, TimestampToken token) throws Exception {
        TimeStampToken bc = new TimeStampToken(new CMSSignedData(der));
        byte[] signature = bc.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getSignature();
        byte[] genTime = bc.getTimeStampInfo().toASN1Structure().getGenTime().getEncoded(ASN1Encoding.DER);
        add("happy", "token.tst", "data.txt", "tsa.pem", DevTsa.POLICY_OID, null, token);
        add("flipped-signature-byte", mutate("token-flipped-signature.tst", flip(der,
                indexOf(der, signature) + signature.length - 1)), "data.txt", "tsa.pem", null,
                "TimestampValidation.InvalidSignatureValue", null);
        add("flipped-gentime-byte", mutate("token-flipped-gentime.tst", flip(der,
                indexOf(der, genTime) + genTime.length - 2)), "data.txt", "tsa.pem", null,
                "TimestampValidation.InvalidSignatureValue", null);
        add("truncated", mutate("token-truncated.tst", Arrays.copyOf(der, der.length - 1)), "data.txt", "tsa.pem",
                null, "TimestampValidation.MalformedSignature", null);
        byte[] garbage = Arrays.copyOf(der, der.length + 2);
        add("trailing-garbage", mutate("token-trailing-garbage.tst", garbage), "data.txt", "tsa.pem", null,
                "TimestampValidation.MalformedSignature", null);
        add("other-data", "token.tst", "other-data.txt", "tsa.pem", null, "TimestampValidation.InvalidReference",
                null);
        add("unapproved-tsa", "token.tst", "data.txt", "other-tsa.pem", null,
                "TimestampValidation.IncorrectCertificate", null);
        add("wrong-policy", "token.tst", "data.txt", "tsa.pem", "2.999.3161.2",
                "TimestampValidation.IncorrectValidationInfo", null);
        add("certificate-not-embedded", "mutations/token-without-certificate.tst", "data.txt", "tsa.pem", null,
                "TimestampValidation.CertNotFound", null);
    }

    private void add(String name, String token, String data, String tsa, String policy, String expected,
            TimestampToken happy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("token", token);
        c.put("data", data);
        c.put("approvedTsa", tsa);
        c.put("requiredPolicy", policy);
        c.put("expected", expected);
        if (happy != null) {
            c.put("genTime", happy.genTime().toString());
            c.put("serialNumber", happy.serialNumber().toString());
        }
        cases.add(c);
    }

    private static String mutate(String name, byte[] bytes) throws IOException {
        Files.write(OUT.resolve("mutations").resolve(name), bytes);
        return "mutations/" + name;
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] out = bytes.clone();
        out[index] ^= 0x01;
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    private static String pem(X509Certificate cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(cert);
        }
        return out.toString();
    }

    private static byte[] post(URI url, byte[] query) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
    }
}
