// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.BAD_REQUEST;
import static org.zhol.protocol.error.ErrorCode.INCONSISTENT_RESPONSE;
import static org.zhol.protocol.error.ErrorCode.INVALID_HTTP_METHOD;
import static org.zhol.protocol.error.ErrorCode.INVALID_MESSAGE;
import static org.zhol.protocol.error.ErrorCode.INVALID_PROTOCOL_VERSION;
import static org.zhol.protocol.error.ErrorCode.INVALID_REFERENCE;
import static org.zhol.protocol.error.ErrorCode.INVALID_XML;
import static org.zhol.protocol.error.ErrorCode.MALFORMED_HASH_CHAIN;
import static org.zhol.protocol.error.ErrorCode.NETWORK_ERROR;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameCodec;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.HelloCodec;
import org.zhol.protocol.transport.MessageReader;
import org.zhol.protocol.transport.TrailerCodec;
import org.zhol.protocol.transport.TransportLimits;

/**
 * Fuzz target {@code transport}: the framing between security servers and the message it carries
 * ({@code docs/transport.md}): {@link FrameCodec.Decoder}, then {@link HelloCodec} for a leading HELLO,
 * then {@link MessageReader} for the frames of one message, read both as a request and as the response
 * to the vector request.
 *
 * <p>Input: the byte stream. It is fed to the decoder in pieces whose size comes from the stream's
 * length, so that the same input always splits the same way. A stream that ends inside a frame or a
 * message must be reported as {@code NetworkError} by the reader. Seeds: {@code vectors/transport/*.frames}.
 */
class TransportFuzzTest {

    private static final TransportLimits LIMITS = TransportLimits.DEFAULT;
    private static final long MAX_BODY = 1 << 20;
    private static final Set<ErrorCode> CODES = EnumSet.of(INVALID_MESSAGE, INVALID_XML, INVALID_REFERENCE,
            INCONSISTENT_RESPONSE, BAD_REQUEST, INVALID_HTTP_METHOD, INVALID_PROTOCOL_VERSION, MALFORMED_HASH_CHAIN,
            NETWORK_ERROR);
    private static final List<Frame> REQUEST = frames(Seeds.vector("transport", "request.frames"));
    private static final MessageMetadata REQUEST_METADATA =
            MessageMetadata.decode(REQUEST.getFirst().payload(), ManifestLimits.DEFAULT);
    private static final byte[] REQUEST_MANIFEST = TrailerCodec.decode(REQUEST.getLast().payload(), LIMITS).manifest();

    static Stream<Arguments> seeds() {
        return Seeds.ofFiles(Seeds.files("transport", n -> n.endsWith(".frames")));
    }

    @MethodSource("seeds")
    @FuzzTest
    void frameStream(byte[] input) {
        List<Frame> frames = new ArrayList<>();
        FuzzContract.holds("FrameCodec.Decoder", CODES, () -> decode(input, frames));
        FuzzContract.holds("MessageReader (request)", CODES,
                () -> read(frames, MessageReader.forRequest(LIMITS, MAX_BODY)));
        FuzzContract.holds("MessageReader (response)", CODES, () -> read(frames,
                MessageReader.forResponse(LIMITS, MAX_BODY, REQUEST_METADATA, REQUEST_MANIFEST)));
    }

    /** Decodes the stream into {@code frames}; a partial frame at the end is {@code NetworkError}. */
    private static void decode(byte[] stream, List<Frame> frames) {
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        int piece = 1 + stream.length % 61;
        for (int at = 0; at < stream.length; at += piece) {
            ByteBuffer in = ByteBuffer.wrap(stream, at, Math.min(piece, stream.length - at));
            while (in.hasRemaining()) {
                decoder.decode(in).ifPresent(frames::add);
            }
        }
        if (!decoder.atFrameBoundary()) {
            throw ZholException.client(NETWORK_ERROR, "The stream ended inside a frame");
        }
    }

    /** A HELLO first is the connection's; the rest is one message, which must have ended. */
    private static void read(List<Frame> frames, MessageReader reader) {
        int from = 0;
        if (!frames.isEmpty() && frames.getFirst().type() == FrameType.HELLO) {
            HelloCodec.decode(frames.getFirst().payload(), LIMITS);
            from = 1;
        }
        if (from == frames.size()) {
            return;
        }
        for (Frame frame : frames.subList(from, frames.size())) {
            reader.accept(frame);
        }
        reader.requireDone();
    }

    /** The frames of a trusted vector stream. */
    private static List<Frame> frames(byte[] stream) {
        List<Frame> frames = new ArrayList<>();
        FrameCodec.Decoder decoder = new FrameCodec.Decoder(LIMITS);
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            decoder.decode(in).ifPresent(frames::add);
        }
        return frames;
    }
}
