// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;

/** Properties of the transport codecs: encode-then-decode is the identity; junk only ever yields ZholException. */
class TransportPropertiesTest {

    private static final TransportLimits LIMITS = TransportLimits.DEFAULT;

    // --- round trips

    @Property(tries = 300)
    void requestHeadsRoundTrip(@ForAll("requestHeads") RequestHead head) {
        assertThat(HeadCodec.decodeRequest(HeadCodec.encode(head), LIMITS)).isEqualTo(head);
    }

    @Property(tries = 300)
    void responseHeadsRoundTrip(@ForAll("headers") List<HttpHeader> headers, @ForAll @IntRange(min = 200, max = 599)
            int status, @ForAll MessageProtocol protocol) {
        ResponseHead head = new ResponseHead(protocol, status, headers);
        assertThat(HeadCodec.decodeResponse(HeadCodec.encode(head), LIMITS)).isEqualTo(head);
    }

    @Property(tries = 200)
    void faultsRoundTrip(@ForAll String message, @ForAll Optional<@Size(max = 300) String> errorId,
            @ForAll ErrorCode code) {
        TransportFault fault = TransportFault.of(new ZholException(FaultCode.of(code), Origin.THIS_SERVER, message,
                null), errorId);
        assertThat(TransportFaultCodec.decode(TransportFaultCodec.encode(fault), LIMITS)).isEqualTo(fault);
    }

