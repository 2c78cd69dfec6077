// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.manifest.BatchManifestSigner;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestSigner;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.testpki.TestPki;

/**
 * Regenerates {@code src/test/resources/vectors/transport/} (run once, by hand:
 * {@code ./zhol test -pl protocol-spec -Dtest=TransportVectorsGenerator -Dsurefire.failIfNoSpecifiedTests=false
 * -Dzhol.generateVectors=true}). Keys are fresh and thrown away; only the root certificate and the frame
 * streams are written. {@code cases.tsv} is maintained by hand.
 *
 * <p>Each {@code .frames} file is a byte stream as it crosses the connection: frames back to back. The
 * bodies are cut into DATA frames of at most 1 KiB so that a small vector has several.
 */
class TransportVectorsGenerator {

    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SIGNING_TIME = Instant.parse("2026-01-01T00:00:00Z");
    static final ClientId CLIENT = ClientId.parse("DEV/GOV/1234/CLIENT");
    static final ServiceId REST_SERVICE = ServiceId.parse("DEV/COM/5678/PROVIDER/items");
    static final ServiceId SOAP_SERVICE = ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom/v1");
    static final String PROVIDER_DN = "CN=Shop, O=COM, serialNumber=DEV/COM/5678";
    private static final TransportLimits SMALL_DATA = new TransportLimits(16 * 1024, 16 * 1024, 64 * 1024, 1024,
            256 * 1024, 16 * 1024, 200);

    @Test
    @EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
    void generate() throws Exception {
        Path dir = Path.of("src/test/resources/vectors/transport");
        Files.createDirectories(dir);
        TestPki.Issuer root = TestPki.rootCa("CN=Test Root, O=Zhol", NOT_BEFORE, Duration.ofDays(20 * 365));
        SignatureFixture consumer = new SignatureFixture(root, TestPki.ecKeyPair(), SignatureFixture.SIGNER_DN,
                NOT_BEFORE, Duration.ofDays(20 * 365));
        SignatureFixture provider = new SignatureFixture(root, TestPki.ecKeyPair(), PROVIDER_DN, NOT_BEFORE,
                Duration.ofDays(20 * 365));
        Files.writeString(dir.resolve("root.pem"), TestPki.pem(root.certificate()));

        Files.write(dir.resolve("hello.frames"), FrameCodec.encode(new Frame(FrameType.HELLO,
                HelloCodec.encode(Hello.of(consumer.ocspResponse(SIGNING_TIME))))));

        RequestHead restHead = new RequestHead(MessageProtocol.REST, RestMethod.POST, "/v1/items", Optional.of("dry=1"),
                List.of(new HttpHeader("Content-Type", "text/plain; charset=utf-8"),
                        new HttpHeader("X-Road-Client", "DEV/GOV/1234/CLIENT")));
        byte[] requestManifest = write(dir, "request", consumer, false,
                metadata("vector-request", REST_SERVICE, Optional.empty()), restHead, textBody(1500));
        write(dir, "request-batch", consumer, true, metadata("vector-batch", REST_SERVICE, Optional.empty()),
                restHead, textBody(1500));
        write(dir, "request-empty-body", consumer, false, metadata("vector-get", REST_SERVICE, Optional.empty()),
                new RequestHead(MessageProtocol.REST, RestMethod.GET, "/v1/items/7", Optional.empty(), List.of(
                        new HttpHeader("Accept", "application/json"))), new byte[0]);
        write(dir, "request-soap", consumer, false, metadata("vector-soap", SOAP_SERVICE, Optional.empty()),
                RequestHead.soap(List.of(new HttpHeader("Content-Type", "text/xml; charset=utf-8"),
                        new HttpHeader("SOAPAction", "\"\""))),
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">…</soapenv:Envelope>"
                        .getBytes(StandardCharsets.UTF_8));
        write(dir, "response", provider, false,
                metadata("vector-request", REST_SERVICE, Optional.of(MessageParts.requestHash(requestManifest))),
                new ResponseHead(MessageProtocol.REST, 201, List.of(new HttpHeader("Content-Type", "application/json"))),
                "{\"id\":7}".getBytes(StandardCharsets.UTF_8));
        writeExtraObject(dir, consumer, restHead);

        Files.write(dir.resolve("fault.frames"), FrameCodec.encode(new Frame(FrameType.FAULT,
                TransportFaultCodec.encode(TransportFault.of(ZholException.client(ErrorCode.ACCESS_DENIED,
                        "Access denied to service DEV/COM/5678/PROVIDER/items").withPrefix(
                        FaultPrefix.SERVER_SERVER_PROXY), Optional.of("err-0001"))))));
    }

    static MessageMetadata metadata(String id, ServiceId service, Optional<byte[]> requestHash) {
        return new MessageMetadata(id, CLIENT, service, SIGNING_TIME, requestHash);
    }

    static byte[] textBody(int length) {
        StringBuilder out = new StringBuilder();
        for (int line = 1; out.length() < length; line++) {
            out.append(String.format("line %04d of the vector body, plain text%n", line));
        }
        return out.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes one message as {@code name.frames}; returns its manifest. */
    private static byte[] write(Path dir, String name, SignatureFixture signer, boolean batch, MessageMetadata metadata,
            MessageHead head, byte[] body) throws Exception {
        MessageWriter writer = new MessageWriter(SMALL_DATA, 1 << 20, metadata, head);
        List<Frame> frames = new ArrayList<>(writer.start());
        frames.addAll(writer.body(body, 0, body.length));
        byte[] manifest = writer.finish();
        frames.add(writer.trailer(sign(signer, batch, manifest), Optional.empty()));
        Files.write(dir.resolve(name + ".frames"), stream(frames));
        return manifest;
    }

    private static MessageSignature sign(SignatureFixture signer, boolean batch, byte[] manifest) {
        List<byte[]> ocsp = List.of(signer.ocspResponse(SIGNING_TIME));
        if (batch) {
            return new BatchManifestSigner(signer.cadesSigner()).sign(List.of(new byte[] {1}, manifest, new byte[] {2}),
                    SIGNING_TIME, ocsp).get(1);
        }
        return new ManifestSigner(signer.cadesSigner()).sign(manifest, SIGNING_TIME, ocsp);
    }

    /** A request whose signed manifest lists a fourth data object that the message does not carry. */
    private static void writeExtraObject(Path dir, SignatureFixture signer, RequestHead head) throws Exception {
        MessageWriter writer = new MessageWriter(SMALL_DATA, 1 << 20,
                metadata("vector-extra", REST_SERVICE, Optional.empty()), head);
        List<Frame> frames = new ArrayList<>(writer.start());
        byte[] body = textBody(100);
        frames.addAll(writer.body(body, 0, body.length));
        writer.finish();
        List<DataObject> objects = new ArrayList<>(writer.dataObjects());
        objects.add(DataObject.of("attachment-1", "application/octet-stream", new byte[] {1}));
        byte[] manifest = ManifestCodec.encode(Manifest.of(objects));
        frames.add(new Frame(FrameType.TRAILER, TrailerCodec.encode(new Trailer(manifest,
                sign(signer, false, manifest), Optional.empty()))));
        Files.write(dir.resolve("request-extra-object.frames"), stream(frames));
    }

    static byte[] stream(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(FrameCodec.encode(f)));
        return out.toByteArray();
    }
}
