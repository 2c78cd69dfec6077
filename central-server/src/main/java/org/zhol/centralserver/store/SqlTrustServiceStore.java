// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.server.store.Database;

/**
 * {@link TrustServiceStore} on the {@code approved_ca}, {@code ca_intermediate}, {@code ocsp_responder}
 * and {@code approved_tsa} tables. Certificates are stored DER-encoded.
 */
public final class SqlTrustServiceStore implements TrustServiceStore {

    private final Database db;

    public SqlTrustServiceStore(Database db) {
        this.db = db;
    }

    @Override
    public void addCa(ApprovedCa ca) {
        db.transaction(c -> {
            long id = Sql.insert(c, () -> StoreFaults.duplicate("Approved CA '" + ca.name() + "'"),
                    "INSERT INTO approved_ca (name, top_certificate, certificate_profile) VALUES (?, ?, ?)",
                    ca.name(), der(ca.topCertificate()), ca.certificateProfile());
            for (int i = 0; i < ca.intermediates().size(); i++) {
                Sql.update(c, "INSERT INTO ca_intermediate (ca_id, sort_order, certificate) VALUES (?, ?, ?)",
                        id, i, der(ca.intermediates().get(i)));
            }
            for (int i = 0; i < ca.ocspResponders().size(); i++) {
                OcspResponder responder = ca.ocspResponders().get(i);
                Sql.update(c, "INSERT INTO ocsp_responder (ca_id, sort_order, url, certificate) VALUES (?, ?, ?, ?)",
                        id, i, responder.url().toString(), responder.certificate().map(SqlTrustServiceStore::der)
                                .orElse(null));
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<ApprovedCa> cas() {
        return db.transaction(SqlTrustServiceStore::readCas);
    }

    @Override
    public void removeCa(String name) {
        remove("approved_ca", "Approved CA '" + name + "'", name);
    }

    @Override
    public void addTsa(ApprovedTsa tsa) {
        db.transaction(c -> {
            Sql.update(c, () -> StoreFaults.duplicate("Approved TSA '" + tsa.name() + "'"),
                    "INSERT INTO approved_tsa (name, url, certificate) VALUES (?, ?, ?)",
                    tsa.name(), tsa.url().toString(), der(tsa.certificate()));
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<ApprovedTsa> tsas() {
        return db.transaction(SqlTrustServiceStore::readTsas);
    }

    @Override
    public void removeTsa(String name) {
        remove("approved_tsa", "Approved TSA '" + name + "'", name);
    }

    private void remove(String table, String what, String name) {
        db.transaction(c -> {
            if (Sql.update(c, "DELETE FROM " + table + " WHERE name = ?", name) == 0) {
                throw StoreFaults.notFound(what);
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    /** All approved CAs, read on {@code c}. */
    static List<ApprovedCa> readCas(Connection c) throws SQLException {
        record Cert(long ca, X509Certificate certificate) {
        }
        record Responder(long ca, OcspResponder responder) {
        }
        Map<Long, List<X509Certificate>> intermediates = new LinkedHashMap<>();
        for (Cert cert : Sql.list(c, r -> new Cert(r.getLong(1), certificate(r.getBytes(2))),
                "SELECT ca_id, certificate FROM ca_intermediate ORDER BY ca_id, sort_order")) {
            intermediates.computeIfAbsent(cert.ca(), k -> new ArrayList<>()).add(cert.certificate());
        }
        Map<Long, List<OcspResponder>> responders = new LinkedHashMap<>();
        for (Responder r : Sql.list(c, row -> new Responder(row.getLong(1), new OcspResponder(
                URI.create(row.getString(2)), Optional.ofNullable(row.getBytes(3)).map(SqlTrustServiceStore::certificate))),
                "SELECT ca_id, url, certificate FROM ocsp_responder ORDER BY ca_id, sort_order")) {
            responders.computeIfAbsent(r.ca(), k -> new ArrayList<>()).add(r.responder());
        }
        return Sql.list(c, r -> new ApprovedCa(r.getString(2), certificate(r.getBytes(3)),
                intermediates.getOrDefault(r.getLong(1), List.of()), responders.getOrDefault(r.getLong(1), List.of()),
                r.getString(4)), "SELECT id, name, top_certificate, certificate_profile FROM approved_ca ORDER BY id");
    }

    /** All approved TSAs, read on {@code c}. */
    static List<ApprovedTsa> readTsas(Connection c) throws SQLException {
        return Sql.list(c, r -> new ApprovedTsa(r.getString(1), URI.create(r.getString(2)), certificate(r.getBytes(3))),
                "SELECT name, url, certificate FROM approved_tsa ORDER BY id");
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "The certificate cannot be encoded");
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw ZholException.internal(ErrorCode.DATABASE_ERROR, "A stored certificate cannot be decoded", e);
        }
    }
}
