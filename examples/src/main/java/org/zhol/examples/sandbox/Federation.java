// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

/**
 * A federation on one machine: the dev trust services, the central server and the security servers
 * that joined it, closed together in reverse order. {@link #join} is the operator's whole joining runbook
 * for one security server.
 */
public final class Federation implements AutoCloseable {

    private final String host;
    private final DevTrustServices trust;
    private final CentralNode central;
    private final List<AutoCloseable> parts = new ArrayList<>();

    /** A federation of started trust services and a started central server, reached on {@code host}. */
    public Federation(String host, DevTrustServices trust, CentralNode central) {
        this.host = host;
        this.trust = trust;
        this.central = central;
    }

    public DevTrustServices trust() {
        return trust;
    }

    public CentralNode central() {
        return central;
    }

    /** Takes {@code part} into the federation's life cycle: it is closed with the federation, first. */
    public synchronized <T extends AutoCloseable> T manage(T part) {
        parts.add(part);
        return part;
    }

    /**
     * What joining answered, step by step.
     *
     * @param anchor              the anchor import's answer (with the configuration status)
     * @param centralPin          the registration listener and pin as the server now holds them
     * @param authCertificate     the AUTH certificate's import answer
     * @param signCertificates    each SIGN certificate's import answer, the owner's first
     * @param authRegistration    the {@code authCertReg} request as kept
     * @param clientRegistrations each {@code clientReg} request as kept, in the order of the clients
     */
    public record Joined(JsonNode anchor, JsonNode centralPin, JsonNode authCertificate, List<JsonNode> signCertificates,
            JsonNode authRegistration, List<JsonNode> clientRegistrations) {
        public Joined {
            signCertificates = List.copyOf(signCertificates);
            clientRegistrations = List.copyOf(clientRegistrations);
        }
    }

    /**
     * Joins {@code node} to the federation as its operator would: imports the anchor, pins the central
     * server's registration listener, has the CA certify an AUTH key and SIGN keys for the owner and for
     * {@code otherMembers}, adds {@code clients}, and sends the signed registration of the AUTH certificate
     * (at {@code address}, {@code host:port} of its server proxy) and of each client. It does not wait for
     * the confirmations; see {@link SecurityServerNode#awaitAllConfirmed}.
     */
    public Joined join(SecurityServerNode node, List<SubsystemId> clients, List<MemberId> otherMembers,
            String address) {
        JsonNode anchor = node.importAnchor(central.anchor());
        JsonNode pin = node.pinCentral(central.registrationUrl(host), central.registrationTlsSha256());
        JsonNode auth = node.certifyAuthKey(trust);
        List<JsonNode> signs = new ArrayList<>();
        signs.add(node.certifySignKey(node.id().owner(), trust));
        for (MemberId member : otherMembers) {
            signs.add(node.certifySignKey(member, trust));
        }
        for (SubsystemId client : clients) {
            node.addClient(client);
        }
        JsonNode authRegistration = node.registerAuthCert(address);
        List<JsonNode> clientRegistrations = new ArrayList<>();
        for (SubsystemId client : clients) {
            clientRegistrations.add(node.registerClient(client));
        }
        return new Joined(anchor, pin, auth, signs, authRegistration, clientRegistrations);
    }

    /** Closes the managed parts in reverse order, then the central server and the trust services. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(parts.reversed());
        all.add(central);
        all.add(trust);
        ZholException failure = null;
        for (AutoCloseable part : all) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot close " + part, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        parts.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
