// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;

/** The frame codec and the JSON payload codecs: exact bytes, round trips and refusals. */
class TransportCodecTest {

    private static final TransportLimits LIMITS = TransportLimits.DEFAULT;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (ZholException e) {
            return e.code();
        }
        throw new AssertionError("no ZholException");
    }

    @Test
    void frameBytesAreTypeThenBigEndianLengthThenPayload() {
        byte[] bytes = FrameCodec.encode(new Frame(FrameType.DATA, new byte[] {7, 8, 9}));
        assertThat(bytes).containsExactly(0x04, 0, 0, 0, 3, 7, 8, 9);
        assertThat(new FrameHeader(FrameType.TRAILER, 0x01020304).encode()).containsExactly(0x05, 1, 2, 3, 4);
    }

    @Test
    void decoderReassemblesFramesFedOneByteAtATime() {
        List<Frame> sent = List.of(new Frame(FrameType.META, utf8("<m/>")), new Frame(FrameType.DATA, new byte[0]),
                new Frame(FrameType.DATA, new byte[70_000 - 5_000]), new Frame(FrameType.FAULT, utf8("{}")));
        ByteBuffer stream = ByteBuffer.allocate(80_000);
        sent.forEach(f -> stream.put(FrameCodec.encode(f)));
        stream.flip();
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        List<Frame> received = new ArrayList<>();
        while (stream.hasRemaining()) {
            ByteBuffer one = stream.slice(stream.position(), 1);
            stream.position(stream.position() + 1);
            decoder.decode(one).ifPresent(received::add);
            assertThat(one.hasRemaining()).isFalse();
        }
        assertThat(decoder.atFrameBoundary()).isTrue();
        assertThat(received).hasSize(4);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i).type()).isEqualTo(sent.get(i).type());
            assertThat(received.get(i).payload()).isEqualTo(sent.get(i).payload());
        }
    }

    @Test
    void decoderStopsAtTheEndOfEachFrame() {
        byte[] a = FrameCodec.encode(new Frame(FrameType.HEAD, utf8("{}")));
        byte[] b = FrameCodec.encode(new Frame(FrameType.DATA, utf8("xyz")));
        ByteBuffer both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        assertThat(decoder.decode(both).orElseThrow().type()).isEqualTo(FrameType.HEAD);
        assertThat(both.remaining()).isEqualTo(b.length);
        assertThat(decoder.decode(both).orElseThrow().payload()).isEqualTo(utf8("xyz"));
    }

    @Test
    void unknownTypeAndOverLimitLengthAreRefusedFromTheHeader() {
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        assertThat(codeOf(() -> decoder.decode(ByteBuffer.wrap(new byte[] {0x07, 0, 0, 0, 1}))))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> decoder.decode(ByteBuffer.wrap(new byte[] {0x04, 0, 0, 0, 1}))))
                .as("a failed decoder stays failed").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> FrameHeader.parse(new byte[] {0x04, 0, 1, 0, 1}, 0, LIMITS)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(FrameHeader.parse(new byte[] {0x04, 0, 1, 0, 0}, 0, LIMITS))
                .isEqualTo(new FrameHeader(FrameType.DATA, 65536));
        assertThat(codeOf(() -> FrameHeader.parse(0xFF, 0xFFFF_FFFFL, LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> FrameHeader.parse(0x05, 0xFFFF_FFFFL, LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> FrameHeader.parse(0x00, 0, LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        for (FrameType type : FrameType.values()) {
            assertThat(FrameHeader.parse(type.code(), LIMITS.maxPayload(type), LIMITS).type()).isEqualTo(type);
            assertThat(codeOf(() -> FrameHeader.parse(type.code(), LIMITS.maxPayload(type) + 1L, LIMITS)))
                    .isEqualTo(ErrorCode.INVALID_MESSAGE);
        }
    }

    @Test
    void requestHeadHasOneCanonicalForm() {
        RequestHead head = new RequestHead(MessageProtocol.REST, RestMethod.GET, "/v1/items/7", Optional.of("a=1"),
                List.of(new HttpHeader("Accept", "application/json"), new HttpHeader("X-Road-Client", "DEV/GOV/1")));
        byte[] bytes = HeadCodec.encode(head);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"headers\":[[\"Accept\",\"application/json\"],"
                + "[\"X-Road-Client\",\"DEV/GOV/1\"]],\"method\":\"GET\",\"path\":\"/v1/items/7\",\"protocol\":\"REST\","
                + "\"query\":\"a=1\"}");
        assertThat(HeadCodec.decodeRequest(bytes, LIMITS)).isEqualTo(head);
        RequestHead bare = new RequestHead(MessageProtocol.REST, RestMethod.DELETE, "", Optional.empty(), List.of());
        assertThat(new String(HeadCodec.encode(bare), StandardCharsets.UTF_8))
                .isEqualTo("{\"headers\":[],\"method\":\"DELETE\",\"path\":\"\",\"protocol\":\"REST\"}");
        RequestHead soap = RequestHead.soap(List.of(new HttpHeader("Content-Type", "text/xml; charset=utf-8"),
                new HttpHeader("SOAPAction", "\"\"")));
        assertThat(HeadCodec.decodeRequest(HeadCodec.encode(soap), LIMITS)).isEqualTo(soap);
    }

    @Test
    void responseHeadRoundTripsWithLatin1Values() {
        ResponseHead head = new ResponseHead(MessageProtocol.REST, 404, List.of(new HttpHeader("X-Name", "Tõnu\tÄ")));
        byte[] bytes = HeadCodec.encode(head);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"headers\":[[\"X-Name\",\"Tõnu\\tÄ\"]],\"protocol\":\"REST\",\"status\":404}");
        assertThat(HeadCodec.decodeResponse(bytes, LIMITS)).isEqualTo(head);
    }

    @Test
    void headsRefuseWhatTheSpecRefuses() {
        String good = "{\"headers\":[],\"method\":\"GET\",\"path\":\"/a\",\"protocol\":\"REST\"}";
        assertThat(HeadCodec.decodeRequest(utf8(good), LIMITS).path()).isEqualTo("/a");
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace(",", ", ")), LIMITS)))
                .as("whitespace").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(
                "{\"headers\":[],\"path\":\"/a\",\"method\":\"GET\",\"protocol\":\"REST\"}"), LIMITS)))
                .as("key order").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("{\"headers\"",
                "{\"method\":\"GET\",\"headers\"")), LIMITS))).as("duplicate key").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("}", ",\"x\":1}")), LIMITS)))
                .as("unknown field").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("\"protocol\":\"REST\"",
                "\"protocol\":\"rest\"")), LIMITS))).as("protocol").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("GET", "BREW")), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_HTTP_METHOD);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("/a", "/a/%2e%2E/etc")), LIMITS)))
                .as("path traversal").isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("/a", "a")), LIMITS)))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("REST", "SOAP")), LIMITS)))
                .as("SOAP with a path").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("[]", "[[\"A\"]]")), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("[]", "[[\"A B\",\"v\"]]")), LIMITS)))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> HeadCodec.decodeRequest(utf8(good.replace("[]", "[[\"A\",\"\u0100\"]]")), LIMITS)))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> HeadCodec.decodeResponse(utf8(
                "{\"headers\":[],\"protocol\":\"REST\",\"status\":99}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HeadCodec.decodeResponse(utf8(
                "{\"headers\":[],\"protocol\":\"REST\",\"status\":200.0}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        TransportLimits two = new TransportLimits(1024, 1024, 1024, 1024, 1024, 1024, 2);
        assertThat(codeOf(() -> HeadCodec.decodeResponse(HeadCodec.encode(new ResponseHead(MessageProtocol.SOAP, 200,
                List.of(new HttpHeader("A", "1"), new HttpHeader("A", "2"), new HttpHeader("A", "3")))), two)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void helloIsVersionAndOcsp() {
        Hello hello = Hello.of(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00});
        byte[] bytes = HelloCodec.encode(hello);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"ocsp\":\"MAMKAQA=\",\"version\":1}");
        assertThat(HelloCodec.decode(bytes, LIMITS)).isEqualTo(hello);
        assertThat(codeOf(() -> HelloCodec.decode(utf8("{\"ocsp\":\"MAMKAQA=\",\"version\":2}"), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_PROTOCOL_VERSION);
        assertThat(codeOf(() -> HelloCodec.decode(utf8("{\"version\":1,\"ocsp\":\"MAMKAQA=\"}"), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HelloCodec.decode(utf8("{\"ocsp\":\"\",\"version\":1}"), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> HelloCodec.decode(utf8("{\"ocsp\":\"MAMKAQA\",\"version\":1}"), LIMITS)))
                .as("unpadded base64").isEqualTo(ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void trailerCarriesEitherSignatureMode() {
        Trailer single = new Trailer(utf8("<m/>"), new MessageSignature.Single(new byte[] {1, 2}), Optional.empty());
        byte[] bytes = TrailerCodec.encode(single);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"manifest\":\"PG0vPg==\",\"signature\":{\"cms\":\"AQI=\"}}");
        Trailer decoded = TrailerCodec.decode(bytes, LIMITS);
        assertThat(decoded.manifest()).isEqualTo(single.manifest());
        assertThat(decoded.signature().cms()).isEqualTo(new byte[] {1, 2});
        assertThat(decoded.checkpoint()).isEmpty();

        InclusionProof proof = new InclusionProof(1, 2, List.of(new byte[32]));
        Trailer batch = new Trailer(utf8("<m/>"), new MessageSignature.Batch(utf8("<r/>"), new byte[] {3}, proof),
                Optional.of(new byte[] {9}));
        byte[] batchBytes = TrailerCodec.encode(batch);
        assertThat(new String(batchBytes, StandardCharsets.UTF_8)).startsWith(
                "{\"checkpoint\":\"CQ==\",\"manifest\":\"PG0vPg==\",\"signature\":{\"batchRoot\":\"PHIvPg==\",\"cms\":\"Aw==\","
                        + "\"proof\":\"");
        Trailer back = TrailerCodec.decode(batchBytes, LIMITS);
        assertThat(back.signature()).isInstanceOfSatisfying(MessageSignature.Batch.class,
                b -> assertThat(b.proof()).isEqualTo(proof));
        assertThat(TrailerCodec.encode(back)).isEqualTo(batchBytes);

        assertThat(codeOf(() -> TrailerCodec.decode(utf8("{\"manifest\":\"PG0vPg==\",\"signature\":{\"cms\":\"AQI=\","
                + "\"proof\":\"AA==\"}}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> TrailerCodec.decode(utf8("{\"manifest\":\"PG0vPg==\",\"signature\":{\"batchRoot\":\"AA==\","
                + "\"cms\":\"AQI=\",\"proof\":\"AA==\"}}"), LIMITS))).isEqualTo(ErrorCode.MALFORMED_HASH_CHAIN);
        assertThat(codeOf(() -> TrailerCodec.decode(utf8("{\"checkpoint\":\"\",\"manifest\":\"PG0vPg==\","
                + "\"signature\":{\"cms\":\"AQI=\"}}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> TrailerCodec.decode(utf8("{\"checkpoint\":null,\"manifest\":\"PG0vPg==\","
                + "\"signature\":{\"cms\":\"AQI=\"}}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void faultCarriesTheWholeCode() {
        ZholException denied = ZholException.client(ErrorCode.ACCESS_DENIED, "No access to getRandom")
                .withPrefix(FaultPrefix.SERVER_SERVER_PROXY);
        TransportFault fault = TransportFault.of(denied, Optional.of("err-1"));
        byte[] bytes = TransportFaultCodec.encode(fault);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"code\":\"Server.ServerProxy.AccessDenied\",\"detail\":\"err-1\",\"message\":\"No access to getRandom\"}");
        TransportFault back = TransportFaultCodec.decode(bytes, LIMITS);
        assertThat(back).isEqualTo(fault);
        ZholException relayed = back.toException();
        assertThat(relayed.faultCode()).isEqualTo(denied.faultCode());
        assertThat(relayed.origin()).isEqualTo(Origin.PEER_SERVER);
        assertThat(codeOf(() -> TransportFaultCodec.decode(utf8(
                "{\"code\":\"server.serverproxy.access_denied\",\"message\":\"x\"}"), LIMITS)))
                .as("snake_case is not canonical").isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> TransportFaultCodec.decode(utf8("{\"code\":\"Server.Nope\",\"message\":\"x\"}"), LIMITS)))
                .isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(codeOf(() -> TransportFaultCodec.decode(utf8(
                "{\"code\":\"InternalError\",\"message\":\"\\ud800\"}"), LIMITS))).isEqualTo(ErrorCode.INVALID_MESSAGE);
        TransportFault lone = TransportFault.of(new ZholException(FaultCode.of(ErrorCode.INTERNAL_ERROR), Origin.THIS_SERVER,
                "x\ud800" + "y".repeat(2000), null));
        assertThat(lone.message()).hasSize(TransportFault.MAX_MESSAGE_LENGTH).startsWith("x?y");
        assertThat(TransportFaultCodec.decode(TransportFaultCodec.encode(lone), LIMITS)).isEqualTo(lone);
    }

    @Test
    void bodyMimeTypeIsTheMediaTypeWithoutParameters() {
        assertThat(MessageParts.bodyMimeType(List.of(new HttpHeader("content-type", "Text/XML; charset=UTF-8"))))
                .isEqualTo("text/xml");
        assertThat(MessageParts.bodyMimeType(List.of(new HttpHeader("Content-Type",
                "multipart/related; type=\"application/xop+xml\"; boundary=b")))).isEqualTo("multipart/related");
        assertThat(MessageParts.bodyMimeType(List.of())).isEqualTo("application/octet-stream");
        assertThat(MessageParts.bodyMimeType(List.of(new HttpHeader("Content-Type", "nonsense"))))
                .isEqualTo("application/octet-stream");
        assertThat(MessageParts.bodyMimeType(List.of(new HttpHeader("Content-Type", "a/b&c"))))
                .isEqualTo("application/octet-stream");
        assertThat(MessageParts.bodyMimeType(List.of(new HttpHeader("Content-Type", "text/plain"),
                new HttpHeader("Content-Type", "text/html")))).isEqualTo("application/octet-stream");
    }

    @Test
    void anOutgoingFrameOverItsLimitIsABug() {
        assertThatThrownBy(() -> FrameCodec.requireWithin(new Frame(FrameType.FAULT, new byte[16 * 1024 + 1]), LIMITS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
