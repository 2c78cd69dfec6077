// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Idle verified connections per peer server and address, most recently used first. A connection found
 * closed, dirty or too old when taken is dropped and the next one tried; the idle timer and unsolicited
 * frames close pooled connections in place ({@link PeerConnection#closeIfIdle()}), and they are swept out
 * when next met.
 */
final class PeerPool {

    /** A pool per server and address: an address change in the configuration starts a fresh pool. */
    record Key(SecurityServerId server, PeerAddress address) {
    }

    private final Map<Key, Deque<PeerConnection>> idle = new ConcurrentHashMap<>();
    private final int maxIdlePerPeer;
    private final Duration maxLifetime;

    PeerPool(int maxIdlePerPeer, Duration maxLifetime) {
        this.maxIdlePerPeer = maxIdlePerPeer;
        this.maxLifetime = maxLifetime;
    }

    /** An idle connection to {@code key}, now in use; null when there is none. */
    PeerConnection take(Key key) {
        Deque<PeerConnection> connections = idle.get(key);
        if (connections == null) {
            return null;
        }
        PeerConnection connection;
        while ((connection = connections.pollFirst()) != null) {
            if (connection.checkOut()) {
                return connection;
            }
        }
        return null;
    }

    /** Returns a connection whose exchange ended cleanly; closes it when it is too old or the pool is full. */
    void giveBack(Key key, PeerConnection connection) {
        Deque<PeerConnection> connections = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        connections.removeIf(c -> !c.isOpen());
        if (!connection.isOpen() || connection.age().compareTo(maxLifetime) >= 0
                || connections.size() >= maxIdlePerPeer) {
            connection.close();
            return;
        }
        connection.park();
        connections.addFirst(connection);
    }

    /** How many idle connections are held for {@code key} (open or not yet swept). */
    int idleCount(Key key) {
        Deque<PeerConnection> connections = idle.get(key);
        return connections == null ? 0 : (int) connections.stream().filter(PeerConnection::isOpen).count();
    }

    /** Closes every idle connection. */
    void closeAll() {
        for (Deque<PeerConnection> connections : idle.values()) {
            PeerConnection connection;
            while ((connection = connections.pollFirst()) != null) {
                connection.closeIfIdle();
            }
        }
    }
}
