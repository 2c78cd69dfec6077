// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A development RFC 3161 time-stamping authority over HTTP, for the sandbox and tests. {@code POST}
 * an {@code application/timestamp-query} to any path; the answer is an
 * {@code application/timestamp-reply}.
 *
 * <p>Its key and certificates live in a directory: on the first {@link #start()} it makes an EC P-256
 * root ({@code tsaroot.pem}), a TSA certificate with a critical extended key usage of timeStamping
 * ({@code tsa.pem}) and the TSA key ({@code tsa-key.pem}, PKCS#8, owner-only); later starts reuse
 * them. The root's private key is never stored. Serial numbers count up from 1 and the last one is
 * written to {@code serial} before a token leaves, so they stay monotonic across restarts.
 *
 * <p>Tokens carry the policy {@value #POLICY_OID} (under the ITU-T example arc 2.999, which is for
 * examples and never registered), SHA-256 ESSCertIDv2, genTime in whole seconds and no accuracy. It
 * accepts SHA-256, SHA-384 and SHA-512 imprints, and embeds its certificate when the query asks.
 *
 * <p>To check a reply with OpenSSL: {@code openssl ts -verify -data FILE -in reply.tsr -CAfile
 * tsaroot.pem -untrusted tsa.pem}.
 */
public final class DevTsa implements AutoCloseable {

    /** The TSA policy of every token. */
    public static final String POLICY_OID = "2.999.3161.1";
    /** Limit: the largest query read. */
    public static final int MAX_QUERY_BYTES = 16 * 1024;

    private static final String QUERY_TYPE = "application/timestamp-query";
    private static final String REPLY_TYPE = "application/timestamp-reply";

    private final Path directory;
    private final InetSocketAddress bindAddress;
    private HttpServer server;
    private ExecutorService executor;
    private DevTsaMaterial material;
    private TimeStampResponseGenerator responses;
    private BigInteger lastSerial;

    /**
     * @param directory where the key, certificates and serial counter live
     * @param bindAddress where to listen; port 0 picks a free port (see {@link #port()})
     */
    public DevTsa(Path directory, InetSocketAddress bindAddress) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    }

    /** A dev TSA on the loopback interface. */
    public static DevTsa onLoopback(Path directory, int port) {
        return new DevTsa(directory, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Loads or creates the key material, then starts listening. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        material = DevTsaMaterial.loadOrCreate(directory);
        lastSerial = DevTsaMaterial.readSerial(directory);
        responses = responseGenerator(material);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(bindAddress, 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port listened on, once started. */
    public synchronized int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** The URL to send queries to, once started. */
    public synchronized URI url() {
        requireStarted();
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/");
    }

    /** The TSA's signing certificate, once started. */
    public synchronized X509Certificate certificate() {
        requireStarted();
        return material.certificate();
    }

    /** The root that issued {@link #certificate()}, once started. */
    public synchronized X509Certificate rootCertificate() {
        requireStarted();
        return material.rootCertificate();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendText(exchange, 405, "POST an " + QUERY_TYPE);
            } else if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(QUERY_TYPE)) {
                sendText(exchange, 415, "Content-Type must be " + QUERY_TYPE);
            } else {
                byte[] query = exchange.getRequestBody().readNBytes(MAX_QUERY_BYTES + 1);
                if (query.length > MAX_QUERY_BYTES) {
                    sendText(exchange, 413, "query longer than " + MAX_QUERY_BYTES + " bytes");
                    return;
                }
                byte[] reply = reply(query);
                exchange.getResponseHeaders().set("Content-Type", REPLY_TYPE);
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        }
    }

    /** Answers a DER query with a DER reply: a token, or a rejection saying why. */
    private byte[] reply(byte[] query) throws IOException {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(query);
            } catch (IOException | IllegalArgumentException e) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a TimeStampReq").getEncoded(ASN1Encoding.DL);
            }
            synchronized (this) {
                BigInteger serial = lastSerial.add(BigInteger.ONE);
                DevTsaMaterial.writeSerial(directory, serial);
                lastSerial = serial;
                return responses.generate(request, serial, new Date()).getEncoded(ASN1Encoding.DL);
            }
        } catch (TSPException e) {
            throw new IOException("cannot make a time-stamp reply", e);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static TimeStampResponseGenerator responseGenerator(DevTsaMaterial material) throws IOException {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", material.privateKey(),
                            material.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY_OID));
            tokens.addCertificates(new JcaCertStore(List.of(material.certificate())));
            return new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
                    TSPAlgorithms.SHA512), Set.of(POLICY_OID));
        } catch (OperatorCreationException | CertificateEncodingException | TSPException | IllegalArgumentException e) {
            throw new IOException("cannot set up the dev TSA's signer", e);
        }
    }

    @Override
    public String toString() {
        return "DevTsa[" + directory + "]";
    }
}
