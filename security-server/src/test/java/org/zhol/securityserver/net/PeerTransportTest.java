// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameCodec;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.Hello;
import org.zhol.protocol.transport.HelloCodec;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.exchange.InboundExchangeHandler;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.server.config.ListenerConfig;

/** The server proxy listener and the peer client over real mutual TLS on loopback. */
class PeerTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final PeerFixture pki = new PeerFixture();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger handled = new AtomicInteger();
    /** The server side's connections that carried exchanges. */
    private final Set<PeerConnection> serverConnections = ConcurrentHashMap.newKeySet();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private ServerProxyListener listen(PeerFixture.Server identity, InboundExchangeHandler handler) {
        return listen(ServerProxyConfig.defaults(new ListenerConfig("127.0.0.1", 0)), identity, handler);
    }

    private ServerProxyListener listen(ServerProxyConfig config, org.zhol.securityserver.exchange.AuthIdentity identity,
            InboundExchangeHandler handler) {
        InboundExchangeHandler counting = channel -> {
            handled.incrementAndGet();
            serverConnections.add(((ExchangeChannel) channel).connection());
            handler.handle(channel);
        };
        ServerProxyListener listener = new ServerProxyListener(config, identity, pki.authenticator, counting).start();
        open.add(listener);
        return listener;
    }

    private PeerClient client(PeerFixture.Server identity) {
        return client(PeerClientConfig.DEFAULTS, identity);
    }

    private PeerClient client(PeerClientConfig config, PeerFixture.Server identity) {
        PeerClient client = new PeerClient(config, identity, pki.authenticator).start();
        open.add(client);
        return client;
    }

    private static String at(ServerProxyListener listener) {
        return "127.0.0.1:" + listener.port();
    }

    /** Reads one message (up to its TRAILER) and answers with the same frames. */
    private static final InboundExchangeHandler ECHO = channel -> {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        do {
            frame = channel.receive(WAIT);
            frames.add(frame);
        } while (frame.type() != FrameType.TRAILER);
        frames.forEach(channel::send);
        channel.release(true);
    };

    private static List<Frame> message(String text) {
        return List.of(new Frame(FrameType.META, ("meta " + text).getBytes(StandardCharsets.UTF_8)),
                new Frame(FrameType.HEAD, "{}".getBytes(StandardCharsets.UTF_8)),
                new Frame(FrameType.DATA, text.getBytes(StandardCharsets.UTF_8)),
                new Frame(FrameType.DATA, new byte[0]),
                new Frame(FrameType.TRAILER, "{\"t\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private static void roundTrip(PeerChannel channel, String text) {
        List<Frame> sent = message(text);
        sent.forEach(channel::send);
        for (Frame expected : sent) {
            Frame got = channel.receive(WAIT);
            assertEquals(expected.type(), got.type());
            assertArrayEquals(expected.payload(), got.payload());
        }
    }

    @Test
    void framesRoundTripBetweenVerifiedPeers() {
        List<PeerChannel> seenByServer = new CopyOnWriteArrayList<>();
        ServerProxyListener server = listen(pki.ss1, channel -> {
            seenByServer.add(channel);
            ECHO.handle(channel);
        });
        PeerClient client = client(pki.consumer);

        PeerChannel channel = client.connect(List.of(pki.ss1.at(at(server))));
        assertEquals(pki.ss1.id(), channel.peer());
        assertEquals(pki.ss1.certificate(), channel.peerCertificate());
        roundTrip(channel, "hello, provider");
        channel.release(true);

        assertEquals(pki.consumer.id(), seenByServer.getFirst().peer());
        assertEquals(pki.consumer.certificate(), seenByServer.getFirst().peerCertificate());
        assertThrows(IllegalStateException.class, () -> channel.send(new Frame(FrameType.DATA, new byte[1])));
    }

    @Test
    void oneConnectionServesSequentialExchanges() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));

        for (int i = 0; i < 5; i++) {
            PeerChannel channel = client.connect(List.of(ss1));
            roundTrip(channel, "exchange " + i);
            channel.release(true);
        }

        assertEquals(1, serverConnections.size(), "one connection");
        assertEquals(5, handled.get());
        assertEquals(1, client.idleConnections(ss1));
    }

    @Test
    void anUncleanExchangeClosesItsConnection() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));

        PeerChannel first = client.connect(List.of(ss1));
        roundTrip(first, "one");
        first.release(false);
        PeerChannel second = client.connect(List.of(ss1));
        roundTrip(second, "two");
        second.release(true);

        assertEquals(2, serverConnections.size(), "a fresh connection after the unclean one");
    }

    @Test
    void aPooledConnectionThatThePeerClosedIsDiscarded() {
        ServerProxyListener server = listen(ServerProxyConfig.defaults(new ListenerConfig("127.0.0.1", 0))
                .withIdleTimeout(Duration.ofMillis(200)), pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));
        PeerChannel first = client.connect(List.of(ss1));
        roundTrip(first, "one");
        first.release(true);

        Poll.until(() -> client.idleConnections(ss1) == 0, "the server closes the idle connection");
        PeerChannel second = client.connect(List.of(ss1));
        roundTrip(second, "two");
        second.release(true);

        assertEquals(2, serverConnections.size(), "a second connection was made");
    }

    @Test
    void aFaultInTheMiddleOfARequestReachesTheSender() {
        ServerProxyListener server = listen(pki.ss1, channel -> {
            channel.receive(WAIT);
            channel.receive(WAIT);
            channel.send(new Frame(FrameType.FAULT, TransportFaultCodec.encode(org.zhol.protocol.transport.TransportFault
                    .of(ZholException.client(ErrorCode.ACCESS_DENIED, "no")
                            .withPrefix(org.zhol.protocol.error.FaultPrefix.SERVER_SERVER_PROXY)))));
            channel.release(false);
        });
        PeerClient client = client(pki.consumer);
        PeerChannel channel = client.connect(List.of(pki.ss1.at(at(server))));

        channel.send(new Frame(FrameType.META, new byte[] {1}));
        channel.send(new Frame(FrameType.HEAD, new byte[] {2}));
        // Sending stops once the FAULT is here (transport.md §8.1); the FAULT stays queued for receive.
        ZholException stopped = assertThrows(ZholException.class, () -> {
            while (true) {
                channel.send(new Frame(FrameType.DATA, new byte[64 * 1024]));
            }
        });
        Frame answer = channel.receive(WAIT);
        channel.release(false);

        assertEquals(ErrorCode.NETWORK_ERROR, stopped.code());
        assertEquals(FrameType.FAULT, answer.type());
        assertEquals("Server.ServerProxy.AccessDenied", TransportFaultCodec.decode(answer.payload(),
                TransportLimits.DEFAULT).code().toString());
    }

    @Test
    void aPeerDeregisteredSinceTheHandshakeGetsAFaultOnItsNextExchange() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));
        PeerChannel first = client.connect(List.of(ss1));
        roundTrip(first, "one");
        first.release(true);

        pki.authenticator.unregister(pki.consumer);
        PeerChannel second = client.connect(List.of(ss1));
        try {
            message("two").forEach(second::send);
        } catch (ZholException sendStopped) {
            // The FAULT may overtake the last frames: sending stops, the FAULT stays to be read (transport.md 8.1).
            assertEquals(ErrorCode.NETWORK_ERROR, sendStopped.code());
        }
        Frame answer = second.receive(WAIT);
        second.release(false);

        assertEquals(FrameType.FAULT, answer.type());
        assertEquals("Server.ServerProxy.SslAuthenticationFailed", TransportFaultCodec.decode(answer.payload(),
                TransportLimits.DEFAULT).code().toString());
        assertEquals(1, handled.get(), "the second exchange never reached the handler");
    }

    @Test
    void aPooledConnectionWhosePeerOcspWentStaleIsReplaced() {
        Rotating ss1Identity = new Rotating(pki.ss1);
        ServerProxyListener server = listen(ServerProxyConfig.defaults(new ListenerConfig("127.0.0.1", 0)),
                ss1Identity, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));
        PeerChannel first = client.connect(List.of(ss1));
        roundTrip(first, "one");
        first.release(true);

        byte[] fresh = {9, 9, 9};
        ss1Identity.ocsp = fresh;
        pki.authenticator.register(pki.ss1.withOcsp(fresh));
        PeerChannel second = client.connect(List.of(ss1));
        roundTrip(second, "two");
        second.release(true);

        assertEquals(2, serverConnections.size(), "the stale connection was dropped, a new HELLO made");
        assertEquals(1, client.idleConnections(ss1));
    }

    /** An identity whose OCSP response the test replaces, as the OCSP cache does. */
    private static final class Rotating implements org.zhol.securityserver.exchange.AuthIdentity {
        private final PeerFixture.Server server;
        volatile byte[] ocsp;

        Rotating(PeerFixture.Server server) {
            this.server = server;
            this.ocsp = server.ocsp();
        }

        @Override
        public java.security.PrivateKey privateKey() {
            return server.privateKey();
        }

        @Override
        public List<java.security.cert.X509Certificate> chain() {
            return server.chain();
        }

        @Override
        public byte[] ocspResponse() {
            return ocsp.clone();
        }
    }

    @Test
    void failsOverToTheNextCandidateWhenTheFirstRefusesConnections() throws IOException {
        ServerProxyListener ss2 = listen(pki.ss2, ECHO);
        PeerClient client = client(pki.consumer);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        PeerChannel channel = client.connect(List.of(pki.ss1.at("127.0.0.1:" + closedPort), pki.ss2.at(at(ss2))));

        assertEquals(pki.ss2.id(), channel.peer());
        roundTrip(channel, "after failover");
        channel.release(true);
    }

    @Test
    void noReachableCandidateIsANetworkError() throws IOException {
        PeerClient client = client(pki.consumer);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ZholException e = assertThrows(ZholException.class,
                () -> client.connect(List.of(pki.ss1.at("127.0.0.1:" + closedPort))));
        assertEquals(ErrorCode.NETWORK_ERROR, e.code());
        assertEquals(ErrorCode.NETWORK_ERROR, assertThrows(ZholException.class, () -> client.connect(List.of())).code());
    }

    @Tag("security")
    @Test
    void anUnregisteredClientCertificateIsRefused() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.stranger);

        ZholException e = assertThrows(ZholException.class, () -> client.connect(List.of(pki.ss1.at(at(server)))));

        assertEquals(ErrorCode.SSL_AUTHENTICATION_FAILED, e.code());
        assertEquals(0, handled.get());
    }

    @Tag("security")
    @Test
    void anUnregisteredServerCertificateIsRefused() {
        ServerProxyListener server = listen(pki.stranger, ECHO);
        PeerClient client = client(pki.consumer);

        ZholException e = assertThrows(ZholException.class, () -> client.connect(List.of(pki.ss1.at(at(server)))));

        assertEquals(ErrorCode.SSL_AUTHENTICATION_FAILED, e.code());
        assertEquals(0, handled.get());
    }

    @Tag("security")
    @Test
    void aServerMustBeTheCandidateItWasDialledAs() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);

        ZholException e = assertThrows(ZholException.class, () -> client.connect(List.of(pki.ss2.at(at(server)))));

        assertEquals(ErrorCode.SSL_AUTHENTICATION_FAILED, e.code());
        assertTrue(e.detail().contains(pki.ss1.id().toString()), e.detail());
    }

    @Tag("security")
    @Test
    void theServerChecksTheClientsStapledOcsp() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer.withOcsp(new byte[] {1, 2, 3}));

        ZholException e = assertThrows(ZholException.class, () -> client.connect(List.of(pki.ss1.at(at(server)))));

        assertEquals("Server.ServerProxy.SslAuthenticationFailed", e.faultCode().toString());
        assertEquals(0, handled.get());
    }

    @Tag("security")
    @Test
    void theClientChecksTheServersStapledOcsp() {
        ServerProxyListener server = listen(pki.ss1.withOcsp(new byte[] {1, 2, 3}), ECHO);
        PeerClient client = client(pki.consumer);

        ZholException e = assertThrows(ZholException.class, () -> client.connect(List.of(pki.ss1.at(at(server)))));

        assertEquals(ErrorCode.SSL_AUTHENTICATION_FAILED, e.code());
        assertEquals(0, handled.get());
    }

    @Tag("security")
    @Test
    void aTls12ClientIsRefusedAndATls13OneAccepted() throws Exception {
        ServerProxyListener server = listen(pki.ss1, ECHO);

        try (SSLSocket old = (SSLSocket) JdkTls.context(pki.consumer).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            old.setEnabledProtocols(new String[] {"TLSv1.2"});
            old.setSoTimeout(10_000);
            assertThrows(IOException.class, old::startHandshake);
        }
        try (SSLSocket current = (SSLSocket) JdkTls.context(pki.consumer).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            current.setEnabledProtocols(new String[] {"TLSv1.3"});
            current.setSoTimeout(10_000);
            current.startHandshake();
            assertEquals("TLSv1.3", current.getSession().getProtocol());
        }
    }

    @Tag("security")
    @Test
    void theClientRefusesATls12Server() throws Exception {
        try (ServerSocket tls12 = JdkTls.context(pki.ss1).getServerSocketFactory().createServerSocket(0)) {
            ((javax.net.ssl.SSLServerSocket) tls12).setEnabledProtocols(new String[] {"TLSv1.2"});
            Thread accepting = Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) tls12.accept()) {
                    s.startHandshake();
                } catch (IOException expected) {
                    // the Zhol client refuses the handshake
                }
            });
            PeerClient client = client(pki.consumer);

            ZholException e = assertThrows(ZholException.class,
                    () -> client.connect(List.of(pki.ss1.at("127.0.0.1:" + tls12.getLocalPort()))));

            assertEquals(ErrorCode.SSL_AUTHENTICATION_FAILED, e.code());
            accepting.join(WAIT);
        }
    }

    @Tag("security")
    @Test
    void aMalformedFrameReachesTheExchangeAsInvalidMessage() throws Exception {
        List<ErrorCode> seen = new CopyOnWriteArrayList<>();
        ServerProxyListener server = listen(pki.ss1, channel -> {
            try {
                channel.receive(WAIT);
            } catch (ZholException e) {
                seen.add(e.code());
                channel.send(new Frame(FrameType.FAULT, TransportFaultCodec.encode(
                        org.zhol.protocol.transport.TransportFault.of(e))));
            }
            channel.release(false);
        });
        try (SSLSocket raw = (SSLSocket) JdkTls.context(pki.consumer).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            raw.setSoTimeout(20_000);
            OutputStream out = raw.getOutputStream();
            DataInputStream in = new DataInputStream(raw.getInputStream());
            out.write(FrameCodec.encode(new Frame(FrameType.HELLO, HelloCodec.encode(Hello.of(pki.consumer.ocsp())))));
            out.flush();
            assertEquals(FrameType.HELLO, readFrame(in).type());

            out.write(new byte[] {0x7f, 0, 0, 0, 1, 0});
            out.flush();
            Frame fault = readFrame(in);

            assertEquals(FrameType.FAULT, fault.type());
            assertEquals(List.of(ErrorCode.INVALID_MESSAGE), seen);
            assertEquals(-1, in.read(), "the connection is closed after the fault");
        }
    }

    private static Frame readFrame(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        var parsed = org.zhol.protocol.transport.FrameHeader.parse(header, 0, TransportLimits.DEFAULT);
        byte[] payload = new byte[parsed.length()];
        in.readFully(payload);
        return new Frame(parsed.type(), payload);
    }

    @Test
    void closingTheListenerClosesIdleConnections() {
        ServerProxyListener server = listen(pki.ss1, ECHO);
        PeerClient client = client(pki.consumer);
        SecurityServer ss1 = pki.ss1.at(at(server));
        PeerChannel channel = client.connect(List.of(ss1));
        roundTrip(channel, "one");
        channel.release(true);

        server.close();

        Poll.until(() -> client.idleConnections(ss1) == 0, "the pooled connection sees the close");
        assertFalse(client.idleConnections(ss1) > 0);
    }
}
