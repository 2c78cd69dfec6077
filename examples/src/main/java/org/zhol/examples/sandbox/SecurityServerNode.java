// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.SecurityServerMain;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.config.ConfigLoader;

/**
 * A security server in this process, made with its command line's {@code init} and then driven through
 * its admin API as an operator would: anchor, central server pin, keys and certificates, clients,
 * registrations, services and access rights. Each method is one step of the operator's runbook.
 */
public final class SecurityServerNode implements AutoCloseable {

    /** The PIN file's suffix: {@code DATA-DIR.pin} beside the data directory. */
    static final String PIN_SUFFIX = ".pin";

    private final SecurityServerId id;
    private final SecurityServer server;
    private final AdminClient api;

    private SecurityServerNode(SecurityServerId id, SecurityServer server, AdminClient api) {
        this.id = id;
        this.server = server;
        this.api = api;
    }

    /**
     * What the operator did once, before starting: {@code init}.
     *
     * @param configFile the configuration file that {@code init} wrote
     * @param pinFile    the file with the token PIN
     * @param adminToken the first admin token, shown once by {@code init}
     */
    public record Initialised(Path configFile, Path pinFile, String adminToken) {
    }

    /**
     * Runs {@code security-server init} for {@code id} in {@code dataDir}, with the PIN written to
     * {@code dataDir.pin} and {@code settings} ({@code key=value}) written into the configuration file.
     *
     * @throws ZholException {@code InternalError} with init's output when it fails
     */
    public static Initialised initialise(SecurityServerId id, Path dataDir, String pin, List<String> settings) {
        Path pinFile = pinFile(dataDir);
        try {
            Files.createDirectories(dataDir.getParent());
            Files.writeString(pinFile, pin, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + pinFile, e);
        }
        List<String> args = new ArrayList<>(List.of("init", "--data-dir", dataDir.toString(), "--owner",
                id.owner().toPath(), "--server-code", id.serverCode(), "--pin-file", pinFile.toString()));
        for (String setting : settings) {
            args.add("--set");
            args.add(setting);
        }
        String out = run(args);
        String token = out.lines().filter(l -> l.startsWith("admin token")).findFirst().orElseThrow(() ->
                ZholException.internal(ErrorCode.INTERNAL_ERROR, "init printed no admin token: " + out, null))
                .replaceAll(".*: ", "").strip();
        return initialised(dataDir, token);
    }

