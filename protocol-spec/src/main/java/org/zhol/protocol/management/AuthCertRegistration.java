// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Registers a new authentication (TLS) certificate for a security server, with the address at which
 * the server can be reached (X-Road's {@code authCertReg}).
 *
 * <p>Signatures: {@link SignatureRole#OWNER} and {@link SignatureRole#AUTH_KEY_POSSESSION}, the latter
 * made with the key of {@code authCertificateDer} itself.
 *
 * <p><b>Limits:</b> the certificate is at most 16 KiB of canonical DER; the address is host[:port], at
 * most 255 characters.
 *
 * <p><b>Pitfalls:</b> the certificate array is copied in and out; {@link #equals} compares contents.
 * The constructor checks only that the certificate parses; its trust is the verifier's job.
 *
 * @param requestId          a lower-case UUID
 * @param createdAt          when the sender made the request (truncated to seconds)
 * @param server             the server that gets the certificate
 * @param address            the server's address, host[:port]
 * @param authCertificateDer the authentication certificate, DER
 */
public record AuthCertRegistration(String requestId, Instant createdAt, SecurityServerId server, String address,
        byte[] authCertificateDer) implements ManagementRequest {

    public AuthCertRegistration {
        requestId = RequestFields.requestId(requestId);
        createdAt = RequestFields.createdAt(createdAt);
        server = RequestFields.server(server);
        address = RequestFields.address(address);
        authCertificateDer = RequestFields.certificate(authCertificateDer);
    }

    /** A new request with a random id. */
    public static AuthCertRegistration create(SecurityServerId server, String address, byte[] authCertificateDer,
            Instant now) {
        return new AuthCertRegistration(UUID.randomUUID().toString(), now, server, address, authCertificateDer);
    }

    /** The certificate's DER; a copy. */
    @Override
    public byte[] authCertificateDer() {
        return authCertificateDer.clone();
    }

    /** The certificate, parsed afresh. */
    public X509Certificate authCertificate() {
        return RequestFields.parse(authCertificateDer);
    }

    @Override
    public Set<SignatureRole> requiredSignatures() {
        return Set.of(SignatureRole.OWNER, SignatureRole.AUTH_KEY_POSSESSION);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthCertRegistration that && requestId.equals(that.requestId)
                && createdAt.equals(that.createdAt) && server.equals(that.server) && address.equals(that.address)
                && Arrays.equals(authCertificateDer, that.authCertificateDer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, createdAt, server, address, Arrays.hashCode(authCertificateDer));
    }

    @Override
    public String toString() {
        return "AuthCertRegistration[" + requestId + ", " + createdAt + ", " + server + ", " + address + ", "
                + authCertificateDer.length + " bytes]";
    }
}
