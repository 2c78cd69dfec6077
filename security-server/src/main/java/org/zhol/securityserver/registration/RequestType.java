// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.util.Arrays;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementRequest;

/**
 * The kinds of management request, by their wire names, each with the subject that the central server
 * also shows for it: the certificate's SHA-256, the client's path form, the address, or
 * {@code on}/{@code off}.
 */
public enum RequestType {
    /** Registers an authentication certificate; the subject is its SHA-256 in hex. */
    AUTH_CERT_REG("authCertReg"),
    /** Registers a client; the subject is its path form. */
    CLIENT_REG("clientReg"),
    /** Deletes a client; the subject is its path form. */
    CLIENT_DELETION("clientDeletion"),
    /** Changes the address; the subject is the new address. */
    ADDRESS_CHANGE("addressChange"),
    /** Maintenance mode; the subject is {@code on} or {@code off}. */
    MAINTENANCE_MODE("maintenanceMode");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the request's {@code type} field, e.g. {@code authCertReg}. */
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name. */
    public static Optional<RequestType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The type of {@code request}. */
    public static RequestType of(ManagementRequest request) {
        return switch (request) {
            case AuthCertRegistration r -> AUTH_CERT_REG;
            case ClientRegistration r -> CLIENT_REG;
            case ClientDeletion r -> CLIENT_DELETION;
            case AddressChange r -> ADDRESS_CHANGE;
            case MaintenanceMode r -> MAINTENANCE_MODE;
        };
    }

    /** The subject of {@code request}, as the central server shows it too. */
    public static String subject(ManagementRequest request) {
        return switch (request) {
            case AuthCertRegistration r -> CertificateHash.of(r.authCertificateDer()).hex();
            case ClientRegistration r -> r.client().toPath();
            case ClientDeletion r -> r.client().toPath();
            case AddressChange r -> r.address();
            case MaintenanceMode r -> r.enabled() ? "on" : "off";
        };
    }

    /** Whether requests of this type concern one client (registration and deletion). */
    public boolean aboutClient() {
        return this == CLIENT_REG || this == CLIENT_DELETION;
    }
}
