// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * All configuration signing keys and their states, with the rotation steps as pure transitions.
 * Exactly one key is ACTIVE, at most one is FUTURE, numbers are unique.
 *
 * @param keys the keys, in number order
 */
record SigningKeyRing(List<SigningKeyEntry> keys) {

    SigningKeyRing {
        keys = keys.stream().sorted(Comparator.comparingInt(SigningKeyEntry::number)).toList();
        if (keys.stream().filter(k -> k.state() == SigningKeyState.ACTIVE).count() != 1
                || keys.stream().filter(k -> k.state() == SigningKeyState.FUTURE).count() > 1
                || new HashSet<>(keys.stream().map(SigningKeyEntry::number).toList()).size() != keys.size()) {
            throw new IllegalArgumentException("need exactly one active key, at most one future key, unique numbers");
        }
    }

    SigningKeyEntry active() {
        return keys.stream().filter(k -> k.state() == SigningKeyState.ACTIVE).findFirst().orElseThrow();
    }

    Optional<SigningKeyEntry> future() {
        return keys.stream().filter(k -> k.state() == SigningKeyState.FUTURE).findFirst();
    }

    int nextNumber() {
        return keys.getLast().number() + 1;
    }

    /** The certificates to publish at {@code now}: the active, the future, then retired ones in grace. */
    List<X509Certificate> published(Instant now) {
        List<X509Certificate> certs = new ArrayList<>();
        certs.add(active().certificate());
        future().ifPresent(f -> certs.add(f.certificate()));
        keys.stream().filter(k -> k.state() == SigningKeyState.RETIRED && k.isPublished(now))
                .sorted(Comparator.comparingInt(SigningKeyEntry::number).reversed())
                .forEach(k -> certs.add(k.certificate()));
        return List.copyOf(certs);
    }

    /** This ring with {@code future} added as the FUTURE key. */
    SigningKeyRing withFuture(SigningKeyEntry future) {
        requireNoFuture();
        List<SigningKeyEntry> all = new ArrayList<>(keys);
        all.add(future);
        return new SigningKeyRing(all);
    }

    /** @throws ZholException {@code InvalidRequest} when there is a FUTURE key */
    void requireNoFuture() {
        if (future().isPresent()) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Key " + future().get().number()
                    + " is already the future configuration signing key; activate it first");
        }
    }

    /** The FUTURE key made ACTIVE at {@code now}; the old ACTIVE key RETIRED, published for {@code grace}. */
    SigningKeyRing activated(Instant now, Duration notice, Duration grace) {
        SigningKeyEntry future = future().orElseThrow(() -> ZholException.client(ErrorCode.INVALID_REQUEST,
                "There is no future configuration signing key; generate one first"));
        Instant ready = future.stateSince().plus(notice);
        if (now.isBefore(ready)) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Key " + future.number()
                    + " has been published since " + future.stateSince() + "; it may be activated from " + ready
                    + ", so that security servers with the old anchor learn it first");
        }
        return new SigningKeyRing(keys.stream().map(k -> switch (k.state()) {
            case FUTURE -> k.in(SigningKeyState.ACTIVE, now, Optional.empty());
            case ACTIVE -> k.in(SigningKeyState.RETIRED, now, Optional.of(now.plus(grace)));
            case RETIRED -> k;
        }).toList());
    }

    /** Every retired key unpublished from {@code now} on. */
    SigningKeyRing graceEnded(Instant now) {
        return new SigningKeyRing(keys.stream().map(k -> k.isPublished(now) && k.state() == SigningKeyState.RETIRED
                ? k.in(SigningKeyState.RETIRED, k.stateSince(), Optional.of(now)) : k).toList());
    }
}
