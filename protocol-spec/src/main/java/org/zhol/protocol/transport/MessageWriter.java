// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.DataObjectDigest;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * Builds the frames of one outgoing message ({@code transport.md} §message) and digests its data objects
 * as they are framed, so that the sender gets the manifest to sign without ever holding the body:
 *
 * <ol>
 *   <li>{@link #start()}: the META and HEAD frames;</li>
 *   <li>{@link #body} for each piece of the body: DATA frames of at most
 *       {@link TransportLimits#maxDataBytes()} each;</li>
 *   <li>{@link #finish()}: the canonical manifest bytes, to sign;</li>
 *   <li>{@link #trailer}: the TRAILER frame with the signature.</li>
 * </ol>
 *
 * <p><b>Limits:</b> the body is at most {@code maxBodyBytes}; crossing it fails with {@code InvalidMessage}
 * (origin: whoever supplied the body) and the message must be abandoned.
 *
 * <p><b>Pitfalls:</b> not thread-safe; the steps must come in the order above
 * ({@link IllegalStateException} otherwise). DATA payloads are copies, so the caller may reuse its buffer.
 */
public final class MessageWriter {

    private enum State { NEW, BODY, FINISHED, DONE }

    private final TransportLimits limits;
    private final long maxBodyBytes;
    private final MessageMetadata metadata;
    private final MessageHead head;
    private final List<DataObject> dataObjects = new ArrayList<>(3);
    private DataObjectDigest body;
    private byte[] manifest;
    private State state = State.NEW;

    /**
     * @param limits       the frame limits
     * @param maxBodyBytes the largest body this server sends or relays
     * @param metadata     the metadata record (a response's carries the request hash)
     * @param head         the head, of the message's kind
     */
    public MessageWriter(TransportLimits limits, long maxBodyBytes, MessageMetadata metadata, MessageHead head) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.head = Objects.requireNonNull(head, "head");
    }

    /** The META and HEAD frames. */
    public List<Frame> start() {
        requireState(State.NEW);
        byte[] meta = metadata.encode();
        byte[] headBytes = HeadCodec.encode(head);
        Frame metaFrame = within(new Frame(FrameType.META, meta));
        Frame headFrame = within(new Frame(FrameType.HEAD, headBytes));
        dataObjects.add(DataObject.of(MessageParts.METADATA_URI, MessageParts.METADATA_MIME_TYPE, meta));
        dataObjects.add(DataObject.of(MessageParts.HEAD_URI, MessageParts.HEAD_MIME_TYPE, headBytes));
        body = new DataObjectDigest(MessageParts.BODY_URI, MessageParts.bodyMimeType(head));
        state = State.BODY;
        return List.of(metaFrame, headFrame);
    }

    /**
     * The DATA frames for the next {@code length} bytes of the body; none for zero bytes.
     *
     * @throws ZholException {@code InvalidMessage} when the body grows over {@code maxBodyBytes}
     */
    public List<Frame> body(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireState(State.BODY);
        if (body.length() + length > maxBodyBytes) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE,
                    "The body is longer than the limit of " + maxBodyBytes + " bytes");
        }
        List<Frame> frames = new ArrayList<>(length / limits.maxDataBytes() + 1);
        for (int at = offset, end = offset + length; at < end; ) {
            int n = Math.min(limits.maxDataBytes(), end - at);
            byte[] payload = new byte[n];
            System.arraycopy(bytes, at, payload, 0, n);
            body.update(payload, 0, n);
            frames.add(new Frame(FrameType.DATA, payload));
            at += n;
        }
        return frames;
    }

    /** {@link #body(byte[], int, int)} for the buffer's remaining bytes, which it consumes. */
    public List<Frame> body(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        return body(bytes, 0, bytes.length);
    }

    /** How many body bytes have been framed so far. */
    public long bodyLength() {
        return body == null ? 0 : body.length();
    }

    /** Ends the body and returns the canonical manifest bytes to sign. */
    public byte[] finish() {
        requireState(State.BODY);
        dataObjects.add(body.finish());
        manifest = ManifestCodec.encode(Manifest.of(dataObjects));
        state = State.FINISHED;
        return manifest.clone();
    }

    /** The data objects as digested, in manifest order; complete after {@link #finish()}. */
    public List<DataObject> dataObjects() {
        return List.copyOf(dataObjects);
    }

    /** The request hash that the response to this message must carry: SHA-256 of its manifest. */
    public byte[] manifestHash() {
        if (manifest == null) {
            throw new IllegalStateException("finish() first");
        }
        return MessageParts.requestHash(manifest);
    }

    /**
     * The TRAILER frame: the manifest from {@link #finish()}, {@code signature} over it, and the log
     * checkpoint if there is one.
     *
     * @throws ZholException {@code InternalError} when the trailer would exceed its frame limit (too many
     *                       certificates or OCSP responses in the signature)
     */
    public Frame trailer(MessageSignature signature, Optional<byte[]> checkpoint) {
        requireState(State.FINISHED);
        byte[] payload = TrailerCodec.encode(new Trailer(manifest, signature, checkpoint));
        if (payload.length > limits.maxTrailerBytes()) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "The trailer has " + payload.length
                    + " bytes; the limit is " + limits.maxTrailerBytes(), null);
        }
        state = State.DONE;
        return new Frame(FrameType.TRAILER, payload);
    }

    private Frame within(Frame frame) {
        if (frame.payload().length > limits.maxPayload(frame.type())) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "The " + frame.type() + " part has "
                    + frame.payload().length + " bytes; the limit is " + limits.maxPayload(frame.type()));
        }
        return frame;
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("the message is at " + state + ", not " + expected);
        }
    }

    @Override
    public String toString() {
        return "MessageWriter[" + state + ", body " + bodyLength() + " bytes]";
    }
}
