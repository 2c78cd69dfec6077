// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.soap.ContentType;

/**
 * The data objects of a message on the transport ({@code transport.md} §data objects), in manifest order:
 *
 * <table>
 *   <caption>data objects</caption>
 *   <tr><th>URI</th><th>MIME type</th><th>bytes</th></tr>
 *   <tr><td>{@code metadata.xml}</td><td>{@code application/xml}</td><td>the META payload</td></tr>
 *   <tr><td>{@code head.json}</td><td>{@code application/json}</td><td>the HEAD payload</td></tr>
 *   <tr><td>{@code body}</td><td>{@link #bodyMimeType}</td><td>the DATA payloads, concatenated</td></tr>
 * </table>
 */
public final class MessageParts {

    /** The metadata record's data object URI. */
    public static final String METADATA_URI = MessageMetadata.URI;
    /** The metadata record's MIME type. */
    public static final String METADATA_MIME_TYPE = MessageMetadata.MIME_TYPE;
    /** The head's data object URI. */
    public static final String HEAD_URI = "head.json";
    /** The head's MIME type. */
    public static final String HEAD_MIME_TYPE = "application/json";
    /** The body's data object URI. */
    public static final String BODY_URI = "body";
    /** The body's MIME type when the head gives none that fits. */
    public static final String DEFAULT_BODY_MIME_TYPE = "application/octet-stream";

    // An RFC 9110 token without ' and & (which a manifest attribute would have to escape), '/', a token.
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9!#$%*+.^_`|~-]{1,127}/[a-z0-9!#$%*+.^_`|~-]{1,127}");

    private MessageParts() {
    }

    /**
     * The body's MIME type: when the head has exactly one {@code Content-Type} header and it parses, its
     * media type without parameters, in lower case (e.g. {@code text/xml} for
     * {@code text/xml; charset=UTF-8}); otherwise, also when the media type contains a character that is
     * not allowed in a manifest ({@code ' &}), {@value #DEFAULT_BODY_MIME_TYPE}. Both sides compute it from
     * the head, so it never needs to travel on its own.
     */
    public static String bodyMimeType(MessageHead head) {
        return bodyMimeType(head.headers());
    }

    /** {@link #bodyMimeType(MessageHead)} over a header list. */
    public static String bodyMimeType(List<HttpHeader> headers) {
        List<HttpHeader> contentTypes = headers.stream().filter(h -> h.is("Content-Type")).toList();
        if (contentTypes.size() != 1) {
            return DEFAULT_BODY_MIME_TYPE;
        }
        String mediaType;
        try {
            mediaType = ContentType.parse(contentTypes.getFirst().value()).mediaType();
        } catch (ZholException e) {
            return DEFAULT_BODY_MIME_TYPE;
        }
        return MEDIA_TYPE.matcher(mediaType).matches() ? mediaType : DEFAULT_BODY_MIME_TYPE;
    }

    /**
     * The request hash of a request whose manifest bytes are {@code requestManifest}: their SHA-256, as the
     * response's metadata record carries it.
     */
    public static byte[] requestHash(byte[] requestManifest) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(requestManifest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
