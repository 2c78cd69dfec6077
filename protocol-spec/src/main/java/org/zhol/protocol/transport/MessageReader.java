// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.security.MessageDigest;
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
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageMetadata;

/**
 * Reads one incoming message frame by frame ({@code transport.md} §message, §sequencing): META, HEAD,
 * DATA*, TRAILER, or a FAULT at any point. It decodes the small parts, digests every data object as it
 * passes, hands each DATA payload straight on ({@link ReadEvent.Data}; the body is never accumulated),
 * and at the TRAILER checks that the manifest lists exactly the digested data objects. What it yields is
 * not verified: pass {@link ReceivedMessage#signedMessage()} to {@code MessageSignatureVerifier}.
 *
 * <p>A request's metadata record must not carry a request hash. A response's must carry the hash of the
 * request this reader was made for, and repeat its message id, client and service.
 *
 * <p><b>Limits:</b> {@link TransportLimits} per frame (also checked here, for frames that did not come
 * through {@link FrameCodec.Decoder}), the body at most {@code maxBodyBytes}, no empty DATA frame.
 *
 * <p><b>Pitfalls:</b> not thread-safe (one per message). After it has thrown, or after the TRAILER or a
 * FAULT, every further frame is refused with {@code InvalidMessage}: the connection is then out of step
 * and must be closed, unless the message ended cleanly.
 */
public final class MessageReader {

    private enum State { META, HEAD, BODY, DONE, FAILED }

    private final TransportLimits limits;
    private final long maxBodyBytes;
    private final Optional<byte[]> expectedRequestHash;
    private final Optional<MessageMetadata> request;
    private final List<DataObject> dataObjects = new ArrayList<>(3);
    private State state = State.META;
    private MessageMetadata metadata;
    private MessageHead head;
    private DataObjectDigest body;

