// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.IsAuthentication;
import org.zhol.securityserver.registry.IsCertificate;
import org.zhol.server.store.Database;

/** {@link IsAuthenticationRepository} on {@code local_client.is_authentication} and {@code is_certificate}. */
public final class SqlIsAuthenticationRepository implements IsAuthenticationRepository {

    private final Database db;

    public SqlIsAuthenticationRepository(Database db) {
        this.db = db;
    }

    @Override
    public IsAuthentication mode(SubsystemId client) {
        return db.transaction(c -> {
            long key = ClientRows.requireKey(c, client);
            try (PreparedStatement s = c.prepareStatement("SELECT is_authentication FROM local_client WHERE id = ?")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return IsAuthentication.valueOf(r.getString(1));
                }
            }
        });
    }

    @Override
    public void setMode(SubsystemId client, IsAuthentication mode) {
        db.transaction(c -> {
            long key = ClientRows.requireKey(c, client);
            try (PreparedStatement s = c.prepareStatement("UPDATE local_client SET is_authentication = ? WHERE id = ?")) {
                s.setString(1, mode.name());
                s.setLong(2, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<IsCertificate> certificates(SubsystemId client) {
        return db.transaction(c -> {
            long key = ClientRows.requireKey(c, client);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT sha256, subject, added_at FROM is_certificate WHERE client_id = ? ORDER BY id")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    List<IsCertificate> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(new IsCertificate(new CertificateHash(r.getString(1)), r.getString(2),
                                r.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public boolean addCertificate(SubsystemId client, IsCertificate certificate) {
        return db.transaction(c -> {
            long key = ClientRows.requireKey(c, client);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM is_certificate WHERE client_id = ? AND sha256 = ?")) {
                s.setLong(1, key);
                s.setString(2, certificate.hash().hex());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO is_certificate (client_id, sha256, subject, added_at) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, key);
                s.setString(2, certificate.hash().hex());
                s.setString(3, certificate.subject());
                s.setObject(4, OffsetDateTime.ofInstant(certificate.addedAt().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean removeCertificate(SubsystemId client, CertificateHash hash) {
        return db.transaction(c -> {
            long key = ClientRows.requireKey(c, client);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM is_certificate WHERE client_id = ? AND sha256 = ?")) {
                s.setLong(1, key);
                s.setString(2, hash.hex());
                return s.executeUpdate() == 1;
            }
        });
    }
}
