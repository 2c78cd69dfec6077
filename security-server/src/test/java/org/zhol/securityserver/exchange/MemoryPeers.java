// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;

/**
 * An in-memory transport between security servers for the exchange logic's tests: {@link #connect} makes
 * a pair of channels over bounded queues (so a slow reader holds the sender back) and runs the target
 * server's {@link InboundExchangeHandler} on a virtual thread, as the real listener does. Frames sent
 * before a channel closed can still be received. An optional tamperer rewrites client-to-server frames.
 */
final class MemoryPeers implements PeerConnector {

    private final SecurityServerId self;
    private final Map<SecurityServerId, InboundExchangeHandler> servers = new ConcurrentHashMap<>();
    private volatile UnaryOperator<Frame> tamper = UnaryOperator.identity();

    MemoryPeers(SecurityServerId self) {
        this.self = self;
    }

    void serve(SecurityServerId id, InboundExchangeHandler handler) {
        servers.put(id, handler);
    }

    void stop(SecurityServerId id) {
        servers.remove(id);
    }

    void tamper(UnaryOperator<Frame> rewrite) {
        tamper = rewrite;
    }

    @Override
    public PeerChannel connect(List<SecurityServer> candidates) {
        for (SecurityServer candidate : candidates) {
            InboundExchangeHandler handler = servers.get(candidate.id());
            if (handler != null) {
                Pipe toServer = new Pipe();
                Pipe toClient = new Pipe();
                End client = new End(candidate.id(), toClient, toServer, tamper);
                End server = new End(self, toServer, toClient, UnaryOperator.identity());
                Thread.ofVirtual().start(() -> handler.handle(server));
                return client;
            }
        }
        throw ZholException.client(ErrorCode.NETWORK_ERROR, "No candidate server could be reached");
    }

    /** One direction. */
    static final class Pipe {
        final BlockingQueue<Frame> frames = new ArrayBlockingQueue<>(8);
        volatile boolean closed;
    }

    /** One side of a connection. */
    static final class End implements PeerChannel {
        private final SecurityServerId peer;
        private final Pipe in;
        private final Pipe out;
        private final UnaryOperator<Frame> tamper;

        End(SecurityServerId peer, Pipe in, Pipe out, UnaryOperator<Frame> tamper) {
            this.peer = peer;
            this.in = in;
            this.out = out;
            this.tamper = tamper;
        }

        @Override
        public SecurityServerId peer() {
            return peer;
        }

        @Override
        public X509Certificate peerCertificate() {
            throw new UnsupportedOperationException("no TLS in memory");
        }

        @Override
        public void send(Frame frame) {
            try {
                while (!out.closed && !in.closed) {
                    if (out.frames.offer(tamper.apply(frame), 20, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw ZholException.client(ErrorCode.NETWORK_ERROR, "The connection is closed");
        }

        @Override
        public Frame receive(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    Frame frame = in.frames.poll(20, TimeUnit.MILLISECONDS);
                    if (frame != null) {
                        return frame;
                    }
                    if (in.closed) {
                        frame = in.frames.poll();
                        if (frame != null) {
                            return frame;
                        }
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw ZholException.client(ErrorCode.NETWORK_ERROR, in.closed ? "The connection is closed" : "Timed out");
        }

        @Override
        public void release(boolean reusable) {
            in.closed = true;
            out.closed = true;
        }
    }
}
