// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.server.store.Database;

/** {@link ServerStore} on the {@code security_server}, {@code auth_cert} and {@code server_client} tables. */
public final class SqlServerStore implements ServerStore {

    private final Database db;
    private final String instance;

    /** @param instance the instance code, which the tables do not repeat in each row */
    public SqlServerStore(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    @Override
    public boolean registerAuthCert(SecurityServerId server, String address, CertificateHash hash, byte[] der) {
        return db.transaction(c -> {
            long owner = MemberRows.require(c, instance, server.owner());
            Optional<Long> existing = find(c, server);
            long row = existing.isPresent() ? existing.get() : Sql.insert(c, null,
                    "INSERT INTO security_server (owner_id, server_code, address, maintenance) VALUES (?, ?, ?, FALSE)",
                    owner, server.serverCode(), address);
            Sql.update(c, () -> StoreFaults.duplicate("Authentication certificate " + hash.hex()),
                    "INSERT INTO auth_cert (server_id, cert_hash, certificate, registered_at) VALUES (?, ?, ?, ?)",
                    row, hash.hex(), der, OffsetDateTime.now(ZoneOffset.UTC));
            RegistryVersion.bump(c);
            return existing.isEmpty();
        });
    }

    @Override
    public void removeAuthCert(SecurityServerId server, CertificateHash hash) {
        db.transaction(c -> {
            long row = require(c, server);
            if (Sql.update(c, "DELETE FROM auth_cert WHERE server_id = ? AND cert_hash = ?", row, hash.hex()) == 0) {
                throw StoreFaults.notFound("Authentication certificate " + hash.hex() + " of " + server.toPath());
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<SecurityServer> list() {
        return db.transaction(c -> read(c, instance));
    }

    @Override
    public void setAddress(SecurityServerId server, String address) {
        change(server, "UPDATE security_server SET address = ? WHERE id = ?", address);
    }

    @Override
    public void setMaintenance(SecurityServerId server, boolean maintenance) {
        change(server, "UPDATE security_server SET maintenance = ? WHERE id = ?", maintenance);
    }

    @Override
    public void addClient(SecurityServerId server, ClientId client) {
        db.transaction(c -> {
            long row = require(c, server);
            long member = MemberRows.require(c, instance, client);
            Sql.update(c, () -> StoreFaults.duplicate("Client " + client.toPath() + " of " + server.toPath()),
                    "INSERT INTO server_client (server_id, member_id, subsystem_code) VALUES (?, ?, ?)",
                    row, member, MemberRows.subsystemCode(client));
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void removeClient(SecurityServerId server, ClientId client) {
        db.transaction(c -> {
            long row = require(c, server);
            long member = MemberRows.require(c, instance, client);
            if (Sql.update(c, "DELETE FROM server_client WHERE server_id = ? AND member_id = ? AND subsystem_code = ?",
                    row, member, MemberRows.subsystemCode(client)) == 0) {
                throw StoreFaults.notFound("Client " + client.toPath() + " of " + server.toPath());
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    private void change(SecurityServerId server, String sql, Object value) {
        db.transaction(c -> {
            Sql.update(c, sql, value, require(c, server));
            RegistryVersion.bump(c);
            return null;
        });
    }

    private Optional<Long> find(Connection c, SecurityServerId server) throws SQLException {
        Optional<Long> owner = MemberRows.find(c, instance, server.owner());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        return Sql.first(c, r -> r.getLong(1), "SELECT id FROM security_server WHERE owner_id = ? AND server_code = ?",
                owner.get(), server.serverCode());
    }

    private long require(Connection c, SecurityServerId server) throws SQLException {
        return find(c, server).orElseThrow(() -> StoreFaults.notFound("Security server " + server.toPath()));
    }

    /** All servers with their certificates and clients, read on {@code c}. */
    static List<SecurityServer> read(Connection c, String instance) throws SQLException {
        record Row(long id, SecurityServerId server, String address, boolean maintenance) {
        }
        record Child(long server, String value, MemberId member) {
        }
        Map<Long, Row> servers = new LinkedHashMap<>();
        for (Row row : Sql.list(c, r -> new Row(r.getLong(1), new SecurityServerId(new MemberId(instance,
                r.getString(2), r.getString(3)), r.getString(4)), r.getString(5), r.getBoolean(6)),
                "SELECT s.id, m.member_class, m.member_code, s.server_code, s.address, s.maintenance"
                + " FROM security_server s JOIN member m ON m.id = s.owner_id"
                + " ORDER BY m.member_class, m.member_code, s.server_code")) {
            servers.put(row.id(), row);
        }
        Map<Long, List<CertificateHash>> certs = new LinkedHashMap<>();
        for (Child cert : Sql.list(c, r -> new Child(r.getLong(1), r.getString(2), null),
                "SELECT server_id, cert_hash FROM auth_cert ORDER BY id")) {
            certs.computeIfAbsent(cert.server(), k -> new ArrayList<>()).add(new CertificateHash(cert.value()));
        }
        Map<Long, List<ClientId>> clients = new LinkedHashMap<>();
        for (Child client : Sql.list(c, r -> new Child(r.getLong(1), r.getString(4),
                new MemberId(instance, r.getString(2), r.getString(3))),
                "SELECT sc.server_id, m.member_class, m.member_code, sc.subsystem_code FROM server_client sc"
                + " JOIN member m ON m.id = sc.member_id ORDER BY m.member_class, m.member_code, sc.subsystem_code")) {
            clients.computeIfAbsent(client.server(), k -> new ArrayList<>()).add(client.value().isEmpty()
                    ? client.member() : client.member().subsystem(client.value()));
        }
        return servers.values().stream().map(s -> new SecurityServer(s.server(), s.address(),
                certs.getOrDefault(s.id(), List.of()), clients.getOrDefault(s.id(), List.of()), s.maintenance()))
                .toList();
    }
}
