// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestRequestHeaders;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestTargetCodec;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;

/**
 * The codec steps at the edge of the client proxy: decomposing a REST r1 request target and its
 * X-Road headers, and streaming a SOAP 4.0 header out of an envelope. Reports operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private String restTarget;
    private List<HttpHeader> restHeaders;
    private byte[] soapEnvelope;
    private SoapLimits soapLimits;

    @Setup
    public void setUp() {
        restTarget = "/r1/DEV/GOV/1001/REGISTRY/persons/38001010001?fields=name,address&lang=et";
        restHeaders = List.of(new HttpHeader("X-Road-Client", "DEV/GOV/2002/TAXES"),
                new HttpHeader("X-Road-Id", "0f8a1c52-3c4e-4f7e-9d7b-5b3f7d1e2a90"),
                new HttpHeader("X-Road-UserId", "EE38001010001"),
                new HttpHeader("Accept", "application/json"),
                new HttpHeader("User-Agent", "bench"));
        SoapHeader header = SoapHeader.request(
                ClientId.parse("DEV/GOV/2002/TAXES"),
                ServiceId.parse("DEV/GOV/1001/REGISTRY/getPerson/v1"),
                "0f8a1c52-3c4e-4f7e-9d7b-5b3f7d1e2a90");
        String envelope = new String(SoapHeaderCodec.envelope(header,
                new QName("http://registry.dev/producer", "getPerson", "prod")), StandardCharsets.UTF_8);
        // Give the body some content after the element the header reader stops at.
        soapEnvelope = envelope.replace("</prod:getPerson>",
                "<prod:id>38001010001</prod:id></prod:getPerson>").getBytes(StandardCharsets.UTF_8);
        soapLimits = SoapLimits.defaults();
    }

    @Benchmark
    public RestRequestTarget restTargetDecompose() {
        return RestTargetCodec.parse(restTarget);
    }

    @Benchmark
    public RestRequestHeaders restHeadersParse() {
        return RestHeaderCodec.parseRequest(restHeaders);
    }

    @Benchmark
    public SoapHeader soapHeaderParse() {
        return SoapHeaderCodec.readHeader(soapEnvelope, soapLimits);
    }
}