    @Property(tries = 200)
    void hellosAndTrailersRoundTrip(@ForAll @Size(min = 1, max = 3000) byte[] a, @ForAll @Size(min = 1, max = 3000)
            byte[] b, @ForAll boolean batch, @ForAll boolean checkpoint) {
        assertThat(HelloCodec.decode(HelloCodec.encode(Hello.of(a)), LIMITS)).isEqualTo(Hello.of(a));
        MessageSignature signature = batch ? new MessageSignature.Batch(b, a,
                new InclusionProof(0, 2, List.of(new byte[32]))) : new MessageSignature.Single(b);
        byte[] bytes = TrailerCodec.encode(new Trailer(a, signature, checkpoint ? Optional.of(b) : Optional.empty()));
        Trailer back = TrailerCodec.decode(bytes, LIMITS);
        assertThat(back.manifest()).isEqualTo(a);
        assertThat(back.signature().cms()).isEqualTo(signature.cms());
        assertThat(TrailerCodec.encode(back)).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void frameStreamsRoundTripWhateverTheSplit(@ForAll("frames") List<Frame> frames,
            @ForAll @IntRange(min = 1, max = 5000) int piece) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frames.forEach(f -> stream.writeBytes(FrameCodec.encode(f)));
        byte[] bytes = stream.toByteArray();
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        List<Frame> back = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += piece) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at));
            while (buffer.hasRemaining()) {
                decoder.decode(buffer).ifPresent(back::add);
            }
        }
        assertThat(decoder.atFrameBoundary()).isTrue();
        assertThat(back).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(back.get(i).type()).isEqualTo(frames.get(i).type());
            assertThat(back.get(i).payload()).isEqualTo(frames.get(i).payload());
        }
    }

    @Property(tries = 100)
    void writtenMessagesReadBack(@ForAll("requestHeads") RequestHead head, @ForAll @IntRange(max = 300_000) int length,
            @ForAll @IntRange(min = 1, max = 100_000) int chunk) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (i * 31 + length);
        }
        MessageMetadata metadata = new MessageMetadata("p", ClientId.parse("DEV/GOV/1/C"),
                ServiceId.parse("DEV/GOV/2/P/s"), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
        MessageWriter writer = new MessageWriter(LIMITS, length, metadata, head);
        List<Frame> frames = new ArrayList<>(writer.start());
        for (int at = 0; at < length; at += chunk) {
            frames.addAll(writer.body(body, at, Math.min(chunk, length - at)));
        }
        writer.finish();
        frames.add(writer.trailer(new MessageSignature.Single(new byte[] {1}), Optional.empty()));
        MessageReader reader = MessageReader.forRequest(LIMITS, length);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        ReceivedMessage received = null;
        for (Frame frame : frames) {
            switch (reader.accept(frame)) {
                case ReadEvent.Data data -> passed.writeBytes(data.bytes());
                case ReadEvent.Complete complete -> received = complete.message();
                default -> { }
            }
        }
        assertThat(passed.toByteArray()).isEqualTo(body);
        assertThat(received).isNotNull();
        assertThat(received.head()).isEqualTo(head);
        assertThat(received.dataObjects()).isEqualTo(writer.dataObjects());
    }

    // --- junk

    @Property(tries = 1000)
    void junkStreamsOnlyYieldZholException(@ForAll("junkStreams") byte[] stream) {
        try {
            FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
            MessageReader reader = MessageReader.forRequest(LIMITS, 1 << 20);
            ByteBuffer buffer = ByteBuffer.wrap(stream);
            while (buffer.hasRemaining()) {
                decoder.decode(buffer).ifPresent(reader::accept);
            }
        } catch (ZholException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    @Property(tries = 2000)
    void junkPayloadsOnlyYieldZholException(@ForAll("junkPayloads") byte[] payload) {
        tryDecode(() -> HeadCodec.decodeRequest(payload, LIMITS));
        tryDecode(() -> HeadCodec.decodeResponse(payload, LIMITS));
        tryDecode(() -> HelloCodec.decode(payload, LIMITS));
        tryDecode(() -> TrailerCodec.decode(payload, LIMITS));
        tryDecode(() -> TransportFaultCodec.decode(payload, LIMITS));
        for (FrameType type : FrameType.values()) {
            tryDecode(() -> MessageReader.forRequest(LIMITS, 100).accept(new Frame(type, payload)));
        }
    }

    private static void tryDecode(Runnable decode) {
        try {
            decode.run();
        } catch (ZholException expected) {
            assertThat(expected.detail()).isNotNull();
        }
    }

    // --- generators

    @Provide
    Arbitrary<List<HttpHeader>> headers() {
        Arbitrary<String> names = Arbitraries.strings().withChars("AZaz09!#$%&'*+-.^_`|~").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> values = Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(40)
                .filter(v -> v.indexOf('\r') < 0 && v.indexOf('\n') < 0);
        return Combinators.combine(names, values).as(HttpHeader::new).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<RequestHead> requestHeads() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@").ofMinLength(1)
                .ofMaxLength(8).filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> path = segment.list().ofMaxSize(4).map(list -> list.stream().map(s -> "/" + s)
                .reduce("", String::concat));
        Arbitrary<Optional<String>> query = Arbitraries.strings().withChars("abc019=&/?%2F").ofMaxLength(12)
                .filter(q -> !q.matches(".*%(?![0-9A-Fa-f]{2}).*")).optional();
        Arbitrary<RequestHead> rest = Combinators.combine(Arbitraries.of(RestMethod.class), path, query, headers())
                .as((m, p, q, h) -> new RequestHead(MessageProtocol.REST, m, p, q, h));
        return Arbitraries.oneOf(rest, headers().map(RequestHead::soap));
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        return Combinators.combine(Arbitraries.of(FrameType.class), Arbitraries.bytes().array(byte[].class)
                .ofMaxSize(9000)).as(Frame::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> junkStreams() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> framed = Combinators.combine(Arbitraries.integers().between(0, 7),
                junkPayloads()).as((type, payload) -> {
                    ByteBuffer out = ByteBuffer.allocate(FrameHeader.LENGTH + payload.length);
                    out.put(type.byteValue()).putInt(payload.length).put(payload);
                    return out.array();
                }).list().ofMaxSize(5).map(list -> {
                    ByteArrayOutputStream joined = new ByteArrayOutputStream();
                    list.forEach(joined::writeBytes);
                    return joined.toByteArray();
                });
        return Arbitraries.oneOf(random, framed);
    }

    @Provide
    Arbitrary<byte[]> junkPayloads() {
        List<byte[]> seeds = List.of(
                utf8("{\"headers\":[[\"Accept\",\"*/*\"]],\"method\":\"GET\",\"path\":\"/a\",\"protocol\":\"REST\",\"query\":\"q\"}"),
                utf8("{\"headers\":[],\"protocol\":\"SOAP\",\"status\":200}"),
                utf8("{\"ocsp\":\"MAMKAQA=\",\"version\":1}"),
                utf8("{\"checkpoint\":\"CQ==\",\"manifest\":\"PG0vPg==\",\"signature\":{\"batchRoot\":\"AA==\",\"cms\":\"AQ==\","
                        + "\"proof\":\"AA==\"}}"),
                utf8("{\"code\":\"Server.ServerProxy.AccessDenied\",\"detail\":\"x\",\"message\":\"y\"}"),
                new MessageMetadata("m", ClientId.parse("DEV/GOV/1/C"), ServiceId.parse("DEV/GOV/2/P/s"),
                        Instant.EPOCH, Optional.empty()).encode());
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 3)).as((seed, at, value, how) -> {
                    byte[] copy = seed.clone();
                    int i = at % copy.length;
                    return switch (how) {
                        case 0 -> {
                            copy[i] = value;
                            yield copy;
                        }
                        case 1 -> java.util.Arrays.copyOf(copy, i);
                        case 2 -> {
                            copy[i] ^= (byte) (1 << (at % 8));
                            yield copy;
                        }
                        default -> {
                            byte[] longer = java.util.Arrays.copyOf(copy, copy.length + 1);
                            System.arraycopy(copy, i, longer, i + 1, copy.length - i);
                            longer[i] = value;
                            yield longer;
                        }
                    };
                });
        return Arbitraries.oneOf(mutated, Arbitraries.bytes().array(byte[].class).ofMaxSize(100),
                Arbitraries.strings().ofMaxLength(60).map(s -> utf8("{\"" + s + "\":" + s + "}")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
