// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import java.security.cert.X509Certificate;
import java.util.List;
import org.zhol.centralserver.store.InstanceStore;
import org.zhol.centralserver.store.TrustServiceStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;

/**
 * The trust services of the instance: approved certification authorities (with their intermediates,
 * OCSP responders and certificate profile), approved time-stamping authorities, and the timing
 * parameters. Every change increments the registry version with it.
 */
public final class TrustServices {

    private final InstanceStore instance;
    private final TrustServiceStore store;

    public TrustServices(InstanceStore instance, TrustServiceStore store) {
        this.instance = instance;
        this.store = store;
    }

    public List<ApprovedCa> approvedCas() {
        return store.cas();
    }

    /** One approved CA by name; {@code NotFound} if there is none. */
    public ApprovedCa approvedCa(String name) {
        return store.cas().stream().filter(ca -> ca.name().equals(name)).findFirst()
                .orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND, "Approved CA '" + name + "' does not exist"));
    }

    /**
     * Approves a CA.
     *
     * @throws ZholException {@code IncorrectCertificate} when the top or an intermediate certificate
     *                       is not a CA certificate, {@code BadRequest} for a bad name, profile or OCSP
     *                       URL, {@code InvalidRequest} for an existing name
     */
    public void addApprovedCa(ApprovedCa ca) {
        requireCa("topCertificate", ca.topCertificate());
        ca.intermediates().forEach(c -> requireCa("intermediate", c));
        List<OcspResponder> responders = ca.ocspResponders().stream()
                .map(r -> new OcspResponder(RegistryRules.httpUrl("ocspResponders.url", r.url()), r.certificate()))
                .toList();
        store.addCa(new ApprovedCa(RegistryRules.pathName("name", ca.name()), ca.topCertificate(), ca.intermediates(),
                responders, RegistryRules.text("certificateProfile", ca.certificateProfile())));
    }

    public void removeApprovedCa(String name) {
        store.removeCa(name);
    }

    public List<ApprovedTsa> approvedTsas() {
        return store.tsas();
    }

    /** Approves a TSA; {@code BadRequest} for a bad name or URL, {@code InvalidRequest} for an existing name. */
    public void addApprovedTsa(ApprovedTsa tsa) {
        store.addTsa(new ApprovedTsa(RegistryRules.pathName("name", tsa.name()), RegistryRules.httpUrl("url", tsa.url()),
                tsa.certificate()));
    }

    public void removeApprovedTsa(String name) {
        store.removeTsa(name);
    }

    public TrustParameters trustParameters() {
        return instance.trustParameters();
    }

    /** Replaces the timing parameters; {@link TrustParameters} itself refuses non-positive durations. */
    public void setTrustParameters(TrustParameters parameters) {
        instance.setTrustParameters(parameters);
    }

    private static void requireCa(String field, X509Certificate certificate) {
        if (certificate.getBasicConstraints() < 0) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, field + " is not a CA certificate");
        }
    }
}
