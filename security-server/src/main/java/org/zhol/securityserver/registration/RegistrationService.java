// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementRequest;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * The registration flows (ARCHITECTURE §6): each builds one management request, signs it with the token's
 * keys ({@link RequestSigning}), keeps and sends it ({@link RequestSubmission}), then lets the
 * {@link RegistrationTracker} set the local clients' status at once. Every flow needs a valid global
 * configuration ({@code OutdatedGlobalConf} otherwise): the OCSP responses that the signatures carry are
 * judged by it, and confirmation compares with it.
 */
public final class RegistrationService {

    /**
     * The registration state for the admin API and {@code status}.
     *
     * @param generation the configuration generation held (0 for none)
     * @param valid      whether that configuration is valid now
     * @param self       this server's entry in it, empty when it does not list this server (or none is held)
     * @param open       the open requests
     */
    public record State(long generation, boolean valid, Optional<SecurityServer> self, List<RegistrationRequest> open) {
        public State {
            Objects.requireNonNull(self, "self");
            open = List.copyOf(open);
        }
    }

    private final RegistrationContext context;
    private final Signer signer;
    private final RequestSigning signing;
    private final RequestSubmission submission;
    private final RegistrationTracker tracker;

    public RegistrationService(RegistrationContext context, Signer signer, RequestSigning signing,
            RequestSubmission submission, RegistrationTracker tracker) {
        this.context = context;
        this.signer = signer;
        this.signing = signing;
        this.submission = submission;
        this.tracker = tracker;
    }

    /**
     * Registers an authentication certificate with the address at which this server is reached.
     *
     * @param keyId   the AUTH key whose certificate to register; empty picks the only AUTH key with a
     *                certificate that the configuration does not list for this server yet
     * @param address host[:port]
     * @throws ZholException {@code BadRequest} when no or several certificates qualify, or the chosen one is
     *                       registered already; {@code InvalidRequest} for a bad address; what
     *                       {@link #submit} throws
     */
    public RegistrationRequest registerAuthCertificate(Optional<String> keyId, String address) {
        Optional<SecurityServer> self = self(context.configuration().require());
        X509Certificate certificate = authCertificate(keyId, self);
        return submit(AuthCertRegistration.create(context.server(), address, RequestSigning.der(certificate),
                context.clock().instant()));
    }

    /**
     * Registers a local client on this server.
     *
     * @throws ZholException {@code UnknownMember} when it is not a local client; {@code BadRequest} when the
     *                       configuration lists it on this server already
     */
    public RegistrationRequest registerClient(SubsystemId client) {
        LocalClient local = context.clients().client(client);
        if (self(context.configuration().require()).map(s -> s.clients().contains(client)).orElse(false)) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The client " + client.toPath()
                    + " is registered on this server already");
        }
        return submit(ClientRegistration.create(context.server(), local.id(), context.clock().instant()));
    }

    /**
     * Asks the central server to delete a local client from this server. The client's local definition
     * stays; once deleted it is {@code SAVED} again.
     *
     * @throws ZholException {@code UnknownMember} when it is not a local client
     */
    public RegistrationRequest deleteClient(SubsystemId client) {
        LocalClient local = context.clients().client(client);
        context.configuration().require();
        return submit(ClientDeletion.create(context.server(), local.id(), context.clock().instant()));
    }

    /** Changes the address at which this server is reached (host[:port]). */
    public RegistrationRequest changeAddress(String address) {
        context.configuration().require();
        return submit(AddressChange.create(context.server(), address, context.clock().instant()));
    }

    /** Tells the central server that this server enters ({@code true}) or leaves maintenance mode. */
    public RegistrationRequest maintenance(boolean enabled) {
        context.configuration().require();
        return submit(MaintenanceMode.create(context.server(), enabled, context.clock().instant()));
    }

    /** Every kept request, oldest first. */
    public List<RegistrationRequest> requests() {
        return context.requests().list();
    }

    /** One kept request, or {@code NotFound}. */
    public RegistrationRequest request(String id) {
        return context.requests().find(id).orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND,
                "No such registration request: " + id));
    }

    /** The registration state now. */
    public State state() {
        long generation = context.configuration().status().generation();
        Optional<SecurityServer> self;
        boolean valid;
        try {
            self = self(context.configuration().require());
            valid = true;
        } catch (ZholException e) {
            self = Optional.empty();
            valid = false;
        }
        return new State(generation, valid, self, context.requests().open());
    }

    /**
     * Signs, keeps and sends a request, then updates the local clients' status.
     *
     * @throws ZholException what {@link RequestSigning#sign} and {@link RequestSubmission#submit} throw
     */
    private RegistrationRequest submit(ManagementRequest request) {
        RegistrationRequest kept = submission.submit(request, signing.sign(request, context.clock().instant()));
        tracker.check();
        return context.requests().find(kept.id()).orElse(kept);
    }

    private Optional<SecurityServer> self(GlobalConfiguration conf) {
        return conf.securityServer(context.server());
    }

    private X509Certificate authCertificate(Optional<String> keyId, Optional<SecurityServer> self) {
        List<KeyInfo> auth = signer.keys().stream().filter(k -> k.role() == KeyRole.AUTH
                && !k.certificates().isEmpty()).toList();
        if (keyId.isPresent()) {
            KeyInfo key = auth.stream().filter(k -> k.keyId().equals(keyId.get())).findFirst()
                    .orElseThrow(() -> ZholException.client(ErrorCode.BAD_REQUEST, "The key " + keyId.get()
                            + " is not an AUTH key with an imported certificate"));
            X509Certificate certificate = key.certificates().getFirst();
            if (registered(certificate, self)) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The certificate of key " + key.keyId()
                        + " is registered for this server already");
            }
            return certificate;
        }
        List<X509Certificate> unregistered = auth.stream().map(k -> k.certificates().getFirst())
                .filter(c -> !registered(c, self)).toList();
        if (unregistered.size() != 1) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, unregistered.isEmpty()
                    ? "No AUTH key has an imported certificate that is not registered yet"
                    : "Several AUTH keys have unregistered certificates; name the key (keyId)");
        }
        return unregistered.getFirst();
    }

    private static boolean registered(X509Certificate certificate, Optional<SecurityServer> self) {
        return self.map(s -> s.hasAuthCert(CertificateHash.of(certificate))).orElse(false);
    }
}
