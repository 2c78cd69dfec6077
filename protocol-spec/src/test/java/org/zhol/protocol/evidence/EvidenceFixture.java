// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.CheckpointSigner;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * A small federation and a message log, built at test time: a CA with the client's and the provider's
 * signing certificates (with OCSP), an in-test TSA, the configuration and its trust snapshot, and a
 * way to log messages, stamp a batch and export a record's container exactly as a security server does.
 */
public final class EvidenceFixture {

    public static final SecurityServerId SS1 = SecurityServerId.parse("DEV/GOV/1234/SS1");
    public static final SecurityServerId SS2 = SecurityServerId.parse("DEV/COM/5678/SS2");
    public static final MemberId PROVIDER = MemberId.parse("DEV/COM/5678");

    public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The client member DEV/GOV/1234 (owner of SS1). */
    public final SignatureFixture client = SignatureFixture.create(false);
    /** The provider member DEV/COM/5678 (owner of SS2), under the same CA. */
    public final SignatureFixture provider = new SignatureFixture(client.root, TestPki.ecKeyPair(),
            "CN=Shop, O=COM, serialNumber=DEV/COM/5678", now.minus(Duration.ofHours(1)), Duration.ofDays(365));
    public final TestTsa tsa = TestTsa.create("Zhol Test TSA", now.minus(Duration.ofDays(1)), Duration.ofDays(365));
    /** The client certificate's OCSP response, reused as a security server's OCSP cache does. */
    public final byte[] clientOcsp = client.ocspResponse(now.minusSeconds(25));
    public final GlobalConfiguration configuration;
    public final TrustSnapshot snapshot;

    public EvidenceFixture() {
        MemberId gov = SignatureFixture.MEMBER;
        configuration = new GlobalConfiguration("DEV",
                List.of(new MemberClass("GOV", "Government"), new MemberClass("COM", "Companies")),
                List.of(new Member(gov, "Tax Board", List.of(gov.subsystem("CLIENT"))),
                        new Member(PROVIDER, "Shop", List.of(PROVIDER.subsystem("PROVIDER")))),
                List.of(new SecurityServer(SS1, "ss1.example.org", List.of(), List.of(gov.subsystem("CLIENT")), false),
                        new SecurityServer(SS2, "ss2.example.org", List.of(), List.of(PROVIDER.subsystem("PROVIDER")),
                                false)),
                List.of(),
                List.of(new ApprovedCa("Test CA", client.root.certificate(), List.of(), List.of(),
                        DefaultCertificateProfile.ID)),
                List.of(tsa.approved()),
                new TrustParameters(Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(600)));
        snapshot = TrustSnapshot.of(configuration);
    }

    /** A signed request of the fixture's client, logged at SS1. */
    public LoggedMessage request(String id, byte[] body, boolean metadataOnly, Optional<SignedCheckpoint> peer) {
        Instant signed = now.minusSeconds(20);
        SignatureFixture.Message message = SignatureFixture.Message.create(id, signed, body);
        byte[] cms = client.cadesSigner().sign(message.manifest(), signed, List.of(clientOcsp));
        List<LoggedObject> objects = new ArrayList<>();
        objects.add(LoggedObject.of("metadata.xml", message.metadata()));
        objects.add(LoggedObject.of("header.http", message.header()));
        objects.add(metadataOnly ? LoggedObject.digestOnly("body", EntryDigest.sha256(body))
                : LoggedObject.of("body", body));
        return new LoggedMessage(SS1, Direction.REQUEST, id, objects, message.manifest(), cms, peer);
    }

    /** A checkpoint of SS2 signed by the provider, as it would come with a response. */
    public SignedCheckpoint peerCheckpoint() {
        return new CheckpointSigner(provider.cadesSigner()).sign(new Checkpoint(SS2, 7,
                MerkleTree.leafHash("peer".getBytes(StandardCharsets.UTF_8)), now.minusSeconds(30)),
                List.of(SignatureFixture.ocspResponse(client.root, provider.certificate, now.minusSeconds(40),
                        org.bouncycastle.cert.ocsp.CertificateStatus.GOOD)));
    }

    /** The containers of {@code messages}, logged in order into SS1's log and stamped in one batch. */
    public List<byte[]> logAndExport(List<LoggedMessage> messages) {
        List<byte[]> leaves = messages.stream().map(LoggedMessage::leafHash).toList();
        MerkleTree tree = new MerkleTree(leaves);
        SignedCheckpoint checkpoint = new CheckpointSigner(client.cadesSigner()).sign(
                new Checkpoint(SS1, tree.size(), tree.root(), now.minusSeconds(2)),
                List.of(clientOcsp));
        EvidenceBatch batch = new EvidenceBatch(messages.stream().map(LoggedMessage::covered).toList(), checkpoint);
        TimestampToken token = tsa.stamp(batch.imprint(), now);
        EvidenceBatch.Stamped stamped = batch.stamp(token);
        List<byte[]> containers = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            RecordEvidence evidence = new RecordEvidence(stamped.recordEvidence().get(i), checkpoint,
                    stamped.checkpointEvidence(), tree.proof(i));
            containers.add(AsicContainerWriter.toBytes(messages.get(i), evidence, snapshot.id()));
        }
        return containers;
    }

    /** One full request container among a few other records. */
    public byte[] container(boolean metadataOnly, boolean withPeerCheckpoint) {
        List<LoggedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(request("other-" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), false,
                    Optional.empty()));
        }
        messages.add(2, request("m-1", "{\"random\":4}".getBytes(StandardCharsets.UTF_8), metadataOnly,
                withPeerCheckpoint ? Optional.of(peerCheckpoint()) : Optional.empty()));
        return logAndExport(messages).get(2);
    }
}
