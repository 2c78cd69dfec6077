// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/** The pushed first-part digest frames the first part exactly as {@link MimePartSplitter} does. */
class RootPartDigestTest {

    static final SoapLimits LIMITS = SoapLimits.defaults();
    static final String BOUNDARY = "MIME_boundary-1";

    static byte[] multipart(List<byte[]> bodies, boolean crlf, String preamble) {
        String nl = crlf ? "\r\n" : "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] body : bodies) {
            out.writeBytes(("--" + BOUNDARY + nl + "Content-Type: text/xml" + nl + "Content-ID: <x>" + nl + nl)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            out.writeBytes(nl.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--" + nl).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static RequestHash pushed(byte[] message, int chunk) {
        RootPartDigest digest = RootPartDigest.start(HashAlgorithm.SHA512, BOUNDARY, LIMITS);
        for (int i = 0; i < message.length; i += chunk) {
            digest.update(message, i, Math.min(chunk, message.length - i));
        }
        return digest.finish();
    }

    static RequestHash pulled(byte[] message) throws Exception {
        MimePartSplitter splitter = new MimePartSplitter(new ByteArrayInputStream(message), BOUNDARY, LIMITS);
        return RequestDigest.of(HashAlgorithm.SHA512, splitter.next().orElseThrow().body().readAllBytes());
    }

    @Property(tries = 300)
    void agreesWithTheSplitter(@ForAll @Size(min = 1, max = 3) List<@Size(max = 3000) byte[]> bodies,
            @ForAll boolean crlf, @ForAll @IntRange(min = 1, max = 5000) int chunk, @ForAll boolean preamble)
            throws Exception {
        Assume.that(crlf || bodies.stream().noneMatch(b -> b.length > 0 && b[b.length - 1] == '\r'));
        byte[] message = multipart(bodies, crlf, preamble ? "a preamble\r\n--" + BOUNDARY + "x not one\r\n" : "");
        assertThat(pushed(message, chunk)).isEqualTo(pulled(message));
        assertThat(pushed(message, chunk)).isEqualTo(RequestDigest.of(HashAlgorithm.SHA512, bodies.getFirst()));
    }

    @Test
    void findsTheFirstBodyInAHead() {
        byte[] envelope = "<Envelope/>".getBytes(StandardCharsets.UTF_8);
        byte[] message = multipart(List.of(envelope, new byte[10]), true, "preamble\r\n");
        int offset = RootPartDigest.bodyOffset(message, BOUNDARY, LIMITS);
        assertThat(new String(message, offset, envelope.length, StandardCharsets.UTF_8)).isEqualTo("<Envelope/>");
        assertThat(catchThrowableOfType(ZholException.class,
                () -> RootPartDigest.bodyOffset(java.util.Arrays.copyOf(message, 20), BOUNDARY, LIMITS)).code())
                .isEqualTo(ErrorCode.MIME_PARSING_FAILED);
    }

    @Test
    void aTruncatedFirstPartIsRefused() {
        byte[] message = multipart(List.of(new byte[100]), true, "");
        byte[] cut = java.util.Arrays.copyOf(message, 80);
        RootPartDigest digest = RootPartDigest.start(HashAlgorithm.SHA512, BOUNDARY, LIMITS).update(cut, 0, cut.length);
        assertThat(catchThrowableOfType(ZholException.class, digest::finish).code())
                .isEqualTo(ErrorCode.MIME_PARSING_FAILED);
    }
}
