// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageMetadata;

/**
 * The server proxy's replay protection ({@code transport.md} §13): a request's signing time must be within
 * the replay window of this server's clock, and a client's message id is accepted once while the window
 * lasts.
 *
 * <p>Requests are remembered by a 128-bit digest of (client, message id), grouped by the second at which
 * they expire (signing time + window), so that expiring is dropping whole groups. The memory holds at most
 * {@code capacity} entries; when it is full the groups that expire first are dropped early and the
 * <em>floor</em> rises to their signing time: a request signed at or before the floor is refused, since it
 * can no longer be told apart from a replay. A new guard's floor is the second before its creation, so
 * that nothing captured before a restart is accepted after it.
 *
 * <p><b>Limits:</b> {@code capacity} entries, about 100 bytes each. <b>Pitfalls:</b> only verified requests
 * may be {@link #remember remembered}; {@link #check} on arrival is a cheap early refusal that an
 * unverified request cannot influence.
 */
public final class ReplayGuard {

    /** The default number of remembered requests. */
    public static final int DEFAULT_CAPACITY = 500_000;

    /** One remembered request: the first 128 bits of SHA-256(client, 0, message id). */
    private record Key(long high, long low) {
    }

    private final long windowSeconds;
    private final int capacity;
    private final InstantSource clock;
    private final Set<Key> seen = new HashSet<>();
    private final TreeMap<Long, List<Key>> byExpiry = new TreeMap<>();
    /** Requests signed at or before this second (epoch seconds) are refused. */
    private long floor;

    /**
     * @param window   the replay window, at least one second
     * @param capacity the most requests remembered, at least one
     * @param clock    this server's clock
     */
    public ReplayGuard(Duration window, int capacity, InstantSource clock) {
        if (window.toSeconds() < 1 || capacity < 1) {
            throw new IllegalArgumentException("the replay window and capacity must be positive");
        }
        this.windowSeconds = window.toSeconds();
        this.capacity = capacity;
        this.clock = clock;
        this.floor = clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond() - 1;
    }

    /**
     * The checks on a request's arrival, before anything is verified: its signing time is within the window
     * and above the floor, and its (client, message id) has not been accepted yet.
     *
     * @throws ZholException {@code InvalidSigningTime} or {@code DuplicateMessageId}, origin {@code CLIENT}
     */
    public synchronized void check(MessageMetadata request) {
        long now = clock.instant().getEpochSecond();
        expire(now);
        requireTimely(request, now);
        if (seen.contains(key(request))) {
            throw duplicate(request);
        }
    }

    /**
     * Remembers a request whose signature has verified, until its signing time plus the window; repeats the
     * checks of {@link #check}, atomically with remembering it, so that of two copies racing only one
     * passes.
     *
     * @throws ZholException {@code InvalidSigningTime} or {@code DuplicateMessageId}, origin {@code CLIENT}
     */
    public synchronized void remember(MessageMetadata request) {
        long now = clock.instant().getEpochSecond();
        expire(now);
        requireTimely(request, now);
        Key key = key(request);
        if (!seen.add(key)) {
            throw duplicate(request);
        }
        byExpiry.computeIfAbsent(request.signingTime().getEpochSecond() + windowSeconds, s -> new ArrayList<>())
                .add(key);
        while (seen.size() > capacity) {
            Map.Entry<Long, List<Key>> first = byExpiry.pollFirstEntry();
            first.getValue().forEach(seen::remove);
            floor = Math.max(floor, first.getKey() - windowSeconds);
        }
    }

    /** How many requests are remembered now. */
    public synchronized int size() {
        return seen.size();
    }

    /** The latest signing time that is refused whatever its message id. */
    public synchronized Instant floor() {
        return Instant.ofEpochSecond(floor);
    }

    private void expire(long now) {
        while (!byExpiry.isEmpty() && byExpiry.firstKey() < now) {
            byExpiry.pollFirstEntry().getValue().forEach(seen::remove);
        }
    }

    private void requireTimely(MessageMetadata request, long now) {
        long signed = request.signingTime().getEpochSecond();
        if (Math.abs(signed - now) > windowSeconds) {
            throw ZholException.client(ErrorCode.INVALID_SIGNING_TIME, "The request was signed at "
                    + request.signingTime() + ", more than " + windowSeconds + " s from this server's time "
                    + Instant.ofEpochSecond(now) + " (the replay window; are the servers' clocks in step?)");
        }
        if (signed <= floor) {
            throw ZholException.client(ErrorCode.INVALID_SIGNING_TIME, "The request was signed at "
                    + request.signingTime() + ", not after " + Instant.ofEpochSecond(floor)
                    + ", before which this server can no longer recognise a replay");
        }
    }

    private static ZholException duplicate(MessageMetadata request) {
        return ZholException.client(ErrorCode.DUPLICATE_MESSAGE_ID, "The client " + request.client()
                + " has already sent a request with this message id within the replay window");
    }

    private static Key key(MessageMetadata request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.client().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.messageId().getBytes(StandardCharsets.UTF_8));
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            return new Key(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
