// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.InputStream;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Opens a SwA or MTOM message (PR-MESS §2.4): checks the Content-Type, splits the body and returns
 * its first part, which must be the SOAP envelope; the attachments follow from the same splitter.
 *
 * <p>Faults: {@code InvalidContentType} when the message or root part type is not SOAP;
 * {@code MissingSoap} when there is no first part, it has no Content-Type, or its Content-ID is not
 * the {@code start} parameter; {@code MimeParsingFailed} for framing errors.
 */
public final class SoapMultipart {

    private final MimePartSplitter splitter;
    private final MimePart root;
    private final ContentType rootType;

    private SoapMultipart(MimePartSplitter splitter, MimePart root, ContentType rootType) {
        this.splitter = splitter;
        this.root = root;
        this.rootType = rootType;
    }

    /** Reads up to the body of the SOAP part of a multipart message of type {@code contentType}. */
    public static SoapMultipart open(ContentType contentType, InputStream body, SoapLimits limits) {
        SoapContentKind kind = SoapContentKind.of(contentType);
        if (kind == SoapContentKind.XML) {
            throw ContentType.bad("Not a multipart message: " + contentType.mediaType());
        }
        MimePartSplitter splitter = new MimePartSplitter(body, contentType.boundary(), limits);
        MimePart root = splitter.next().orElseThrow(() -> missing("The multipart message has no SOAP part"));
        ContentType rootType = ContentType.parse(root.headers().first("Content-Type")
                .orElseThrow(() -> missing("The SOAP part has no Content-Type")));
        if (!kind.acceptsRoot(rootType.mediaType())) {
            throw ContentType.bad("The SOAP part has content type " + rootType.mediaType() + ", expected "
                    + (kind == SoapContentKind.MTOM ? "application/xop+xml" : "text/xml"));
        }
        String start = contentType.parameter("start").orElse(null);
        String id = root.headers().first("Content-ID").orElse(null);
        if (start != null && id != null && !start.strip().equals(id.strip())) {
            throw missing("The first part is not the start part " + org.zhol.protocol.error.Faults.excerpt(start));
        }
        return new SoapMultipart(splitter, root, rootType);
    }

    /** The SOAP part: its headers, and its body to hand to {@link SoapHeaderCodec#read}. */
    public MimePart root() {
        return root;
    }

    /** The SOAP part's Content-Type, whose charset the envelope is read with. */
    public ContentType rootType() {
        return rootType;
    }

    /** The splitter, whose {@link MimePartSplitter#next()} yields the attachments after the root. */
    public MimePartSplitter attachments() {
        return splitter;
    }

    private static ZholException missing(String detail) {
        return ZholException.client(ErrorCode.MISSING_SOAP, detail);
    }
}