    /** Where {@link #initialise} writes the PIN for the server in {@code dataDir}. */
    public static Path pinFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + PIN_SUFFIX);
    }

    /** What {@link #initialise} made in {@code dataDir}, given the admin token it printed. */
    public static Initialised initialised(Path dataDir, String adminToken) {
        return new Initialised(dataDir.resolve("security-server.yaml"), pinFile(dataDir), adminToken);
    }

    /** Starts the server that {@code init} made, from its configuration file. */
    public static SecurityServerNode start(Initialised made) {
        return start(made, List.of());
    }

    /** Starts the server that {@code init} made, from its configuration file with {@code overrides} ({@code key=value}). */
    public static SecurityServerNode start(Initialised made, List<String> overrides) {
        SecurityServerConfig config = new ConfigLoader().load(SecurityServerConfig.DEFAULTS, made.configFile(),
                overrides);
        SecurityServer server = new SecurityServer(config, PinSource.fromFile(made.pinFile())).start();
        return new SecurityServerNode(config.serverId(), server, new AdminClient(server.adminPort(),
                made.adminToken()));
    }

    public SecurityServerId id() {
        return id;
    }

    public SecurityServer server() {
        return server;
    }

    public AdminClient api() {
        return api;
    }

    /** Imports the central server's anchor: the answer, with the configuration status after the download. */
    public JsonNode importAnchor(byte[] anchor) {
        return api.post("/anchor", anchor).expect(200).json();
    }

    /** Sets where the central server's registration listener is and pins its certificate. */
    public JsonNode pinCentral(URI url, String tlsSha256) {
        return api.put("/registration/central", Map.of("url", url.toString(), "tlsSha256", tlsSha256)).expect(200)
                .json();
    }

    /** An AUTH key, its CSR certified by the CA, the certificate imported: the import's answer. */
    public JsonNode certifyAuthKey(DevTrustServices ca) {
        return certify(Map.of("role", "AUTH", "label", "auth"),
                "CN=" + id.serverCode() + ", O=" + id.owner().memberClass(), ca, CertificateRole.AUTHENTICATION);
    }

    /** A SIGN key for {@code member}, its CSR certified by the CA, the certificate imported. */
    public JsonNode certifySignKey(MemberId member, DevTrustServices ca) {
        return certify(Map.of("role", "SIGN", "member", member.toPath(), "label", "sign " + member.toPath()),
                "CN=" + member.memberCode() + ", O=" + member.memberClass() + ", serialNumber=" + member.toPath(),
                ca, CertificateRole.SIGNING);
    }

    private JsonNode certify(Map<String, String> key, String subject, DevTrustServices ca, CertificateRole role) {
        String keyId = api.post("/keys", key).expect(201).json().path("keyId").asText();
        String csr = api.post("/keys/" + keyId + "/csr", Map.of("subject", subject)).expect(200).json()
                .path("csr").asText();
        return api.post("/certificates", Map.of("certificate", ca.certify(csr, role))).expect(200).json();
    }

    public void addClient(SubsystemId client) {
        api.post("/clients", Map.of("id", client.toPath())).expect(201);
    }

    /** Sends the signed {@code authCertReg}: the kept request. */
    public JsonNode registerAuthCert(String address) {
        return api.post("/registration/auth-cert", Map.of("address", address)).expect(202).json();
    }

    /** Sends the signed {@code clientReg}: the kept request. */
    public JsonNode registerClient(SubsystemId client) {
        return api.post("/clients/" + pathOf(client) + "/registration", null).expect(202).json();
    }

    /** The local client's registration status, e.g. {@code REGISTERED}. */
    public String clientStatus(SubsystemId client) {
        return api.get("/clients/" + pathOf(client)).expect(200).json().path("status").asText();
    }

    /** Adds a REST service of {@code client}: base URL, and the OpenAPI document's URL. */
    public void addRestService(SubsystemId client, String code, URI baseUrl, URI openApiUrl) {
        api.post("/clients/" + pathOf(client) + "/services", Map.of("serviceCode", code, "type", "REST", "url",
                baseUrl.toString(), "descriptionUrl", openApiUrl.toString())).expect(201);
    }

    /** Adds a SOAP service of {@code client}: the endpoint, and the WSDL's URL. */
    public void addSoapService(SubsystemId client, String code, URI endpoint, URI wsdlUrl) {
        api.post("/clients/" + pathOf(client) + "/services", Map.of("serviceCode", code, "type", "SOAP", "url",
                endpoint.toString(), "descriptionUrl", wsdlUrl.toString())).expect(201);
    }

    /** Grants {@code subject} the right to call {@code method path} of {@code client}'s service. */
    public void grant(SubsystemId client, String serviceCode, ClientId subject, String method, String path) {
        AdminClient.Reply granted = api.post("/clients/" + pathOf(client) + "/access-rights", Map.of(
                "serviceCode", serviceCode, "subject", subject.toPath(), "method", method, "path", path));
        if (granted.status() != 200) { // 200: it existed already
            granted.expect(201);
        }
    }

    /** Downloads the global configuration now, as the schedule would. */
    public void refreshConfiguration() {
        api.post("/configuration/refresh", null);
    }

    /**
     * Waits, downloading the configuration now and then, until every registration request sent is
     * confirmed by a configuration generation (or superseded).
     */
    public void awaitAllConfirmed(Duration timeout) {
        AdminClient.await(id + " requests confirmed", timeout, () -> api.get("/registration/requests"),
                r -> r.status() == 200 && r.json().findValuesAsText("status").stream()
                        .allMatch(s -> s.equals("CONFIRMED") || s.equals("SUPERSEDED")),
                () -> api.post("/configuration/refresh", null));
    }

    /** Waits, downloading the configuration now and then, until the health endpoint answers 200 (UP). */
    public void awaitHealthy(Duration timeout) {
        AdminClient.await(id + " healthy", timeout, () -> api.get("/health"), r -> r.status() == 200,
                () -> api.post("/configuration/refresh", null));
    }

    /**
     * Runs an admin command of the security server's command line against this server, as
     * {@code security-server ARGS --admin-url URL --token TOKEN}: its output.
     *
     * @throws ZholException {@code InternalError} with the output when it exits non-zero
     */
    public String cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-url", api.base(), "--token", api.token()));
        return run(all);
    }

    private static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "security-server " + args.getFirst() + " exited with "
                    + exit + ": " + out + err, null);
        }
        return out.toString();
    }

    private static String pathOf(ClientId client) {
        return client.toPath().replace('/', ':');
    }

    @Override
    public void close() {
        server.close();
    }
}
