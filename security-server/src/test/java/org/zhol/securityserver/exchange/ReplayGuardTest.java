// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.server.testing.MutableClock;

/** The replay window, message-id uniqueness, expiry, the bounded memory and the floor after a start. */
@Tag("security")
class ReplayGuardTest {

    static final SubsystemId CLIENT = MemberId.parse("DEV/GOV/1001").subsystem("CONSUMER");
    static final SubsystemId OTHER = MemberId.parse("DEV/GOV/1001").subsystem("OTHER");
    static final ServiceId SERVICE = MemberId.parse("DEV/COM/2002").subsystem("PROVIDER").service("echo");
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(START);

    static MessageMetadata request(SubsystemId client, String id, Instant signed) {
        return new MessageMetadata(id, client, SERVICE, signed, Optional.empty());
    }

    static String code(Runnable action) {
        ZholException e = catchThrowableOfType(ZholException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.origin()).isEqualTo(Origin.CLIENT);
        return e.faultCode().toString();
    }

    @Test
    void aMessageIdIsAcceptedOncePerClientWithinTheWindow() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 100, clock);
        clock.advance(Duration.ofSeconds(10));
        MessageMetadata first = request(CLIENT, "id-1", clock.instant());

        guard.check(first);
        guard.remember(first);

        assertThat(code(() -> guard.check(first))).isEqualTo("DuplicateMessageId");
        assertThat(code(() -> guard.remember(first))).isEqualTo("DuplicateMessageId");
        // The same id re-signed later is still the same message id of the same client.
        MessageMetadata resigned = request(CLIENT, "id-1", clock.instant().plusSeconds(3));
        assertThat(code(() -> guard.check(resigned))).isEqualTo("DuplicateMessageId");
        // Another client may use the same id.
        assertThatCode(() -> guard.remember(request(OTHER, "id-1", clock.instant()))).doesNotThrowAnyException();
        assertThat(guard.size()).isEqualTo(2);
    }

    @Test
    void aSigningTimeOutsideTheWindowEitherWayIsRefused() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 100, clock);
        clock.advance(Duration.ofMinutes(20));
        Instant now = clock.instant();

        assertThat(code(() -> guard.check(request(CLIENT, "old", now.minusSeconds(301))))).isEqualTo(
                "InvalidSigningTime");
        assertThat(code(() -> guard.check(request(CLIENT, "ahead", now.plusSeconds(301))))).isEqualTo(
                "InvalidSigningTime");
        assertThatCode(() -> guard.remember(request(CLIENT, "edge-old", now.minusSeconds(300))))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.remember(request(CLIENT, "edge-ahead", now.plusSeconds(300))))
                .doesNotThrowAnyException();
    }

    @Test
    void anEntryIsForgottenOnlyOnceTheWindowRefusesItsSigningTime() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 100, clock);
        clock.advance(Duration.ofSeconds(1));
        MessageMetadata sent = request(CLIENT, "id", clock.instant());
        guard.remember(sent);

        clock.advance(Duration.ofSeconds(300));
        assertThat(code(() -> guard.check(sent))).isEqualTo("DuplicateMessageId");
        clock.advance(Duration.ofSeconds(1));
        assertThat(code(() -> guard.check(sent))).isEqualTo("InvalidSigningTime");
        assertThat(guard.size()).isZero();
    }

    @Test
    void aFullMemoryDropsTheEarliestAndRefusesWhatItCanNoLongerVouchFor() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 3, clock);
        clock.advance(Duration.ofSeconds(60));
        Instant now = clock.instant();
        guard.remember(request(CLIENT, "a", now.minusSeconds(30)));
        guard.remember(request(CLIENT, "b", now.minusSeconds(20)));
        guard.remember(request(CLIENT, "c", now.minusSeconds(10)));
        guard.remember(request(CLIENT, "d", now));

        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.floor()).isEqualTo(now.minusSeconds(30));
        // "a" was dropped: a copy of it is refused by the floor, not let through.
        assertThat(code(() -> guard.check(request(CLIENT, "a", now.minusSeconds(30))))).isEqualTo(
                "InvalidSigningTime");
        assertThat(code(() -> guard.check(request(CLIENT, "b", now.minusSeconds(20))))).isEqualTo(
                "DuplicateMessageId");
        assertThatCode(() -> guard.check(request(CLIENT, "e", now.minusSeconds(29)))).doesNotThrowAnyException();
    }

    @Test
    void aNewGuardRefusesWhatWasSignedBeforeItStarted() {
        clock.advance(Duration.ofMillis(700));
        ReplayGuard restarted = new ReplayGuard(Duration.ofMinutes(5), 100, clock);

        assertThat(code(() -> restarted.check(request(CLIENT, "captured", START.minusSeconds(1))))).isEqualTo(
                "InvalidSigningTime");
        assertThatCode(() -> restarted.remember(request(CLIENT, "fresh", START))).doesNotThrowAnyException();
    }

    @Test
    void theWindowAndCapacityMustBePositive() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ReplayGuard(Duration.ofMillis(500), 10, clock))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ReplayGuard(Duration.ofMinutes(1), 0, clock))).isNotNull();
    }
}
