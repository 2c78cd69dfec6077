// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.securityserver.signer.KeyAlgorithm;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.Pkcs11Token;
import org.zhol.securityserver.signer.TokenConfig;
import org.zhol.server.config.ListenerConfig;

/**
 * The peer TLS with the authentication keys on a PKCS#11 token (SoftHSM2 through the signer's
 * {@link Pkcs11Token}), both sides.
 * Runs in its own JVM (security-server/pom.xml, execution {@code pkcs11-tls}) with its own
 * {@code SOFTHSM2_CONF}, which this class writes before the module loads. A missing SoftHSM2 fails the
 * test; it is never skipped.
 */
class Pkcs11TlsTest {

    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final char[] PIN = "1234".toCharArray();

    private static Path library;
    private static Path state;

    @BeforeAll
    static void initialiseToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            fail("SOFTHSM2_CONF is not set: run this test through Maven, whose pkcs11-tls execution sets it");
        }
        library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElseGet(() -> fail(
                "SoftHSM2 is not installed (no libsofthsm2.so in " + LIBRARIES + "): apt-get install softhsm2"));
        Path tokens = Path.of(conf).getParent().resolve("tokens-" + UUID.randomUUID());
        state = Path.of(conf).getParent().resolve("state-" + UUID.randomUUID());
        Files.createDirectories(tokens);
        Files.createDirectories(state);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        run(conf, "softhsm2-util", "--init-token", "--free", "--label", "tls", "--pin", new String(PIN),
                "--so-pin", "5678");
    }

    private static void run(String conf, String... command) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                fail(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            fail("Cannot run " + command[0] + " (apt-get install softhsm2): " + e.getMessage());
        }
    }

    /**
     * A server whose authentication key the signer generated on the token (sensitive, never extractable).
     * The key object is fetched from the provider the token installed, by its name: JSSE can only use it
     * because the token installed that provider.
     */
    private static PeerFixture.Server onToken(PeerFixture pki, Pkcs11Token signer, String id) throws Exception {
        KeyInfo info = signer.generateKey(KeyRole.AUTH, Optional.empty(), id);
        Provider installed = Security.getProvider("SunPKCS11-zhol-hsm");
        assertNotNull(installed, "the token installed its provider");
        KeyStore store = KeyStore.getInstance("PKCS11", installed);
        store.load(null, PIN);
        PrivateKey key = (PrivateKey) store.getKey(info.keyId(), null);
        X509Certificate cert = pki.ca.issue(TestPki.Spec.auth("CN=" + id.replace('/', '-') + ", O=Zhol"),
                info.publicKey());
        return new PeerFixture.Server(SecurityServerId.parse(id), key, cert, new byte[] {7, 7});
    }

    @Test
    void bothSidesSignTheHandshakeWithTokenKeys() throws Exception {
        PeerFixture pki = new PeerFixture();
        Pkcs11Token signer = new Pkcs11Token(new TokenConfig.Pkcs11("hsm", library, OptionalLong.empty(), 0, state,
                KeyAlgorithm.EC_P256), new DefaultCertificateProfile());
        signer.open(PinSource.of(PIN.clone()));
        PeerFixture.Server provider = onToken(pki, signer, "DEV/GOV/3003/HSM1");
        PeerFixture.Server consumer = onToken(pki, signer, "DEV/COM/3004/HSM2");
        pki.authenticator.register(provider);
        pki.authenticator.register(consumer);
        assertTrue(provider.key().getClass().getName().startsWith("sun.security.pkcs11."),
                provider.key().getClass().getName());

        try (ServerProxyListener server = new ServerProxyListener(ServerProxyConfig.defaults(
                new ListenerConfig("127.0.0.1", 0)), provider, pki.authenticator, channel -> {
                    Frame frame = channel.receive(Duration.ofSeconds(20));
                    channel.send(frame);
                    channel.release(true);
                }).start();
             PeerClient client = new PeerClient(PeerClientConfig.DEFAULTS, consumer, pki.authenticator).start()) {
            PeerChannel channel = client.connect(List.of(provider.at("127.0.0.1:" + server.port())));
            channel.send(new Frame(FrameType.DATA, new byte[] {1, 2, 3}));
            Frame echoed = channel.receive(Duration.ofSeconds(20));
            channel.release(true);

            assertEquals(provider.id(), channel.peer());
            assertArrayEquals(new byte[] {1, 2, 3}, echoed.payload());
        } finally {
            signer.close();
        }
    }
}
