// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.ConsistencyProofCodec;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.log.VerifiedCheckpoint;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;
import org.zhol.securityserver.SecurityServerMain;
import org.zhol.securityserver.admin.AdminApi;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * The message log through the admin API and the CLI, over real HTTP on loopback: status, time-stamping
 * against a real TSA, checkpoints, inclusion and consistency proofs checked independently, and evidence
 * containers that the auditor's verifier accepts with the exported trust snapshot.
 */
class MessageLogAdminTest {

    @TempDir
    Path dir;

    @Test
    void proofsAndEvidenceThroughTheAdminApiAndTheCli() throws Exception {
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); TsaServer tsa = new TsaServer("Admin Test TSA").start();
                Database db = LogFixture.open(DatabaseConfig.h2File(dir, "admin"))) {
            GlobalConfiguration configuration = owner.configuration(tsa);
            SubsystemId quiet = MemberId.parse("DEV/GOV/1234").subsystem("CLIENT");
            MessageLogConfig config = LogFixture.config(dir).withBodyLogging(
                    new BodyLogging(LogMode.FULL, Map.of(quiet, LogMode.METADATA_ONLY)));
            MessageLogService service = new MessageLogService(config, LogFixture.SERVER, new MessageLogService.Parts(
                    new SqlLogRecordRepository(db), new SqlCheckpointRepository(db), new SqlTimestampRepository(db),
                    new SqlArchiveRepository(db), owner.signing(), () -> configuration), Clock.systemUTC());
            SqlApiTokenStore tokenStore = new SqlApiTokenStore(db);
            ApiTokens tokens = new ApiTokens(tokenStore, new SecureRandom());
            String token = tokens.issue("auditor", ApiRole.ADMIN).secret();
            AdminApi api = new AdminApi(new AdminApi.Parts(LogFixture.SERVER, null, tokens, tokenStore, null, null, null, null,
                    null),
                    Optional.of(service), new ObjectMapper());
            try (MessageLogService started = service.start(); HttpServer admin = new HttpServer(
                    HttpServerConfig.plain("admin", "127.0.0.1", 0), api.handler(), new ObjectMapper()).start()) {
                Cli cli = new Cli("http://127.0.0.1:" + admin.port(), token);
                LogFixture messages = new LogFixture(owner.cadesSigner(), () -> List.of(owner.ocspResponse()));
                LogFixture.Message server = messages.message("m-server", Direction.REQUEST, Side.SERVER_PROXY, 100_000,
                        Optional.empty());
                LogFixture.log(started.log(), server);
                for (int i = 1; i <= 3; i++) {
                    // On the client proxy of DEV/GOV/1234/CLIENT, which logs metadata only.
                    LogFixture.log(started.log(), messages.message("m" + i, Direction.REQUEST, 200 * i));
                }
                assertThat(cli.run("messagelog", "status").out()).contains("4 records, 0 time-stamped");
                assertThat(cli.run("messagelog", "export", "--message-id", "m2", "--direction", "request", "--out",
                        dir.resolve("early.asice").toString()).err()).contains("NotFound", "not time-stamped yet");

                assertThat(cli.run("messagelog", "stamp").out()).contains("stamped records 0 to 3 with checkpoint 4");
                assertThat(cli.run("messagelog", "status").out()).contains("4 records, 4 time-stamped");

                // Inclusion: the proof leads to the signed root.
                CheckpointVerifier checkpoints = owner.verifier();
                JsonNode inclusion = cli.json("messagelog", "inclusion", "2");
                VerifiedCheckpoint four = checkpoints.verify(SignedCheckpoint.decode(
                        inclusion.path("checkpoint").path("signed").asText().getBytes(StandardCharsets.UTF_8)));
                MerkleTree.verifyInclusion(InclusionProofCodec.decode(inclusion.path("proof").asText()
                        .getBytes(StandardCharsets.UTF_8), ManifestLimits.DEFAULT),
                        Base64.getDecoder().decode(inclusion.path("leafHash").asText()), four.checkpoint().rootHash(), 4);

                // Consistency: two more records, a new checkpoint, and a proof that it extends the first.
                LogFixture.log(started.log(), messages.message("m4", Direction.REQUEST, 10));
                LogFixture.log(started.log(), messages.message("m5", Direction.REQUEST, 10));
                assertThat(cli.run("messagelog", "sign-checkpoint").out()).contains("checkpoint 6");
                assertThat(cli.run("messagelog", "checkpoints").out()).contains("checkpoint 6", "checkpoint 4");
                Path earlier = dir.resolve("checkpoint-4.txt");
                Path later = dir.resolve("checkpoint-6.txt");
                Path proof = dir.resolve("consistency.txt");
                cli.run("messagelog", "checkpoint", "4", "--out", earlier.toString());
                cli.run("messagelog", "checkpoint", "6", "--out", later.toString());
                cli.run("messagelog", "consistency", "--from", "4", "--out", proof.toString());
                CheckpointVerifier.verifyConsistency(four.checkpoint(),
                        checkpoints.verify(SignedCheckpoint.decode(Files.readAllBytes(later))).checkpoint(),
                        ConsistencyProofCodec.decode(Files.readAllBytes(proof)));

                // Evidence: containers and the trust snapshot, checked by the auditor's verifier.
                Path snapshot = dir.resolve("trust.json");
                assertThat(cli.run("messagelog", "trust-snapshot", "--out", snapshot.toString()).exit()).isZero();
                EvidenceVerifier verifier = new EvidenceVerifier(TrustSnapshot.decode(Files.readAllBytes(snapshot)),
                        ContainerLimits.DEFAULT);
                for (String id : List.of("m-server", "m2")) {
                    Path container = dir.resolve(id + ".asice");
                    Cli.Run export = cli.run("messagelog", "export", "--message-id", id, "--direction", "request",
                            "--out", container.toString());
                    assertThat(export.exit()).as(export.err()).isZero();
                    Verdict verdict = verifier.verify(container.toString(), Files.readAllBytes(container));
                    assertThat(verdict.passed()).as(verdict.toText()).isTrue();
                }
                assertThat(cli.run("messagelog", "records", "--message-id", "m2").out())
                        .contains("request", "CLIENT_PROXY", "METADATA_ONLY 400 bytes, stamped");
                String newest = cli.run("messagelog", "records", "--last", "2").out();
                assertThat(newest.lines().toList()).hasSize(2);
                assertThat(newest.lines().findFirst().orElseThrow()).startsWith("5 ").contains(" m5 request ");
                assertThat(newest.lines().skip(1).findFirst().orElseThrow()).startsWith("4 ").contains(" m4 request ");
                Verdict consistency = verifier.verifyConsistency("consistency", SignedCheckpoint.decode(
                        Files.readAllBytes(earlier)), SignedCheckpoint.decode(Files.readAllBytes(later)),
                        ConsistencyProofCodec.decode(Files.readAllBytes(proof)));
                assertThat(consistency.passed()).as(consistency.toText()).isTrue();

                Cli.Run archived = cli.run("messagelog", "archive");
                assertThat(archived.out()).as(archived.err()).contains("archived records up to 3 in archive-00000001.zip",
                        "cleaned 0 records");
                assertThat(config.directory().resolve("archives/archive-00000001.zip")).exists();

                Cli.Run unknown = cli.run("messagelog", "export", "--message-id", "nope", "--direction", "response",
                        "--out", dir.resolve("nope.asice").toString());
                assertThat(unknown.exit()).isEqualTo(1);
                assertThat(unknown.err()).contains("NotFound");
                assertThat(dir.resolve("nope.asice")).doesNotExist();
            }
        }
    }

    /** The security server's command line against the admin API. */
    private record Cli(String url, String token) {

        record Run(int exit, String out, String err) {
        }

        Run run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--admin-url";
            all[args.length + 1] = url;
            all[args.length + 2] = "--token";
            all[args.length + 3] = token;
            int exit = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(all);
            return new Run(exit, out.toString(), err.toString());
        }

        JsonNode json(String... args) throws Exception {
            String[] all = new String[args.length + 1];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--json";
            Run run = run(all);
            assertThat(run.exit()).as(run.err()).isZero();
            return new ObjectMapper().readTree(run.out());
        }
    }
}
