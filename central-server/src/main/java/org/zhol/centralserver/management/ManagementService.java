// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.registry.ConfigurationSource;
import org.zhol.centralserver.registry.Registry;
import org.zhol.centralserver.store.ManagementRequestStore;
import org.zhol.centralserver.store.RequestState;
import org.zhol.centralserver.store.StoredRequest;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ManagementEnvelopeCodec;
import org.zhol.protocol.management.ManagementLimits;
import org.zhol.protocol.management.ManagementRequest;
import org.zhol.protocol.management.ManagementRequestCodec;
import org.zhol.protocol.management.ManagementRequestVerifier;

/**
 * Receives and decides management requests. {@link #submit} verifies an envelope against the
 * registry's current trust services ({@link ManagementRequestVerifier}), checks the registry's
 * preconditions, stores the request durably and then, by type and policy, applies it at once or leaves
 * it pending; {@link #approve}, {@link #reject} and {@link #revoke} decide pending ones, recording who
 * and when.
 *
 * <p><b>Consistency:</b> the state change is committed first ({@code APPROVED}, not yet applied), then
 * the registry change (its own transaction), then the applied mark. {@link #recover()} re-applies, at
 * start, every approved request that lacks the mark; {@link RegistryChanges} is idempotent, so a crash
 * at any point loses no accepted request and applies none twice.
 */
public final class ManagementService {

    /** Who decides requests that take effect on receipt. */
    public static final String IMMEDIATE = "policy:immediate";
    /** Who decides registrations under the auto-approve policy. */
    public static final String AUTO_APPROVE = "policy:auto-approve";
    /** Who revokes a pending client registration that a deletion of the same client overtakes. */
    public static final String SUPERSEDED = "policy:superseded";

    private static final Logger LOG = LoggerFactory.getLogger(ManagementService.class);

    private final ManagementRequestStore store;
    private final ConfigurationSource configuration;
    private final RequestPreconditions preconditions;
    private final RegistryChanges changes;
    private final boolean autoApprove;
    private final Clock clock;

    /**
     * @param registry      where approved requests are applied
     * @param configuration the registry as one configuration: trust for verification, state for checks
     * @param autoApprove   whether registrations are approved by policy on receipt
     */
    public ManagementService(ManagementRequestStore store, Registry registry, ConfigurationSource configuration,
            boolean autoApprove, Clock clock) {
        this.store = store;
        this.configuration = configuration;
        this.preconditions = new RequestPreconditions(store);
        this.changes = new RegistryChanges(registry);
        this.autoApprove = autoApprove;
        this.clock = clock;
    }

    /**
     * Accepts a signed envelope from a security server.
     *
     * @return the stored request: {@code PENDING}, or {@code APPROVED} and applied
     * @throws ZholException the verifier's codes ({@code protocol-spec/docs/management.md} §6), or those
     *                       of the preconditions ({@code UnknownMember}, {@code InvalidSecurityServer},
     *                       {@code NotFound}, {@code InvalidRequest} for a duplicate); nothing is stored
     */
    public StoredRequest submit(byte[] envelope) {
        Instant now = clock.instant();
        GlobalConfiguration conf = configuration.current();
        ManagementRequest request = new ManagementRequestVerifier(conf, CertificateProfiles.standard())
                .verify(envelope, conf.instance(), now).request();
        preconditions.check(request, conf, true);
        RequestKind kind = RequestKind.of(request);
        Optional<String> decider = kind.immediate() ? Optional.of(IMMEDIATE)
                : autoApprove ? Optional.of(AUTO_APPROVE) : Optional.empty();
        StoredRequest stored = new StoredRequest(request.requestId(), kind.type(), request.server().toPath(),
                kind.subject(), envelope, decider.isPresent() ? RequestState.APPROVED : RequestState.PENDING, false,
                now, decider.map(d -> now), decider, Optional.empty());
        store.insert(stored);
        LOG.info("Management request {} ({} for {}) received: {}", stored.id(), kind.type(), stored.server(),
                stored.state());
        if (request instanceof ClientDeletion) {
            revokeOvertaken(stored, now);
        }
        return decider.isPresent() ? apply(stored, request) : stored;
    }

