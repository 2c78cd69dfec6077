// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

class RequestHashInsertionTest {

    static final SoapLimits LIMITS = SoapLimits.defaults();
    static final RequestHash HASH = RequestDigest.of(HashAlgorithm.SHA512, "the request".getBytes(StandardCharsets.UTF_8));
    static final SoapHeader HEADER = SoapHeader.request(new SubsystemId(new MemberId("DEV", "GOV", "1"), "CLIENT"),
            new SubsystemId(new MemberId("DEV", "COM", "2"), "PROVIDER").service("getRandom"), "id-1");

    static String envelope(String prefix, String headerExtra) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + prefix + ":Envelope xmlns:" + prefix
                + "=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\""
                + " xmlns:id=\"http://x-road.eu/xsd/identifiers\">\n <" + prefix + ":Header>\n"
                + "  <x:client id:objectType=\"SUBSYSTEM\"><id:xRoadInstance>DEV</id:xRoadInstance>"
                + "<id:memberClass>GOV</id:memberClass><id:memberCode>1</id:memberCode>"
                + "<id:subsystemCode>CLIENT</id:subsystemCode></x:client>\n"
                + "  <x:service id:objectType=\"SERVICE\"><id:xRoadInstance>DEV</id:xRoadInstance>"
                + "<id:memberClass>COM</id:memberClass><id:memberCode>2</id:memberCode>"
                + "<id:subsystemCode>PROVIDER</id:subsystemCode><id:serviceCode>getRandom</id:serviceCode></x:service>\n"
                + "  <x:id>id-1</x:id>\n  <x:protocolVersion>4.0</x:protocolVersion>\n" + headerExtra
                + " </" + prefix + ":Header>\n <" + prefix + ":Body><p:getRandomResponse xmlns:p=\"urn:p\">"
                + "<data>päev \u20ac</data></p:getRandomResponse></" + prefix + ":Body>\n</" + prefix + ":Envelope>\n";
    }

    static byte[] insert(String xml, Charset charset) {
        return RequestHashInsertion.insert(xml.getBytes(charset), charset, HASH, LIMITS);
    }

    @Test
    void insertsTheHashAsTheLastHeaderFieldAndKeepsEveryOtherByte() {
        String xml = envelope("S", "");
        String out = new String(insert(xml, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String element = "<x:requestHash algorithmId=\"" + HashAlgorithm.SHA512.uri() + "\">" + HASH.value()
                + "</x:requestHash>";
        assertThat(out).isEqualTo(xml.replace(" </S:Header>", " " + element + "</S:Header>"));
        assertThat(SoapHeaderCodec.readHeader(out.getBytes(StandardCharsets.UTF_8), LIMITS))
                .isEqualTo(HEADER.withRequestHash(HASH));
    }

    @Test
    void replacesTheHashTheServiceSent() {
        String forged = "  <x:requestHash algorithmId=\"http://www.w3.org/2001/04/xmlenc#sha256\">Zm9yZ2Vk</x:requestHash>\n";
        String out = new String(insert(envelope("SOAP-ENV", forged), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("Zm9yZ2Vk").containsOnlyOnce("requestHash algorithmId");
        SoapHeader read = SoapHeaderCodec.readHeader(out.getBytes(StandardCharsets.UTF_8), LIMITS);
        SoapConsistency.checkRequestHash(read, HASH);
    }

    @Test
    void declaresThePrefixWhenTheHeaderHasNone() {
        String xml = envelope("S", "").replace("xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\" ", "")
                .replace("<x:client ", "<x:client xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\" ")
                .replace("<x:service ", "<x:service xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\" ")
                .replace("<x:id>", "<x:id xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\">")
                .replace("<x:protocolVersion>", "<x:protocolVersion xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\">");
        byte[] out = insert(xml, StandardCharsets.UTF_8);
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("<xrd:requestHash xmlns:xrd=");
        assertThat(SoapHeaderCodec.readHeader(out, LIMITS).requestHash()).contains(HASH);
    }

    @Test
    void keepsByteOrderMarkAndWorksInOtherCharsets() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String xml = envelope("S", "  <x:userId>Jürgen \u20ac</x:userId>\n");
        byte[] plain = xml.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        byte[] out = RequestHashInsertion.insert(withBom, StandardCharsets.UTF_8, HASH, LIMITS);
        assertThat(out).startsWith(bom);
        assertThat(SoapHeaderCodec.readHeader(out, LIMITS).requestHash()).contains(HASH);

        String latin = envelope("S", "  <x:userId>J\u00fcrgen</x:userId>\n").replace("\u20ac", "E")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        byte[] latinOut = insert(latin, StandardCharsets.ISO_8859_1);
        assertThat(new String(latinOut, StandardCharsets.ISO_8859_1)).contains("J\u00fcrgen").contains("requestHash");
    }

    @Property(tries = 50)
    void aHeadCutAnywhereAfterTheHeaderGivesTheSameBytes(@ForAll @IntRange(min = 0, max = 60) int keep) {
        String xml = envelope("S", "");
        byte[] whole = xml.getBytes(StandardCharsets.UTF_8);
        int headerEnd = xml.indexOf("</S:Header>") + "</S:Header>".length();
        int cut = Math.min(whole.length, xml.substring(0, headerEnd).getBytes(StandardCharsets.UTF_8).length + keep);
        byte[] head = java.util.Arrays.copyOf(whole, cut);
        byte[] full = RequestHashInsertion.insert(whole, StandardCharsets.UTF_8, HASH, LIMITS);
        byte[] part = RequestHashInsertion.insert(head, StandardCharsets.UTF_8, HASH, LIMITS);
        assertThat(full).startsWith(part);
        assertThat(full.length - part.length).isEqualTo(whole.length - cut);
    }

    @Test
    void aFaultWithoutHeaderIsUnchanged() {
        byte[] fault = SoapFaultCodec.write(new SoapFault("Server.Boom", "boom", Optional.empty(), Optional.empty()),
                Optional.empty());
        assertThat(RequestHashInsertion.insert(fault, null, HASH, LIMITS)).isEqualTo(fault);
    }

    @Test
    void refusesDtdsTruncationAndOversizeHeads() {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + envelope("S", "  <x:userId>&e;</x:userId>\n").substring(envelope("S", "").indexOf('\n') + 1);
        assertThat(catchThrowableOfType(ZholException.class, () -> insert(dtd, StandardCharsets.UTF_8)).code())
                .isEqualTo(ErrorCode.INVALID_SOAP);
        String xml = envelope("S", "");
        String truncated = xml.substring(0, xml.indexOf("</S:Header>"));
        assertThat(catchThrowableOfType(ZholException.class, () -> insert(truncated, StandardCharsets.UTF_8)).code())
                .isEqualTo(ErrorCode.INVALID_SOAP);
        byte[] big = new byte[LIMITS.maxHeaderBytes() + 1];
        assertThat(catchThrowableOfType(ZholException.class,
                () -> RequestHashInsertion.insert(big, null, HASH, LIMITS)).code()).isEqualTo(ErrorCode.INVALID_SOAP);
        assertThat(SoapHeaderCodec.envelope(HEADER, new QName("urn:p", "getRandomResponse", "p"))).isNotEmpty();
    }
}
