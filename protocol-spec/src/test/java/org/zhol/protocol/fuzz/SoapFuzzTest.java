// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.DUPLICATE_HEADER_FIELD;
import static org.zhol.protocol.error.ErrorCode.INCONSISTENT_HEADERS;
import static org.zhol.protocol.error.ErrorCode.INVALID_BODY;
import static org.zhol.protocol.error.ErrorCode.INVALID_CLIENT_IDENTIFIER;
import static org.zhol.protocol.error.ErrorCode.INVALID_CONTENT_TYPE;
import static org.zhol.protocol.error.ErrorCode.INVALID_PROTOCOL_VERSION;
import static org.zhol.protocol.error.ErrorCode.INVALID_SOAP;
import static org.zhol.protocol.error.ErrorCode.INVALID_XML;
import static org.zhol.protocol.error.ErrorCode.MIME_PARSING_FAILED;
import static org.zhol.protocol.error.ErrorCode.MISSING_BODY;
import static org.zhol.protocol.error.ErrorCode.MISSING_HEADER;
import static org.zhol.protocol.error.ErrorCode.MISSING_HEADER_FIELD;
import static org.zhol.protocol.error.ErrorCode.MISSING_SOAP;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.MimePart;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.RequestHashInsertion;
import org.zhol.protocol.soap.RootPartDigest;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapFaultCodec;
import org.zhol.protocol.soap.SoapHead;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;

/**
 * Fuzz target {@code soap}: the SOAP 4.0 envelope head, SOAP faults, the request-hash insertion, and
 * SOAP with attachments / MTOM multipart bodies ({@code docs/soap.md}).
 *
 * <p>Input: either a bare XML message, or (when it starts with {@code Content-Type:}) an HTTP message
 * in the vectors' {@code .eml} form: a {@code Content-Type} line, other header lines, an empty line, the
 * body. Besides the contract of {@link FuzzContract}, a header that was read must re-emit to an
 * envelope that reads back to the same header and body element. Seeds: every {@code vectors/soap/}
 * message.
 */
class SoapFuzzTest {

    private static final SoapLimits LIMITS = SoapLimits.defaults();
    private static final Set<ErrorCode> XML_CODES = EnumSet.of(INVALID_SOAP, INVALID_XML, MISSING_HEADER,
            MISSING_BODY, INVALID_BODY, DUPLICATE_HEADER_FIELD, INVALID_PROTOCOL_VERSION, MISSING_HEADER_FIELD,
            INVALID_CLIENT_IDENTIFIER, INCONSISTENT_HEADERS);
    private static final Set<ErrorCode> MIME_CODES = union(XML_CODES,
            EnumSet.of(INVALID_CONTENT_TYPE, MIME_PARSING_FAILED, MISSING_SOAP));

    static Stream<Arguments> seeds() {
        return Seeds.ofFiles(Seeds.files("soap", n -> n.endsWith(".xml") || n.endsWith(".eml")));
    }

    @MethodSource("seeds")
    @FuzzTest
    void soapMessage(byte[] input) {
        if (startsWith(input, "Content-Type:")) {
            FuzzContract.holds("SOAP over HTTP", MIME_CODES, () -> http(input));
            return;
        }
        FuzzContract.holds("SoapHeaderCodec.read", XML_CODES, () -> envelope(input));
        FuzzContract.holds("SoapFaultCodec.read", XML_CODES, () -> SoapFaultCodec.read(input, LIMITS));
        FuzzContract.holds("RequestHashInsertion.insert", XML_CODES, () -> RequestHashInsertion.insert(input, null,
                RequestDigest.of(HashAlgorithm.SHA512, input), LIMITS));
    }

    /** Reads the head; a header re-emits to an envelope with the same meaning. */
    private static void envelope(byte[] message) {
        try (SoapHead head = SoapHeaderCodec.read(new ByteArrayInputStream(message), null, LIMITS)) {
            if (head.isFault() || head.header().isEmpty()) {
                return;
            }
            SoapHeader header = head.requireHeader();
            QName body = head.bodyElement()
                    .orElseThrow(() -> new AssertionError("a request head without a body element"));
            byte[] again = SoapHeaderCodec.envelope(header, body);
            try (SoapHead reread = SoapHeaderCodec.read(new ByteArrayInputStream(again), null, LIMITS)) {
                if (!reread.requireHeader().equals(header) || !reread.bodyElement().equals(Optional.of(body))) {
                    throw new AssertionError("the SOAP header changed when re-emitted: " + header);
                }
            }
        }
    }

    /** An .eml message: the Content-Type decides between a bare envelope and a multipart body. */
    private static void http(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int split = crlf >= 0 ? crlf : text.indexOf("\n\n");
        if (split < 0) {
            return;
        }
        int skip = text.startsWith("\r\n", split) ? 4 : 2;
        String contentType = text.substring(0, split).lines().filter(l -> l.startsWith("Content-Type:"))
                .findFirst().orElseThrow().substring("Content-Type:".length()).strip();
        byte[] body = java.util.Arrays.copyOfRange(data, split + skip, data.length);
        ContentType type = ContentType.parse(contentType);
        if (SoapContentKind.of(type) == SoapContentKind.XML) {
            envelope(body);
            return;
        }
        RootPartDigest digest = RootPartDigest.start(HashAlgorithm.SHA512, type.boundary(), LIMITS);
        digest.update(body, 0, body.length);
        SoapMultipart message = SoapMultipart.open(type, new ByteArrayInputStream(body), LIMITS);
        try (SoapHead head = SoapHeaderCodec.read(message.root().body(), message.rootType().charset().orElse(null),
                LIMITS)) {
            head.header();
        }
        Optional<MimePart> part;
        while ((part = message.attachments().next()).isPresent()) {
            drain(part.get().body());
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] input, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (input.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (input[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static Set<ErrorCode> union(Set<ErrorCode> a, Set<ErrorCode> b) {
        EnumSet<ErrorCode> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /** Discards what is written. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
