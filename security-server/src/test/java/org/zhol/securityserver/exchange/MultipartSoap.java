// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;

/**
 * SwA and MTOM messages for the tests, built by hand as an IS would send them: the envelope as the first
 * part, then binary attachments.
 *
 * @param contentType the message's Content-Type
 * @param body        the multipart body
 */
public record MultipartSoap(String contentType, byte[] body) {

    /** What a multipart SOAP message holds. */
    public record Parsed(byte[] envelope, List<byte[]> attachments) {
    }

    /**
     * A message whose root part has type {@code rootKind}: {@code text/xml} (SwA) or
     * {@code application/xop+xml} (MTOM).
     */
    public static MultipartSoap of(String rootKind, byte[] envelope, byte[]... attachments) {
        String boundary = "MIMEBoundary_" + rootKind.length() + "_zhol";
        String rootType = rootKind.equals("text/xml") ? "text/xml; charset=UTF-8"
                : "application/xop+xml; charset=UTF-8; type=\"text/xml\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Type: " + rootType
                + "\r\nContent-Transfer-Encoding: 8bit\r\nContent-ID: <envelope@zhol>\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(envelope);
        int n = 0;
        for (byte[] attachment : attachments) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Transfer-Encoding: binary\r\nContent-ID: <part" + n++ + "@zhol>\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(attachment);
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return new MultipartSoap("multipart/related; type=\"" + rootKind + "\"; boundary=\"" + boundary
                + "\"; start=\"<envelope@zhol>\"", out.toByteArray());
    }

    /** Splits a multipart SOAP message into its envelope and attachments. */
    public static Parsed parse(String contentType, byte[] body) {
        try {
            SoapMultipart multipart = SoapMultipart.open(ContentType.parse(contentType), new ByteArrayInputStream(body),
                    SoapLimits.defaults());
            byte[] envelope = multipart.root().body().readAllBytes();
            List<byte[]> attachments = new ArrayList<>();
            for (var part = multipart.attachments().next(); part.isPresent(); part = multipart.attachments().next()) {
                attachments.add(part.get().body().readAllBytes());
            }
            return new Parsed(envelope, attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
