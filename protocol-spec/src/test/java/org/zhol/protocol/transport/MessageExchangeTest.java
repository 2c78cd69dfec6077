// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.manifest.BatchManifestSigner;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.ManifestSigner;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.manifest.VerifiedSignature;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;

/**
 * {@link MessageWriter} and {@link MessageReader} together, with real CAdES signatures from the test PKI
 * verified by {@code MessageSignatureVerifier}: round trips in both signature modes, and every refusal of
 * the sequencing rules.
 */
class MessageExchangeTest {

    private static final TransportLimits LIMITS = TransportLimits.DEFAULT;
    private static final long MAX_BODY = 1 << 20;
    private static SignatureFixture signer;
    private static Instant now;

    @BeforeAll
    static void pki() {
        signer = SignatureFixture.create(false);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static MessageMetadata metadata(Optional<byte[]> requestHash) {
        return new MessageMetadata("msg-1", ClientId.parse("DEV/GOV/1234/CLIENT"),
                ServiceId.parse("DEV/COM/5678/PROVIDER/items"), now, requestHash);
    }

    static RequestHead requestHead() {
        return new RequestHead(MessageProtocol.REST, RestMethod.POST, "/v1/items", Optional.of("x=1"),
                List.of(new HttpHeader("Content-Type", "application/octet-stream; x=y"),
                        new HttpHeader("X-Road-Client", "DEV/GOV/1234/CLIENT")));
    }

    /** A written message: its frames, its manifest and the writer's digests. */
    record Written(List<Frame> frames, byte[] manifest, List<DataObject> dataObjects) {
    }

    static Written write(MessageMetadata metadata, MessageHead head, byte[] body, int chunk, boolean batch) {
        MessageWriter writer = new MessageWriter(LIMITS, MAX_BODY, metadata, head);
        List<Frame> frames = new ArrayList<>(writer.start());
        for (int at = 0; at < body.length; at += chunk) {
            frames.addAll(writer.body(body, at, Math.min(chunk, body.length - at)));
        }
        byte[] manifest = writer.finish();
        List<byte[]> ocsp = List.of(signer.ocspResponse(now));
        MessageSignature signature = batch
                ? new BatchManifestSigner(signer.cadesSigner()).sign(List.of(new byte[] {1}, manifest, new byte[] {2}),
                        now, ocsp).get(1)
                : new ManifestSigner(signer.cadesSigner()).sign(manifest, now, ocsp);
        frames.add(writer.trailer(signature, Optional.of(new byte[] {42})));
        return new Written(frames, manifest, writer.dataObjects());
    }

    static byte[] body(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Feeds every frame; returns the completed message and the body as handed on. */
    static ReceivedMessage read(MessageReader reader, List<Frame> frames, ByteArrayOutputStream bodyOut) {
        ReceivedMessage done = null;
        for (Frame frame : frames) {
            ReadEvent event = reader.accept(frame);
            if (event instanceof ReadEvent.Data data) {
                assertThat(data.bytes()).isSameAs(frame.payload());
                bodyOut.writeBytes(data.bytes());
            } else if (event instanceof ReadEvent.Complete complete) {
                done = complete.message();
            }
        }
        reader.requireDone();
        return done;
    }

    static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (ZholException e) {
            return e.code();
        }
        throw new AssertionError("no ZholException");
    }

    @Test
    void requestRoundTripsAndVerifiesInBothModes() {
        for (boolean batch : new boolean[] {false, true}) {
            byte[] body = body(200_000);
            Written written = write(metadata(Optional.empty()), requestHead(), body, 100_000, batch);
            assertThat(written.frames()).extracting(Frame::type).containsExactly(FrameType.META, FrameType.HEAD,
                    FrameType.DATA, FrameType.DATA, FrameType.DATA, FrameType.DATA, FrameType.TRAILER);
            assertThat(written.frames()).allSatisfy(f -> FrameCodec.requireWithin(f, LIMITS));
            ByteArrayOutputStream passed = new ByteArrayOutputStream();
            ReceivedMessage received = read(MessageReader.forRequest(LIMITS, MAX_BODY), written.frames(), passed);
            assertThat(passed.toByteArray()).isEqualTo(body);
            assertThat(received.bodyLength()).isEqualTo(body.length);
            assertThat(received.head()).isEqualTo(requestHead());
            assertThat(received.metadata()).isEqualTo(metadata(Optional.empty()));
            assertThat(received.dataObjects()).isEqualTo(written.dataObjects());
            assertThat(received.dataObjects()).extracting(DataObject::uri, DataObject::mimeType).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("metadata.xml", "application/xml"),
                    org.assertj.core.groups.Tuple.tuple("head.json", "application/json"),
                    org.assertj.core.groups.Tuple.tuple("body", "application/octet-stream"));
            assertThat(received.trailer().checkpoint()).hasValueSatisfying(c -> assertThat(c).containsExactly(42));
            VerifiedSignature verified = signer.verifier().verify(received.signedMessage(), SignatureFixture.MEMBER, now);
            assertThat(verified.batchRoot().isPresent()).isEqualTo(batch);
        }
    }

