// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * The field rules shared by the request records, checked in their compact constructors.
 *
 * <p><b>Limits:</b> {@link #MAX_ADDRESS_LENGTH}, {@link #MAX_CERTIFICATE_BYTES}, creation times from
 * {@link #EARLIEST} to {@link #LATEST}.
 */
final class RequestFields {

    /** Limit: the longest server address, host and port together. */
    static final int MAX_ADDRESS_LENGTH = 255;
    /** Limit: the largest authentication certificate, DER. */
    static final int MAX_CERTIFICATE_BYTES = 16 * 1024;
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([1-9][0-9]{0,4}))?");

    private RequestFields() {
    }

    static String requestId(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        if (!UUID.matcher(requestId).matches()) {
            throw invalid("The request id '" + Faults.excerpt(requestId) + "' is not a lower-case UUID");
        }
        return requestId;
    }

    static Instant createdAt(Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        Instant seconds = createdAt.truncatedTo(ChronoUnit.SECONDS);
        if (seconds.isBefore(EARLIEST) || seconds.isAfter(LATEST)) {
            throw invalid("The creation time " + seconds + " is outside " + EARLIEST + " .. " + LATEST);
        }
        return seconds;
    }

    static SecurityServerId server(SecurityServerId server) {
        return Objects.requireNonNull(server, "server");
    }

    /** The address: a DNS name, IPv4 address or bracketed IPv6 address, with an optional port. */
    static String address(String address) {
        Objects.requireNonNull(address, "address");
        var matcher = ADDRESS.matcher(address);
        if (address.length() > MAX_ADDRESS_LENGTH || !matcher.matches()
                || matcher.group(1) != null && Integer.parseInt(matcher.group(1)) > 65_535) {
            throw invalid("The address '" + Faults.excerpt(address) + "' is not host[:port]");
        }
        return address;
    }

    /** The client, which must be in the server's instance. */
    static ClientId client(ClientId client, SecurityServerId server) {
        Objects.requireNonNull(client, "client");
        if (!client.instance().equals(server.instance())) {
            throw ZholException.client(ErrorCode.INVALID_CLIENT_IDENTIFIER, "The client " + client
                    + " is not in the server's instance " + server.instance());
        }
        return client;
    }

    /** A copy of {@code der} after checking that it is one canonical DER X.509 certificate. */
    static byte[] certificate(byte[] der) {
        Objects.requireNonNull(der, "authCertificateDer");
        if (der.length > MAX_CERTIFICATE_BYTES) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "The authentication certificate is longer than " + MAX_CERTIFICATE_BYTES + " bytes");
        }
        byte[] copy = der.clone();
        X509Certificate parsed = parse(copy);
        try {
            if (!Arrays.equals(parsed.getEncoded(), copy)) {
                throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                        "The authentication certificate is not exactly one DER certificate");
            }
        } catch (CertificateEncodingException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE),
                    Origin.CLIENT, "The authentication certificate cannot be encoded", e);
        }
        return copy;
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE),
                    Origin.CLIENT, "The authentication certificate is not X.509 DER", e);
        }
    }

    static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_REQUEST, detail);
    }
}