    /**
     * Approves a pending request and applies it.
     *
     * @param who the deciding token's name
     * @throws ZholException {@code NotFound} for an unknown id, {@code InvalidRequest} when it is not
     *                       pending, the preconditions' codes when it can no longer be applied
     */
    public StoredRequest approve(String id, String who) {
        StoredRequest pending = requirePending(id);
        ManagementRequest request = parse(pending);
        preconditions.check(request, configuration.current(), false);
        requireDecided(store.decide(id, RequestState.PENDING, RequestState.APPROVED, who, clock.instant(),
                Optional.empty()), id);
        return apply(find(id).orElseThrow(), request);
    }

    /** Rejects a pending request; nothing changes in the registry. */
    public StoredRequest reject(String id, String who, Optional<String> reason) {
        return close(id, RequestState.REJECTED, who, reason);
    }

    /** Revokes (withdraws) a pending request; nothing changes in the registry. */
    public StoredRequest revoke(String id, String who, Optional<String> reason) {
        return close(id, RequestState.REVOKED, who, reason);
    }

    /** One request. */
    public Optional<StoredRequest> find(String id) {
        return store.find(id);
    }

    /** All requests, or those in {@code state}, oldest first. */
    public List<StoredRequest> list(Optional<RequestState> state) {
        return store.list(state);
    }

    /**
     * Re-applies approved requests whose registry change was not confirmed (a crash between the two
     * commits). Called once at start.
     *
     * @return how many were re-applied
     */
    public int recover() {
        int count = 0;
        for (StoredRequest r : store.list(Optional.of(RequestState.APPROVED))) {
            if (!r.applied()) {
                try {
                    apply(r, parse(r));
                    count++;
                } catch (ZholException e) {
                    // apply() has rejected it with the reason; the others still get their turn
                }
            }
        }
        if (count > 0) {
            LOG.info("Re-applied {} approved management request(s) after an interrupted run", count);
        }
        return count;
    }

    private StoredRequest apply(StoredRequest approved, ManagementRequest request) {
        try {
            changes.apply(request);
        } catch (ZholException e) {
            LOG.warn("Approved management request {} cannot be applied; rejecting it: {}", approved.id(), e.detail());
            store.decide(approved.id(), RequestState.APPROVED, RequestState.REJECTED, "policy:apply-failed",
                    clock.instant(), Optional.of(e.faultCode() + ": " + e.detail()));
            throw e;
        }
        store.markApplied(approved.id());
        return find(approved.id()).orElseThrow();
    }

    private StoredRequest close(String id, RequestState to, String who, Optional<String> reason) {
        requirePending(id);
        requireDecided(store.decide(id, RequestState.PENDING, to, who, clock.instant(), reason), id);
        LOG.info("Management request {} {} by {}", id, to, who);
        return find(id).orElseThrow();
    }

    /** A client deletion withdraws pending registrations of the same client on the same server. */
    private void revokeOvertaken(StoredRequest deletion, Instant now) {
        for (StoredRequest r : store.list(Optional.of(RequestState.PENDING))) {
            if (r.type().equals("clientReg") && r.server().equals(deletion.server())
                    && r.subject().equals(deletion.subject())) {
                store.decide(r.id(), RequestState.PENDING, RequestState.REVOKED, SUPERSEDED, now,
                        Optional.of("overtaken by client deletion " + deletion.id()));
            }
        }
    }

    private StoredRequest requirePending(String id) {
        StoredRequest r = find(id).orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND,
                "Management request " + id + " does not exist"));
        if (r.state() != RequestState.PENDING) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Management request " + id + " is " + r.state()
                    + " already");
        }
        return r;
    }

    private static void requireDecided(boolean changed, String id) {
        if (!changed) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Management request " + id
                    + " was decided meanwhile");
        }
    }

    /** The request inside a stored envelope; it was verified on receipt, so only decoded here. */
    private static ManagementRequest parse(StoredRequest r) {
        byte[] bytes = ManagementEnvelopeCodec.decode(r.payload(), ManagementLimits.DEFAULT).requestBytes();
        return ManagementRequestCodec.decode(bytes, ManagementLimits.DEFAULT);
    }
}
