// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * An RFC 6960 OCSP responder over HTTP for a {@link DevCa}: POST with {@code application/ocsp-request}
 * and GET with the base64 request in the path. It signs with the CA's delegated responder credential
 * (OCSPSigning, ocsp-nocheck), identifies itself by key hash, and carries its certificate in the
 * response. A certificate the CA issued is "good" or "revoked" from the CA's records; anything else,
 * including a CertID for another issuer, is "unknown". {@code thisUpdate} is now; {@code nextUpdate}
 * is set only when configured. A request nonce is echoed.
 *
 * <p>Limits: requests over {@value #MAX_REQUEST_BYTES} bytes get HTTP 413. The constructor does no
 * I/O; {@link #start()} binds, {@link #close()} stops.
 */
public final class DevOcspResponder implements AutoCloseable {

    static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final DevCa ca;
    private final InetSocketAddress address;
    private final Clock clock;
    private final Optional<Duration> nextUpdate;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param ca         the CA whose certificates this responder answers for; started before {@link #start()}
     * @param address    where to listen; port 0 picks a free port (see {@link #port()})
     * @param clock      the source of {@code thisUpdate} and {@code producedAt}
     * @param nextUpdate how long after {@code thisUpdate} to promise newer information, or empty for none
     */
    public DevOcspResponder(DevCa ca, InetSocketAddress address, Clock clock, Optional<Duration> nextUpdate) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.address = Objects.requireNonNull(address, "address");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
    }

    /** A responder on {@code address}, with the system clock and no nextUpdate. */
    public DevOcspResponder(DevCa ca, InetSocketAddress address) {
        this(ca, address, Clock.systemUTC(), Optional.empty());
    }

    /** Binds the port and starts answering. */
    public synchronized void start() {
        try {
            executor = Executors.newVirtualThreadPerTaskExecutor();
            server = HttpServer.create(address, 50);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        } catch (IOException e) {
            executor.close();
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot listen on " + address, e);
        }
    }

    /** The bound port; valid after {@link #start()}. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The URL to put in an {@code OcspResponder} of the configuration. */
    public URI uri() {
        return URI.create("http://" + address.getHostString() + ":" + port() + "/");
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }

    /**
     * The DER response to a DER request: the whole of OCSP without HTTP. A request that cannot be
     * parsed gets a {@code malformedRequest} response.
     */
    public byte[] respond(byte[] request) {
        try {
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            return answer(parsed).getEncoded();
        } catch (Exception e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot build an OCSP response", e);
        }
    }

    private OCSPResp answer(OCSPReq request) throws Exception {
        DevCredential signer = ca.ocspResponder();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder signerCert = new JcaX509CertificateHolder(signer.certificate());
        X509CertificateHolder caCert = new JcaX509CertificateHolder(ca.certificate());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                new RespID(signerCert.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Date next = nextUpdate.map(d -> Date.from(now.plus(d))).orElse(null);
        for (Req one : request.getRequestList()) {
            CertificateID id = one.getCertID();
            builder.addResponse(id, status(id, caCert, digests), Date.from(now), next);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(signer.privateKey()),
                new X509CertificateHolder[] {signerCert}, Date.from(now)));
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder caCert, DigestCalculatorProvider digests)
            throws Exception {
        if (!id.matchesIssuer(caCert, digests)) {
            return new UnknownStatus();
        }
        Optional<IssuedCertificate> issued = ca.find(id.getSerialNumber());
        if (issued.isEmpty()) {
            return new UnknownStatus();
        }
        return issued.get().revocation()
                .<CertificateStatus>map(r -> new RevokedStatus(Date.from(r.time()), r.reason()))
                .orElse(CertificateStatus.GOOD);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            if ("POST".equals(exchange.getRequestMethod())) {
                try (InputStream in = exchange.getRequestBody()) {
                    request = in.readNBytes(MAX_REQUEST_BYTES + 1);
                }
            } else if ("GET".equals(exchange.getRequestMethod())) {
                // URI.getPath() undoes %-escapes but, unlike URLDecoder, leaves base64's '+' alone.
                String path = exchange.getRequestURI().getPath().substring(1);
                try {
                    request = Base64.getDecoder().decode(path);
                } catch (IllegalArgumentException e) {
                    request = new byte[0];
                }
            } else {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (request.length > MAX_REQUEST_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] response = respond(request);
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }
}
