// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.registry.RegistrationStatus;

/**
 * Follows the kept requests until they are final. Every check interval (steps 1 to 3), and after each
 * submission (steps 1 and 3):
 * <ol>
 *   <li>a {@link RequestStatus#SUBMITTED} request (one the central server accepted) is
 *       {@link RequestStatus#CONFIRMED} once a configuration generation newer than the one held at its
 *       submission shows its change ({@link Confirmation#shows});</li>
 *   <li>the central server is asked about open requests it has not decided (or may not have received),
 *       once a poll interval has passed since the request was submitted or last asked about, and since
 *       this tracker started, so that a restart makes no network call;</li>
 *   <li>each local client's registration status is set by {@link Confirmation#clientStatus}.</li>
 * </ol>
 * Reading the configuration and the database is all a check costs when nothing is open.
 */
public final class RegistrationTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationTracker.class);

    private final RegistrationContext context;
    private final RequestSubmission submission;
    private final Duration checkInterval;
    private final Duration pollInterval;
    /** Used by the scheduler's thread only: when the central server was last asked about each open request. */
    private final Map<String, Instant> polled = new HashMap<>();
    private ScheduledExecutorService scheduler;
    /** When {@link #start()} ran; polls are due one interval after it at the earliest. */
    private volatile Instant started = Instant.MIN;

    /**
     * @param context       what the flows share
     * @param submission    asks the central server about a request
     * @param checkInterval how often to check
     * @param pollInterval  how often to ask the central server about one undecided request
     */
    public RegistrationTracker(RegistrationContext context, RequestSubmission submission, Duration checkInterval,
            Duration pollInterval) {
        this.context = context;
        this.submission = submission;
        this.checkInterval = checkInterval;
        this.pollInterval = pollInterval;
    }

    /** Starts the periodic checks, the first after one check interval (no network call at start). */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the registration tracker is already started");
        }
        started = context.clock().instant();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("zhol-registration").factory());
        long millis = checkInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One check now, without any network call: confirmations from the configuration held, then the local
     * clients' status.
     */
    public synchronized void check() {
        Optional<Held> held = held();
        held.ifPresent(h -> context.requests().open().forEach(r -> confirm(r, h)));
        updateClients(context.requests().open(), held);
    }

    /** What the schedule runs: a check, then the polls that are due (outside the check's lock). */
    private void tick() {
        try {
            check();
            if (pollDue(context.requests().open())) {
                check();
            }
        } catch (RuntimeException e) {
            LOG.warn("Registration check failed: {}", e.toString());
        }
    }

    /** The configuration held now and this server's entry in it. */
    private record Held(long generation, Optional<SecurityServer> self) {
    }

    private Optional<Held> held() {
        long generation = context.configuration().status().generation();
        try {
            GlobalConfiguration conf = context.configuration().require();
            return Optional.of(new Held(generation, conf.securityServer(context.server())));
        } catch (ZholException e) {
            return Optional.empty();
        }
    }

    private void confirm(RegistrationRequest request, Held held) {
        if (request.status() == RequestStatus.SUBMITTED && held.generation() > request.baseGeneration()
                && Confirmation.shows(request, held.self())) {
            context.requests().update(request.with(RequestStatus.CONFIRMED, Optional.of(
                    "Shown in configuration generation " + held.generation()), context.clock().instant()));
            LOG.info("Management request {} ({} {}) confirmed by configuration generation {}", request.id(),
                    request.type().wireName(), request.subject(), held.generation());
        }
    }

    /** Asks the central server about the undecided requests that are due; whether any changed. */
    private boolean pollDue(List<RegistrationRequest> open) {
        polled.keySet().retainAll(open.stream().map(RegistrationRequest::id).toList());
        Instant now = context.clock().instant();
        boolean changed = false;
        for (RegistrationRequest request : open) {
            boolean undecided = request.progress().centralState().map(s -> s == CentralState.PENDING).orElse(true);
            if (!undecided) {
                continue;
            }
            Instant last = polled.getOrDefault(request.id(), later(started, request.submittedAt()));
            if (Duration.between(last, now).compareTo(pollInterval) < 0) {
                continue;
            }
            polled.put(request.id(), now);
            try {
                changed |= !submission.refresh(request).equals(request);
            } catch (ZholException e) {
                LOG.debug("Cannot ask the central server about request {}: {}", request.id(), e.toString());
            }
        }
        return changed;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void updateClients(List<RegistrationRequest> open, Optional<Held> held) {
        for (LocalClient client : context.clients().clients()) {
            RegistrationStatus status = Confirmation.clientStatus(client.id(), client.status(), open,
                    held.isPresent(), held.flatMap(Held::self));
            if (status != client.status()) {
                context.clients().setStatus(client.id(), status);
                LOG.info("Client {} is now {}", client.id().toPath(), status);
            }
        }
    }
}
