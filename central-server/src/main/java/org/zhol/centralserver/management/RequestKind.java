// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementRequest;

/**
 * What the central server files a request under: its type's wire name, what it is about on its server
 * (the subject), and whether it takes effect at once or waits for approval.
 *
 * @param type      the wire name of the type, e.g. {@code authCertReg}
 * @param subject   the certificate's SHA-256, the client's path form, the address, or {@code on}/{@code off}
 * @param immediate true for deletions, address changes and maintenance mode, which take effect on receipt
 */
record RequestKind(String type, String subject, boolean immediate) {

    /** The kind of {@code request}. */
    static RequestKind of(ManagementRequest request) {
        return switch (request) {
            case AuthCertRegistration r -> new RequestKind("authCertReg",
                    CertificateHash.of(r.authCertificateDer()).hex(), false);
            case ClientRegistration r -> new RequestKind("clientReg", r.client().toPath(), false);
            case ClientDeletion r -> new RequestKind("clientDeletion", r.client().toPath(), true);
            case AddressChange r -> new RequestKind("addressChange", r.address(), true);
            case MaintenanceMode r -> new RequestKind("maintenanceMode", r.enabled() ? "on" : "off", true);
        };
    }
}
