// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;

/**
 * The checked-in vectors of {@code vectors/transport/}: frame streams of a HELLO, requests (single and
 * batch signature, empty body, SOAP), a response, a fault, and the systematic mutations of
 * {@code cases.tsv}, each with its expected outcome. A stream is fed to {@link FrameCodec.Decoder} in
 * 7-byte pieces, its frames to {@link MessageReader}, and a complete message is verified with the
 * vector's root at a fixed instant.
 *
 * <p>Outcomes: {@code OK}; {@code fault:CODE} (the stream is a FAULT with that code); or an error code.
 * A stream that ends inside a frame or a message is {@code NetworkError}.
 */
class TransportVectorsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:01:00Z");
    private static final TransportLimits LIMITS = TransportLimits.DEFAULT;
    private static final MemberId CONSUMER = SignatureFixture.MEMBER;
    private static final MemberId PROVIDER = MemberId.parse("DEV/COM/5678");

    static byte[] read(String name) {
        try (InputStream in = TransportVectorsTest.class.getResourceAsStream("/vectors/transport/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/transport/cases.tsv", delimiter = '\t', numLinesToSkip = 1)
    void vector(String name, String file, String mutation, String expected) throws Exception {
        byte[] stream = mutate(read(file + ".frames"), mutation);
        long maxBody = mutation.equals("max-body-1000") ? 1000 : 1 << 20;
        boolean response = file.startsWith("response") || file.equals("fault") || mutation.equals("read-as-response");
        MemberId signer = response ^ mutation.equals("expect-other-member") ? PROVIDER : CONSUMER;
        List<Frame> request = split(read(mutation.equals("response-to-other-request")
                ? "request-batch.frames" : "request.frames"));
        MessageMetadata requestMetadata = MessageMetadata.decode(request.getFirst().payload(), ManifestLimits.DEFAULT);
        byte[] requestManifest = TrailerCodec.decode(request.getLast().payload(), LIMITS).manifest();
        if (expected.equals("OK") || expected.startsWith("fault:")) {
            Object outcome = run(file, stream, response, maxBody, new Request(requestMetadata, requestManifest), signer);
            if (expected.startsWith("fault:")) {
                assertThat(outcome).isInstanceOfSatisfying(TransportFault.class,
                        f -> assertThat(f.code().toString()).isEqualTo(expected.substring(6)));
            } else {
                assertThat(outcome).isNotInstanceOf(TransportFault.class);
            }
        } else {
            ZholException e = catchThrowableOfType(ZholException.class,
                    () -> run(file, stream, response, maxBody, new Request(requestMetadata, requestManifest), signer));
            assertThat(e).as("expected %s", expected).isNotNull();
            assertThat(e.code()).as(e.toString()).isEqualTo(ErrorCode.byName(expected).orElseThrow());
        }
    }

    /** Decodes and checks the stream: a {@link Hello}, a {@link TransportFault} or a verified {@link ReceivedMessage}. */
    private static Object run(String file, byte[] stream, boolean response, long maxBody, Request request,
            MemberId signer) throws Exception {
        List<Frame> frames = decode(stream);
        if (file.equals("hello")) {
            assertThat(frames).hasSize(1);
            assertThat(frames.getFirst().type()).isEqualTo(FrameType.HELLO);
            return HelloCodec.decode(frames.getFirst().payload(), LIMITS);
        }
        MessageReader reader = response ? MessageReader.forResponse(LIMITS, maxBody, request.metadata(), request.manifest())
                : MessageReader.forRequest(LIMITS, maxBody);
        Object outcome = null;
        for (Frame frame : frames) {
            switch (reader.accept(frame)) {
                case ReadEvent.Complete complete -> outcome = complete.message();
                case ReadEvent.Fault fault -> outcome = fault.fault();
                default -> { }
            }
        }
        reader.requireDone();
        if (outcome instanceof ReceivedMessage message) {
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(read("root.pem")));
            SignatureFixture.verifier(root).verify(message.signedMessage(), signer, AT);
        }
        return outcome;
    }

    /** The request a response answers. */
    private record Request(MessageMetadata metadata, byte[] manifest) {
    }

    /** The frames of a stream, fed to the decoder in 7-byte pieces; a partial frame at the end is {@code NetworkError}. */
    static List<Frame> decode(byte[] stream) {
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        List<Frame> frames = new ArrayList<>();
        for (int at = 0; at < stream.length; at += 7) {
            ByteBuffer piece = ByteBuffer.wrap(stream, at, Math.min(7, stream.length - at));
            while (piece.hasRemaining()) {
                decoder.decode(piece).ifPresent(frames::add);
            }
        }
        if (!decoder.atFrameBoundary()) {
            throw ZholException.client(ErrorCode.NETWORK_ERROR, "The stream ended inside a frame");
        }
        return frames;
    }

    /** The frames of a trusted vector stream, without limits. */
    static List<Frame> split(byte[] stream) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            FrameType type = FrameType.byCode(in.get() & 0xFF).orElseThrow();
            byte[] payload = new byte[in.getInt()];
            in.get(payload);
            frames.add(new Frame(type, payload));
        }
        return frames;
    }

    static byte[] join(List<Frame> frames) {
        return TransportVectorsGenerator.stream(frames);
    }

    /** The stream changed as {@code mutation} says. */
    static byte[] mutate(byte[] stream, String mutation) throws Exception {
        List<Frame> f = new ArrayList<>(split(stream));
        switch (mutation) {
            case "none", "max-body-1000", "expect-other-member", "response-to-other-request", "read-as-response" -> {
                return stream;
            }
            case "truncate" -> {
                return Arrays.copyOf(stream, stream.length - 3);
            }
            case "truncate-header" -> {
                byte[] longer = Arrays.copyOf(stream, stream.length + 3);
                longer[stream.length] = (byte) FrameType.DATA.code();
                return longer;
            }
            case "unknown-type" -> {
                byte[] copy = stream.clone();
                copy[0] = 0x07;
                return copy;
            }
            case "over-limit-length" -> {
                int at = FrameHeader.LENGTH * 2 + f.get(0).payload().length + f.get(1).payload().length;
                byte[] copy = stream.clone();
                ByteBuffer.wrap(copy, at + 1, 4).putInt(LIMITS.maxDataBytes() + 1);
                return copy;
            }
            case "flip-body-bit" -> f.set(2, flipped(f.get(2), f.get(2).payload().length / 2));
            case "flip-meta-bit" -> f.set(0, flipped(f.get(0), indexOf(f.get(0).payload(), "vector-")));
            case "flip-head-bit" -> f.set(1, flipped(f.get(1), indexOf(f.get(1).payload(), "dry=1")));
            case "flip-signature" -> f.set(f.size() - 1, resigned(f.getLast(), true));
            case "manifest-wrong-type" -> f.set(f.size() - 1, resigned(f.getLast(), false));
            case "swap-meta-head" -> {
                f.set(0, f.get(1));
                f.set(1, split(stream).getFirst());
            }
            case "second-head" -> f.add(2, f.get(1));
            case "second-meta" -> f.add(1, f.get(0));
            case "data-after-trailer" -> f.add(f.get(2));
            case "trailer-twice" -> f.add(f.getLast());
            case "missing-trailer" -> f.removeLast();
            case "empty-data-frame" -> f.add(2, new Frame(FrameType.DATA, new byte[0]));
            case "hello-inside" -> f.add(2, split(read("hello.frames")).getFirst());
            case "head-not-canonical" -> f.set(1, edited(f.get(1), "\",\"", "\", \""));
            case "head-duplicate-key" -> f.set(1, edited(f.get(1), "{\"headers\"", "{\"method\":\"GET\",\"headers\""));
            case "head-path-traversal" -> f.set(1, edited(f.get(1), "/v1/items", "/v1/%2e%2e/admin"));
            case "head-unknown-protocol" -> f.set(1, edited(f.get(1), "\"REST\"", "\"GRPC\""));
            case "response-other-message-id" -> f.set(0, edited(f.get(0), "vector-request", "vector-other"));
            case "meta-not-canonical" -> f.set(0, edited(f.get(0), "<MessageId>", "<MessageId >"));
            case "meta-request-hash" -> f.set(0, edited(f.get(0), "</SigningTime>",
                    "</SigningTime><RequestHash>" + "A".repeat(43) + "=</RequestHash>"));
            case "trailer-unknown-field" -> f.set(f.size() - 1, edited(f.getLast(), "{\"manifest\"",
                    "{\"extra\":1,\"manifest\""));
            case "trailer-not-canonical" -> f.set(f.size() - 1, edited(f.getLast(), "\"signature\":{",
                    "\"signature\" : {"));
            case "hello-version-2" -> f.set(0, edited(f.getFirst(), "\"version\":1", "\"version\":2"));
            case "hello-not-canonical" -> f.set(0, edited(f.getFirst(), "{\"ocsp\"", "{ \"ocsp\""));
            case "hello-duplicate-key" -> f.set(0, edited(f.getFirst(), "{\"ocsp\"", "{\"version\":1,\"ocsp\""));
            case "fault-unknown-code" -> f.set(0, edited(f.getFirst(), "AccessDenied", "AccessGranted"));
            case "fault-snake-case" -> f.set(0, edited(f.getFirst(), "Server.ServerProxy.AccessDenied",
                    "server.serverproxy.access_denied"));
            default -> throw new IllegalArgumentException("unknown mutation " + mutation);
        }
        return join(f);
    }

    private static int indexOf(byte[] payload, String text) {
        String s = new String(payload, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + text + "' in the payload");
        }
        return at;
    }

    private static Frame flipped(Frame frame, int at) {
        byte[] payload = frame.payload().clone();
        payload[at] ^= 0x01;
        return new Frame(frame.type(), payload);
    }

    private static Frame edited(Frame frame, String from, String to) {
        String text = new String(frame.payload(), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("no '" + from + "' in " + frame);
        }
        return new Frame(frame.type(), text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
    }

    /** The trailer with its signature value flipped, or its manifest's body MIME type changed. */
    private static Frame resigned(Frame frame, boolean flipSignature) throws Exception {
        Trailer trailer = TrailerCodec.decode(frame.payload(), LIMITS);
        byte[] manifest = trailer.manifest();
        MessageSignature signature = trailer.signature();
        if (flipSignature) {
            byte[] cms = signature.cms().clone();
            CadesSignatureTest.flipLastSignatureByte(cms);
            signature = switch (signature) {
                case MessageSignature.Single s -> new MessageSignature.Single(cms);
                case MessageSignature.Batch b -> new MessageSignature.Batch(b.batchRoot(), cms, b.proof());
            };
        } else {
            manifest = new String(manifest, StandardCharsets.UTF_8).replace("MimeType=\"text/plain\"",
                    "MimeType=\"text/plaiN\"").getBytes(StandardCharsets.UTF_8);
        }
        return new Frame(FrameType.TRAILER, TrailerCodec.encode(new Trailer(manifest, signature, Optional.empty())));
    }
}