    private MessageReader(TransportLimits limits, long maxBodyBytes, Optional<MessageMetadata> request,
            Optional<byte[]> expectedRequestHash) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.request = request;
        this.expectedRequestHash = expectedRequestHash;
    }

    /** A reader for a request (server proxy side). */
    public static MessageReader forRequest(TransportLimits limits, long maxBodyBytes) {
        return new MessageReader(limits, maxBodyBytes, Optional.empty(), Optional.empty());
    }

    /**
     * A reader for the response to the request with metadata record {@code request} and manifest bytes
     * {@code requestManifest} (client proxy side).
     */
    public static MessageReader forResponse(TransportLimits limits, long maxBodyBytes, MessageMetadata request,
            byte[] requestManifest) {
        return new MessageReader(limits, maxBodyBytes, Optional.of(request),
                Optional.of(MessageParts.requestHash(requestManifest)));
    }

    /**
     * Takes the next frame.
     *
     * @return what the frame was
     * @throws ZholException {@code InvalidMessage} for a frame out of order (HELLO, a second META or HEAD,
     *                       DATA before HEAD or after TRAILER, anything after the end), an empty DATA frame,
     *                       a frame over its limit, a body over {@code maxBodyBytes}, a request carrying a
     *                       request hash, or a HEAD, TRAILER or FAULT payload that its codec refuses (see
     *                       those for the codes of their field rules); {@code InvalidXml} for a metadata
     *                       record or manifest that is not canonical; {@code InconsistentResponse} for a
     *                       response whose request hash is missing or another request's, or whose message
     *                       id, client or service differ from the request's;
     *                       {@code InvalidReference} when the manifest does not list exactly the data
     *                       objects received
     */
    public ReadEvent accept(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        State at = state;
        state = State.FAILED;
        if (at == State.DONE || at == State.FAILED) {
            throw invalid("A " + frame.type() + " frame after the end of the message");
        }
        if (frame.payload().length > limits.maxPayload(frame.type())) {
            throw invalid("A " + frame.type() + " frame over its limit of " + limits.maxPayload(frame.type()) + " bytes");
        }
        ReadEvent event = switch (frame.type()) {
            case META -> expect(at, State.META, frame, this::meta);
            case HEAD -> expect(at, State.HEAD, frame, this::head);
            case DATA -> expect(at, State.BODY, frame, this::data);
            case TRAILER -> expect(at, State.BODY, frame, this::trailer);
            case FAULT -> fault(frame.payload());
            case HELLO -> throw invalid("A HELLO frame inside a message");
        };
        state = switch (event) {
            case ReadEvent.Metadata m -> State.HEAD;
            case ReadEvent.Head h -> State.BODY;
            case ReadEvent.Data d -> State.BODY;
            case ReadEvent.Complete c -> State.DONE;
            case ReadEvent.Fault f -> State.DONE;
        };
        return event;
    }

    /** Whether the message has ended, with its TRAILER or a FAULT. */
    public boolean isDone() {
        return state == State.DONE;
    }

    /**
     * For the end of the byte stream: fine when the message has ended.
     *
     * @throws ZholException {@code NetworkError} when the stream ended in the middle of the message
     */
    public void requireDone() {
        if (state != State.DONE && state != State.FAILED) {
            throw ZholException.client(ErrorCode.NETWORK_ERROR, "The connection ended in the middle of a message");
        }
    }

    private interface Step {
        ReadEvent apply(byte[] payload);
    }

    private static ReadEvent expect(State at, State expected, Frame frame, Step step) {
        if (at != expected) {
            throw invalid("A " + frame.type() + " frame where " + describe(expected) + " was expected");
        }
        return step.apply(frame.payload());
    }

    private static String describe(State state) {
        return switch (state) {
            case META -> "META";
            case HEAD -> "HEAD";
            default -> "DATA or TRAILER";
        };
    }

    private ReadEvent meta(byte[] payload) {
        MessageMetadata decoded = MessageMetadata.decode(payload, ManifestLimits.DEFAULT);
        Optional<byte[]> hash = decoded.requestHash();
        if (expectedRequestHash.isEmpty() && hash.isPresent()) {
            throw invalid("A request's metadata record carries a request hash");
        }
        if (expectedRequestHash.isPresent()
                && (hash.isEmpty() || !MessageDigest.isEqual(hash.get(), expectedRequestHash.get()))) {
            throw ZholException.client(ErrorCode.INCONSISTENT_RESPONSE,
                    "The response's request hash is " + (hash.isEmpty() ? "missing" : "not the request's"));
        }
        if (request.isPresent() && !(request.get().messageId().equals(decoded.messageId())
                && request.get().client().equals(decoded.client()) && request.get().service().equals(decoded.service()))) {
            throw ZholException.client(ErrorCode.INCONSISTENT_RESPONSE,
                    "The response's message id, client or service differ from the request's");
        }
        metadata = decoded;
        dataObjects.add(DataObject.of(MessageParts.METADATA_URI, MessageParts.METADATA_MIME_TYPE, payload));
        return new ReadEvent.Metadata(decoded);
    }

    private ReadEvent head(byte[] payload) {
        head = expectedRequestHash.isEmpty() ? HeadCodec.decodeRequest(payload, limits)
                : HeadCodec.decodeResponse(payload, limits);
        dataObjects.add(DataObject.of(MessageParts.HEAD_URI, MessageParts.HEAD_MIME_TYPE, payload));
        body = new DataObjectDigest(MessageParts.BODY_URI, MessageParts.bodyMimeType(head));
        return new ReadEvent.Head(head);
    }

    private ReadEvent data(byte[] payload) {
        if (payload.length == 0) {
            throw invalid("An empty DATA frame");
        }
        if (body.length() + payload.length > maxBodyBytes) {
            throw invalid("The body is longer than the limit of " + maxBodyBytes + " bytes");
        }
        body.update(payload, 0, payload.length);
        return new ReadEvent.Data(payload);
    }

    private ReadEvent trailer(byte[] payload) {
        Trailer trailer = TrailerCodec.decode(payload, limits);
        long bodyLength = body.length();
        dataObjects.add(body.finish());
        Manifest manifest = ManifestCodec.decode(trailer.manifest(), ManifestLimits.DEFAULT);
        if (!manifest.dataObjects().equals(dataObjects)) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE,
                    "The manifest does not list exactly the message's data objects");
        }
        return new ReadEvent.Complete(new ReceivedMessage(metadata, head, dataObjects, bodyLength, trailer));
    }

    private ReadEvent fault(byte[] payload) {
        return new ReadEvent.Fault(TransportFaultCodec.decode(payload, limits));
    }

    private static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_MESSAGE, detail);
    }

    @Override
    public String toString() {
        return "MessageReader[" + state + (body == null ? "" : ", body " + body.length() + " bytes") + "]";
    }
}
