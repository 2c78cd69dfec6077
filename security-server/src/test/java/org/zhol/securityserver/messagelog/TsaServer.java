// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.tsp.TspClient;

/**
 * An RFC 3161 TSA over real HTTP on loopback, built with BouncyCastle: {@code POST} a
 * {@code TimeStampReq}, get a {@code TimeStampResp}. It can be stopped and started again on the same
 * port, as a TSA that goes down and comes back.
 */
final class TsaServer implements AutoCloseable {

    static final String POLICY = "2.999.3161.7";

    private final String name;
    private final TestPki.Issuer root;
    private final KeyPair keys = TestPki.ecKeyPair();
    private final X509Certificate certificate;
    private final AtomicLong serials = new AtomicLong();
    private final AtomicInteger answered = new AtomicInteger();
    private int port;
    private HttpServer server;

    TsaServer(String name) {
        this(name, Duration.ofDays(365));
    }

    /** A TSA whose certificate is valid from an hour ago for {@code validity}. */
    TsaServer(String name, Duration validity) {
        this.name = name;
        this.root = TestPki.rootCa("CN=" + name + " Root");
        this.certificate = root.issue(TestPki.Spec.tsa("CN=" + name).withValidity(Instant.now().minus(
                Duration.ofHours(1)), validity), keys.getPublic());
    }

    /** Listens (again) on its port; the first start picks a free one. */
    synchronized TsaServer start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] reply;
            try {
                reply = reply(exchange.getRequestBody().readAllBytes());
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", TspClient.REPLY_TYPE);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
            answered.incrementAndGet();
        });
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The approved-TSA entry of the global configuration for this TSA. */
    ApprovedTsa approved() {
        return new ApprovedTsa(name, URI.create("http://127.0.0.1:" + port + "/tsa"), certificate);
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** How many tokens it gave. */
    int answered() {
        return answered.get();
    }

    private byte[] reply(byte[] query) throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build(TestPki.signatureAlgorithm(keys.getPrivate()),
                        keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier(POLICY));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256));
        return responses.generate(new TimeStampRequest(query), BigInteger.valueOf(serials.incrementAndGet()),
                new Date()).getEncoded();
    }

    @Override
    public void close() {
        stop();
    }
}
