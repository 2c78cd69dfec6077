// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

/**
 * How a SOAP message is carried, decided from its HTTP Content-Type by {@link #of(ContentType)}.
 *
 * <p>{@code text/xml} (and a bare {@code application/xop+xml}) is a plain envelope;
 * {@code multipart/related} with {@code type="text/xml"} is SOAP with attachments (SwA), with
 * {@code type="application/xop+xml"} MTOM. A {@code multipart/related} without {@code type} is taken as
 * SwA and judged by its root part. Anything else is {@code InvalidContentType}, as X-Road answers.
 */
public enum SoapContentKind {
    /** A plain SOAP envelope as the whole body. */
    XML,
    /** SOAP with attachments: the envelope is the first part, attachments follow. */
    SWA,
    /** MTOM/XOP: the envelope is the first part ({@code application/xop+xml}), binaries follow. */
    MTOM;

    /** The kind for {@code contentType}; multipart kinds are checked to carry a boundary. */
    public static SoapContentKind of(ContentType contentType) {
        switch (contentType.mediaType()) {
            case "text/xml", "application/xop+xml" -> {
                return XML;
            }
            case "multipart/related" -> {
                contentType.boundary();
                String type = contentType.parameter("type").orElse("text/xml").toLowerCase(java.util.Locale.ROOT);
                return switch (type) {
                    case "text/xml" -> SWA;
                    case "application/xop+xml" -> MTOM;
                    default -> throw ContentType.bad("Multipart type '" + org.zhol.protocol.error.Faults.excerpt(type)
                            + "' is not SOAP");
                };
            }
            default -> throw ContentType.bad("Invalid content type: "
                    + org.zhol.protocol.error.Faults.excerpt(contentType.mediaType()));
        }
    }

    /** Whether the root part's media type fits this kind. */
    boolean acceptsRoot(String mediaType) {
        return switch (this) {
            case XML -> true;
            case SWA -> "text/xml".equals(mediaType);
            case MTOM -> "application/xop+xml".equals(mediaType);
        };
    }
}