    @Test
    void responseCarriesTheRequestHashAndAnEmptyBodyHasNoDataFrames() throws Exception {
        Written request = write(metadata(Optional.empty()), requestHead(), new byte[0], 1, false);
        assertThat(request.frames()).extracting(Frame::type)
                .containsExactly(FrameType.META, FrameType.HEAD, FrameType.TRAILER);
        assertThat(request.dataObjects().get(2).digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
        byte[] hash = MessageParts.requestHash(request.manifest());
        ResponseHead head = new ResponseHead(MessageProtocol.REST, 201,
                List.of(new HttpHeader("Content-Type", "application/json")));
        Written response = write(metadata(Optional.of(hash)), head, "{\"id\":7}".getBytes(StandardCharsets.UTF_8),
                3, false);
        ReceivedMessage received = read(MessageReader.forResponse(LIMITS, MAX_BODY, metadata(Optional.empty()), request.manifest()),
                response.frames(), new ByteArrayOutputStream());
        assertThat(received.head()).isEqualTo(head);
        assertThat(received.dataObjects().get(2).mimeType()).isEqualTo("application/json");
        signer.verifier().verify(received.signedMessage(), SignatureFixture.MEMBER, now);

        assertThat(codeOf(() -> read(MessageReader.forResponse(LIMITS, MAX_BODY, metadata(Optional.empty()), new byte[] {1}), response.frames(),
                new ByteArrayOutputStream()))).isEqualTo(ErrorCode.INCONSISTENT_RESPONSE);
        assertThat(codeOf(() -> read(MessageReader.forResponse(LIMITS, MAX_BODY, metadata(Optional.empty()), request.manifest()),
                request.frames(), new ByteArrayOutputStream()))).as("a request where a response belongs")
                .isEqualTo(ErrorCode.INCONSISTENT_RESPONSE);
        MessageMetadata otherRequest = new MessageMetadata("msg-2", ClientId.parse("DEV/GOV/1234/CLIENT"),
                ServiceId.parse("DEV/COM/5678/PROVIDER/items"), now, Optional.empty());
        assertThat(codeOf(() -> read(MessageReader.forResponse(LIMITS, MAX_BODY, otherRequest, request.manifest()),
                response.frames(), new ByteArrayOutputStream()))).as("another message id")
                .isEqualTo(ErrorCode.INCONSISTENT_RESPONSE);
        assertThat(codeOf(() -> read(MessageReader.forRequest(LIMITS, MAX_BODY), response.frames(),
                new ByteArrayOutputStream()))).as("a response where a request belongs")
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void aTamperedBodyIsFoundByTheReader() {
        Written written = write(metadata(Optional.empty()), requestHead(), body(1000), 1000, false);
        List<Frame> frames = new ArrayList<>(written.frames());
        byte[] data = frames.get(2).payload().clone();
        data[500] ^= 0x01;
        frames.set(2, new Frame(FrameType.DATA, data));
        assertThat(codeOf(() -> read(MessageReader.forRequest(LIMITS, MAX_BODY), frames, new ByteArrayOutputStream())))
                .isEqualTo(ErrorCode.INVALID_REFERENCE);
    }

    @Test
    void framesOutOfOrderAreRefused() {
        List<Frame> f = write(metadata(Optional.empty()), requestHead(), body(10), 5, false).frames();
        Frame meta = f.get(0);
        Frame head = f.get(1);
        Frame data = f.get(2);
        Frame trailer = f.get(4);
        Frame hello = new Frame(FrameType.HELLO, HelloCodec.encode(Hello.of(new byte[] {1})));
        List<List<Frame>> wrong = List.of(List.of(head), List.of(data), List.of(trailer), List.of(meta, meta),
                List.of(meta, data), List.of(meta, head, head), List.of(meta, head, meta), List.of(meta, head, hello),
                List.of(hello), List.of(meta, head, data, f.get(3), trailer, data),
                List.of(meta, head, data, f.get(3), trailer, trailer),
                List.of(meta, head, new Frame(FrameType.DATA, new byte[0])),
                List.of(meta, head, new Frame(FrameType.DATA, new byte[LIMITS.maxDataBytes() + 1])));
        for (List<Frame> frames : wrong) {
            MessageReader reader = MessageReader.forRequest(LIMITS, MAX_BODY);
            assertThat(codeOf(() -> frames.forEach(reader::accept))).as(frames.toString())
                    .isEqualTo(ErrorCode.INVALID_MESSAGE);
            assertThat(codeOf(() -> reader.accept(meta))).as("stays failed").isEqualTo(ErrorCode.INVALID_MESSAGE);
        }
    }

    @Test
    void aFaultMayComeAtAnyPointAndEndsTheMessage() {
        List<Frame> f = write(metadata(Optional.empty()), requestHead(), body(10), 5, false).frames();
        Frame fault = new Frame(FrameType.FAULT, TransportFaultCodec.encode(TransportFault.of(
                ZholException.client(ErrorCode.ACCESS_DENIED, "no").withPrefix(FaultPrefix.SERVER_SERVER_PROXY))));
        for (int before = 0; before <= 4; before++) {
            MessageReader reader = MessageReader.forRequest(LIMITS, MAX_BODY);
            for (int i = 0; i < before; i++) {
                reader.accept(f.get(i));
            }
            assertThat(reader.isDone()).isFalse();
            assertThat(codeOf(reader::requireDone)).isEqualTo(ErrorCode.NETWORK_ERROR);
            ReadEvent event = reader.accept(fault);
            assertThat(event).isInstanceOfSatisfying(ReadEvent.Fault.class, e -> assertThat(
                    e.fault().toException().faultCode().toString()).isEqualTo("Server.ServerProxy.AccessDenied"));
            assertThat(reader.isDone()).isTrue();
            reader.requireDone();
            assertThat(codeOf(() -> reader.accept(f.get(0)))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        }
    }

    @Test
    void theBodyLimitHoldsOnBothSides() {
        MessageWriter writer = new MessageWriter(LIMITS, 10, metadata(Optional.empty()), requestHead());
        writer.start();
        writer.body(new byte[10], 0, 10);
        assertThat(codeOf(() -> writer.body(new byte[1], 0, 1))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        List<Frame> frames = write(metadata(Optional.empty()), requestHead(), body(11), 11, false).frames();
        assertThat(codeOf(() -> read(MessageReader.forRequest(LIMITS, 10), frames, new ByteArrayOutputStream())))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        read(MessageReader.forRequest(LIMITS, 11), frames, new ByteArrayOutputStream());
    }

    @Test
    void theWriterInsistsOnItsOrder() {
        MessageWriter writer = new MessageWriter(LIMITS, MAX_BODY, metadata(Optional.empty()), requestHead());
        assertThatThrownBy(() -> writer.body(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        writer.start();
        assertThatThrownBy(writer::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.trailer(new MessageSignature.Single(new byte[1]), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        writer.finish();
        assertThat(writer.manifestHash()).hasSize(32);
        assertThatThrownBy(() -> writer.body(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }
}
