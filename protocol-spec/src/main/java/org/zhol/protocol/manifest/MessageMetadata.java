// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;

/**
 * The metadata record of a message: the first data object of every manifest, binding the signature
 * to the routing facts that are not in the body. It travels with the message as its canonical bytes
 * ({@link #encode()}); the receiver digests those bytes, and after verification {@link #decode}s them
 * and compares them with the message's headers.
 *
 * <p>Canonical form (UTF-8, no whitespace between elements, {@code RequestHash} only in responses):
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?><Metadata xmlns="urn:zhol:signature:1"><MessageId>…</MessageId>
 * <Client>EE/GOV/70000310/TAXES</Client><Service>EE/GOV/70000310/TAXES/getTax/v1</Service>
 * <SigningTime>2026-01-01T00:00:00Z</SigningTime><RequestHash>base64</RequestHash></Metadata>
 * }</pre>
 *
 * <p><b>Limits:</b> the message id has 1 to {@link #MAX_MESSAGE_ID_LENGTH} characters and no control
 * characters; the request hash, the SHA-256 of the request's manifest bytes, has 32 bytes.
 *
 * <p><b>Pitfalls:</b> the signing time is truncated to whole seconds.
 *
 * @param messageId   the message id (X-Road {@code id} / {@code X-Road-Id})
 * @param client      the client, in path form in the record
 * @param service     the service, in path form in the record
 * @param signingTime the sender's signing time, whole seconds
 * @param requestHash for a response, the SHA-256 of the request's manifest bytes; empty for a request
 */
public record MessageMetadata(String messageId, ClientId client, ServiceId service, Instant signingTime,
        Optional<byte[]> requestHash) {

    /** Limit: the longest message id, in characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 255;
    /** The namespace of Zhol's own signed documents. */
    public static final String NS = "urn:zhol:signature:1";
    /** The data object URI of the metadata record. */
    public static final String URI = "metadata.xml";
    /** The data object MIME type of the metadata record. */
    public static final String MIME_TYPE = "application/xml";

    public MessageMetadata {
        if (messageId == null || messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH
                || messageId.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
            throw new IllegalArgumentException("a message id has 1-255 characters and no control characters");
        }
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        signingTime = signingTime.truncatedTo(ChronoUnit.SECONDS);
        requestHash = requestHash.map(byte[]::clone);
        if (requestHash.isPresent() && requestHash.get().length != 32) {
            throw new IllegalArgumentException("a request hash has 32 bytes");
        }
    }

    /** The request hash; a copy. */
    @Override
    public Optional<byte[]> requestHash() {
        return requestHash.map(byte[]::clone);
    }

    /** The canonical bytes. */
    public byte[] encode() {
        return StrictXml.write(w -> {
            w.writeStartElement("", "Metadata", NS);
            w.writeDefaultNamespace(NS);
            StrictXml.writeTextElement(w, NS, "MessageId", messageId);
            StrictXml.writeTextElement(w, NS, "Client", client.toPath());
            StrictXml.writeTextElement(w, NS, "Service", service.toPath());
            StrictXml.writeTextElement(w, NS, "SigningTime", DateTimeFormatter.ISO_INSTANT.format(signingTime));
            if (requestHash.isPresent()) {
                StrictXml.writeTextElement(w, NS, "RequestHash",
                        Base64.getEncoder().encodeToString(requestHash.get()));
            }
            w.writeEndElement();
        });
    }

    /** The data object of {@link #encode()}, for the manifest. */
    public DataObject toDataObject() {
        return DataObject.of(URI, MIME_TYPE, encode());
    }

    /**
     * Reads canonical metadata bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code InvalidXml} when they are not a canonical
     *                                               metadata record
     */
    public static MessageMetadata decode(byte[] xml, ManifestLimits limits) {
        MessageMetadata metadata = StrictXml.read(xml, limits.maxSmallDocumentBytes(), ErrorCode.INVALID_XML,
                "metadata record", MessageMetadata::read);
        StrictXml.requireCanonical(xml, metadata.encode(), ErrorCode.INVALID_XML, "metadata record");
        return metadata;
    }

    private static MessageMetadata read(XMLStreamReader r) throws XMLStreamException {
        StrictXml.expectStart(r, NS, "Metadata");
        String id = StrictXml.textElement(r, NS, "MessageId");
        ClientId client = ClientId.parse(StrictXml.textElement(r, NS, "Client"));
        ServiceId service = ServiceId.parse(StrictXml.textElement(r, NS, "Service"));
        Instant time = StrictXml.instant(StrictXml.textElement(r, NS, "SigningTime"));
        Optional<byte[]> hash = Optional.empty();
        if (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            StrictXml.expectStart(r, NS, "RequestHash");
            hash = Optional.of(StrictXml.sha256Value(r.getElementText()));
            r.nextTag();
        }
        return new MessageMetadata(id, client, service, time, hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageMetadata that && messageId.equals(that.messageId)
                && client.equals(that.client) && service.equals(that.service)
                && signingTime.equals(that.signingTime) && requestHash.isPresent() == that.requestHash.isPresent()
                && (requestHash.isEmpty() || MessageDigest.isEqual(requestHash.get(), that.requestHash.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, client, service, signingTime, requestHash.map(Arrays::hashCode));
    }

    @Override
    public String toString() {
        return "MessageMetadata[" + messageId + ", " + client + ", " + service + ", " + signingTime
                + (requestHash.isPresent() ? ", response" : ", request") + "]";
    }
}
