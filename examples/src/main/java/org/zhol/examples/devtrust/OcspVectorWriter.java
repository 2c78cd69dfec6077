// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.ocsp.OcspFailure;
import org.zhol.protocol.ocsp.OcspRequest;
import org.zhol.protocol.ocsp.OcspResponse;

/**
 * Writes the OCSP test vectors of {@code protocol-spec/src/test/resources/vectors/ocsp/}:
 * {@code java -cp ... org.zhol.examples.devtrust.OcspVectorWriter OUTPUT_DIR}. Run once; the files
 * are committed and the keys, made in a temporary directory, are thrown away.
 */
public final class OcspVectorWriter {

    private OcspVectorWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("ocsp-vectors");
        DevCa ca = new DevCa(work.resolve("ca"));
        ca.start();
        // A copy of the CA issues the "unknown" certificate: same issuer, a serial the CA never recorded.
        copy(work.resolve("ca"), work.resolve("ca-copy"));
        DevCa copy = new DevCa(work.resolve("ca-copy"));
        copy.start();
        DevCa other = new DevCa(work.resolve("other"));
        other.start();

        X509Certificate subject = ca.issue(csr("CN=1234, O=GOV, serialNumber=DEV/GOV/1234"), CertificateRole.SIGNING);
        X509Certificate revoked = ca.issue(csr("CN=5678, O=GOV"), CertificateRole.SIGNING);
        ca.revoke(revoked.getSerialNumber(), 1, Instant.now().minus(Duration.ofMinutes(5)));
        X509Certificate unknown = copy.issue(csr("CN=9999, O=GOV"), CertificateRole.SIGNING);

        DevOcspResponder responder = new DevOcspResponder(ca, new InetSocketAddress(0));
        DevOcspResponder stranger = new DevOcspResponder(other, new InetSocketAddress(0));
        byte[] good = responder.respond(request(subject, ca));
        write(out, "ca.pem", DevCaStore.pem(ca.certificate()));
        write(out, "responder.pem", DevCaStore.pem(ca.ocspResponder().certificate()));
        write(out, "subject.pem", DevCaStore.pem(subject));
        write(out, "revoked.pem", DevCaStore.pem(revoked));
        write(out, "unknown.pem", DevCaStore.pem(unknown));
        Files.write(out.resolve("good.der"), good);
        Files.write(out.resolve("revoked.der"), responder.respond(request(revoked, ca)));
        Files.write(out.resolve("unknown.der"), responder.respond(request(unknown, ca)));
        Files.write(out.resolve("wrong-responder.der"), stranger.respond(request(subject, ca)));
        writeMutations(out, good);
        writeManifest(out, OcspResponse.decode(good).thisUpdate());
    }

    private static void writeMutations(Path out, byte[] good) throws Exception {
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(good).getResponseObject();
        byte[] signatureFlipped = good.clone();
        signatureFlipped[indexOf(good, basic.getSignature()) + basic.getSignature().length - 1] ^= 0x01;
        byte[] tbsFlipped = good.clone();
        tbsFlipped[indexOf(good, basic.getResponses()[0].getCertID().getIssuerKeyHash()) + 10] ^= 0x01;
        Files.write(out.resolve("good-signature-flipped.der"), signatureFlipped);
        Files.write(out.resolve("good-tbs-flipped.der"), tbsFlipped);
        Files.write(out.resolve("good-truncated.der"), Arrays.copyOf(good, good.length - 10));
        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        Files.write(out.resolve("good-trailing-garbage.der"), trailing);
    }

    private static void writeManifest(Path out, Instant thisUpdate) throws IOException {
        Instant at = thisUpdate.plus(Duration.ofMinutes(1));
        StringBuilder text = new StringBuilder("# response\tcertificate\tverified at\texpected fault code or OK\n");
        line(text, "good.der", "subject.pem", at, "OK");
        line(text, "good.der", "subject.pem", thisUpdate.plus(Duration.ofHours(2)), OcspFailure.NOT_FRESH);
        line(text, "good.der", "subject.pem", thisUpdate.minus(Duration.ofMinutes(10)), OcspFailure.NOT_FRESH);
        line(text, "good.der", "revoked.pem", at, OcspFailure.OTHER_CERTIFICATE);
        line(text, "revoked.der", "revoked.pem", at, OcspFailure.REVOKED);
        line(text, "unknown.der", "unknown.pem", at, OcspFailure.UNKNOWN);
        line(text, "wrong-responder.der", "subject.pem", at, OcspFailure.UNAUTHORISED_RESPONDER);
        line(text, "good-signature-flipped.der", "subject.pem", at, OcspFailure.BAD_SIGNATURE);
        line(text, "good-tbs-flipped.der", "subject.pem", at, OcspFailure.BAD_SIGNATURE);
        line(text, "good-truncated.der", "subject.pem", at, OcspFailure.MALFORMED);
        line(text, "good-trailing-garbage.der", "subject.pem", at, OcspFailure.MALFORMED);
        write(out, "vectors.tsv", text.toString());
    }

    private static void line(StringBuilder text, String response, String cert, Instant at, Object expected) {
        String code = expected instanceof OcspFailure failure ? failure.faultCode().toString() : expected.toString();
        text.append(response).append('\t').append(cert).append('\t').append(at).append('\t').append(code).append('\n');
    }

    private static byte[] request(X509Certificate cert, DevCa ca) {
        return OcspRequest.create(cert, ca.certificate(), Optional.empty()).der();
    }

    private static PKCS10CertificationRequest csr(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void write(Path out, String name, String text) throws IOException {
        Files.writeString(out.resolve(name), text, StandardCharsets.US_ASCII);
    }
}
