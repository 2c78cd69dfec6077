// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * Test PKI for the transports: a CA, authentication keys and certificates for a few servers, an
 * "OCSP response" per server (random bytes that the test authenticator registers; the real OCSP checks
 * are the exchange's), and a {@link PeerAuthenticator} that accepts exactly the registered certificates.
 */
final class PeerFixture {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A server's keys as this side holds them. */
    record Server(SecurityServerId id, PrivateKey key, X509Certificate certificate, byte[] ocsp) implements
            AuthIdentity {

        @Override
        public PrivateKey privateKey() {
            return key;
        }

        @Override
        public List<X509Certificate> chain() {
            return List.of(certificate);
        }

        @Override
        public byte[] ocspResponse() {
            return ocsp.clone();
        }

        /** The same key and certificate sending other OCSP bytes. */
        Server withOcsp(byte[] other) {
            return new Server(id, key, certificate, other);
        }

        /** The configuration entry of this server at {@code address}. */
        SecurityServer at(String address) {
            return new SecurityServer(id, address, List.of(CertificateHash.of(certificate)), List.of(), false);
        }
    }

    final TestPki.Issuer ca = TestPki.rootCa("CN=Transport test CA, O=Zhol");
    final Server ss1 = server("DEV/GOV/1001/SS1");
    final Server ss2 = server("DEV/GOV/1002/SS2");
    final Server consumer = server("DEV/COM/2002/SSC");
    /** Not registered: a certificate of the right CA that the configuration does not list. */
    final Server stranger = server("DEV/COM/9999/X");
    final Authenticator authenticator = new Authenticator();

    PeerFixture() {
        authenticator.register(ss1);
        authenticator.register(ss2);
        authenticator.register(consumer);
    }

    Server server(String id) {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = ca.issue(TestPki.Spec.auth("CN=" + id.replace('/', '-') + ", O=Zhol"), keys.getPublic());
        byte[] ocsp = new byte[64];
        RANDOM.nextBytes(ocsp);
        return new Server(SecurityServerId.parse(id), keys.getPrivate(), cert, ocsp);
    }

    /** Accepts registered leaf hashes under the CA, and exactly each server's registered OCSP bytes. */
    final class Authenticator implements PeerAuthenticator {

        private final Map<CertificateHash, Server> registered = new ConcurrentHashMap<>();
        final AtomicInteger authentications = new AtomicInteger();
        final AtomicInteger ocspChecks = new AtomicInteger();

        void register(Server server) {
            registered.put(CertificateHash.of(server.certificate()), server);
        }

        void unregister(Server server) {
            registered.remove(CertificateHash.of(server.certificate()));
        }

        @Override
        public SecurityServerId authenticate(List<X509Certificate> chain) {
            authentications.incrementAndGet();
            return registeredServer(chain).id();
        }

        @Override
        public void checkOcsp(List<X509Certificate> chain, byte[] ocspResponse) {
            ocspChecks.incrementAndGet();
            if (!java.util.Arrays.equals(registeredServer(chain).ocsp(), ocspResponse)) {
                throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED, "The OCSP response is not fresh");
            }
        }

        private Server registeredServer(List<X509Certificate> chain) {
            X509Certificate leaf = chain.getFirst();
            Server server = registered.get(CertificateHash.of(leaf));
            if (server == null) {
                throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED, "The certificate is not registered");
            }
            try {
                leaf.verify(ca.certificate().getPublicKey());
                leaf.checkValidity();
            } catch (java.security.GeneralSecurityException e) {
                throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED, "The certificate is not from the CA");
            }
            return server;
        }
    }
}
