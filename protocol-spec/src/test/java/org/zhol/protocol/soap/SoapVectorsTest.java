// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;

/** Runs every vector listed in {@code vectors/soap/index.tsv}. */
class SoapVectorsTest {

    record Vector(String file, String kind, String expected, String note) {
        @Override
        public String toString() {
            return file + " (" + note + ")";
        }
    }

    static Stream<Vector> vectors() {
        List<Vector> all = new ArrayList<>();
        for (String line : new String(bytes("index.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            all.add(new Vector(f[0], f[1], f[2], f[3]));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        if (v.expected().startsWith("OK")) {
            run(v);
        } else {
            assertThatThrownBy(() -> run(v)).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.faultCode().toString()).as(e.detail()).isEqualTo(v.expected()));
        }
    }

    private static void run(Vector v) {
        byte[] data = bytes(v.file());
        switch (v.kind()) {
            case "request", "response" -> roundTrip(data);
            case "fault" -> {
                SoapFault fault = SoapFaultCodec.read(data, SoapLimits.defaults());
                assertThat(fault.faultCode().map(FaultCode::toString)).contains(v.expected());
                assertThat(SoapFaultCodec.read(SoapFaultCodec.write(fault, Optional.empty()), SoapLimits.defaults()))
                        .isEqualTo(fault);
                throw fault.toException(org.zhol.protocol.error.Origin.PEER_SERVER);
            }
            case "mime" -> assertThat("OK:" + mime(data)).isEqualTo(v.expected());
            default -> {
                SoapHeader request = SoapHeaderCodec.readHeader(bytes(v.kind().substring(5)), SoapLimits.defaults());
                SoapConsistency.checkResponse(request, SoapHeaderCodec.readHeader(data, SoapLimits.defaults()));
            }
        }
    }

    /** Reads the head, re-emits the header, reads it again: the same meaning. */
    private static void roundTrip(byte[] data) {
        try (SoapHead head = SoapHeaderCodec.read(new ByteArrayInputStream(data), null, SoapLimits.defaults())) {
            SoapHeader header = head.requireHeader();
            QName body = head.bodyElement().orElseThrow();
            byte[] again = SoapHeaderCodec.envelope(header, body);
            try (SoapHead reread = SoapHeaderCodec.read(new ByteArrayInputStream(again), null, SoapLimits.defaults())) {
                assertThat(reread.requireHeader()).isEqualTo(header);
                assertThat(reread.bodyElement()).contains(body);
            }
        }
    }

    /** Opens an .eml vector, reads the SOAP head from the root part, and counts the parts. */
    static int mime(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n") >= 0 ? text.indexOf("\r\n\r\n") : text.indexOf("\n\n");
        int skip = text.startsWith("\r\n", split) ? 4 : 2;
        String contentType = text.substring(0, split).lines().filter(l -> l.startsWith("Content-Type:"))
                .findFirst().orElseThrow().substring("Content-Type:".length()).strip();
        InputStream body = new ByteArrayInputStream(data, split + skip, data.length - split - skip);
        ContentType type = ContentType.parse(contentType);
        if (SoapContentKind.of(type) == SoapContentKind.XML) {
            SoapHeaderCodec.read(body, type.charset().orElse(null), SoapLimits.defaults()).requireHeader();
            return 1;
        }
        SoapMultipart message = SoapMultipart.open(type, body, SoapLimits.defaults());
        SoapHeaderCodec.read(message.root().body(), message.rootType().charset().orElse(null), SoapLimits.defaults())
                .requireHeader();
        int parts = 1;
        while (message.attachments().next().isPresent()) {
            parts++;
        }
        return parts;
    }

    static byte[] bytes(String name) {
        try (InputStream in = SoapVectorsTest.class.getResourceAsStream("/vectors/soap/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
