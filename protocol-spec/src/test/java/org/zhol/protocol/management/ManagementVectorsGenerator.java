// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.testpki.TestPki;

/**
 * Regenerates {@code src/test/resources/vectors/management/} (run once, by hand:
 * {@code ./zhol test -pl protocol-spec -Dtest=ManagementVectorsGenerator -Dsurefire.failIfNoSpecifiedTests=false
 * -Dzhol.generateVectors=true}). Keys are fresh and thrown away; only the root certificate and signed
 * envelopes are written. {@code cases.tsv} is maintained by hand.
 */
class ManagementVectorsGenerator {

    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SIGNING_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private record RoleSignature(SignatureRole role, ManagementFixture.Party party, List<byte[]> ocsp) {
    }

    @Test
    @EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
    void generate() throws Exception {
        Path dir = Path.of("src/test/resources/vectors/management");
        Files.createDirectories(dir);
        ManagementFixture f = ManagementFixture.create(NOT_BEFORE);
        ManagementRequestSigner signer = f.signer(SIGNING_TIME);
        Files.writeString(dir.resolve("root.pem"), pem(f));

        AuthCertRegistration authReg = new AuthCertRegistration(id(1), SIGNING_TIME, ManagementFixture.SERVER,
                "ss1.dev.example.org:5500", f.auth.der());
        ClientRegistration ownSubsystem = new ClientRegistration(id(2), SIGNING_TIME, ManagementFixture.SERVER,
                ManagementFixture.OWNER.subsystem("TAXES"));
        ClientRegistration otherSubsystem = new ClientRegistration(id(3), SIGNING_TIME, ManagementFixture.SERVER,
                ManagementFixture.OTHER_MEMBER.subsystem("SHOP"));
        ClientDeletion deletion = new ClientDeletion(id(4), SIGNING_TIME, ManagementFixture.SERVER,
                ClientId.parse("DEV/COM/5678/SHOP"));
        AddressChange addressChange = new AddressChange(id(5), SIGNING_TIME, ManagementFixture.SERVER, "10.0.0.7");
        MaintenanceMode maintenance = new MaintenanceMode(id(6), SIGNING_TIME, ManagementFixture.SERVER, true);

        write(dir, "auth-cert-reg", signer.sign(authReg, SIGNING_TIME));
        write(dir, "client-reg-own-subsystem", signer.sign(ownSubsystem, SIGNING_TIME));
        write(dir, "client-reg-other-member", signer.sign(otherSubsystem, SIGNING_TIME));
        write(dir, "client-deletion", signer.sign(deletion, SIGNING_TIME));
        write(dir, "address-change", signer.sign(addressChange, SIGNING_TIME));
        write(dir, "maintenance-mode", signer.sign(maintenance, SIGNING_TIME));
        writeRefusals(dir, f, authReg, otherSubsystem, addressChange);
    }

    private static void writeRefusals(Path dir, ManagementFixture f, AuthCertRegistration authReg,
            ClientRegistration otherSubsystem, AddressChange addressChange) throws Exception {
        byte[] address = ManagementRequestCodec.encode(addressChange);
        RoleSignature owner = good(SignatureRole.OWNER, f.owner);
        write(dir, "wrong-owner-member", raw(address, good(SignatureRole.OWNER, f.otherMember)));
        write(dir, "owner-signed-with-auth-key", raw(address, good(SignatureRole.OWNER, f.auth)));
        write(dir, "wrong-client-member", raw(ManagementRequestCodec.encode(otherSubsystem), owner,
                good(SignatureRole.CLIENT, f.owner)));
        TestPki.Issuer otherRoot = TestPki.rootCa("CN=Unapproved Root, O=Elsewhere", NOT_BEFORE,
                java.time.Duration.ofDays(20 * 365));
        write(dir, "owner-unapproved-ca", raw(address, good(SignatureRole.OWNER,
                ManagementFixture.signingParty(otherRoot, ManagementFixture.OWNER, NOT_BEFORE))));
        CertificateStatus revoked = new RevokedStatus(Date.from(SIGNING_TIME.minusSeconds(3600)), 1);
        write(dir, "owner-revoked", raw(address, new RoleSignature(SignatureRole.OWNER, f.owner,
                List.of(f.owner.ocsp(SIGNING_TIME, revoked)))));

        byte[] auth = ManagementRequestCodec.encode(authReg);
        ManagementFixture.Party otherAuth = ManagementFixture.authParty(f.root, "CN=DEV/GOV/1234/SS2, O=GOV", true,
                NOT_BEFORE);
        write(dir, "pop-signer-mismatch", raw(auth, owner, good(SignatureRole.AUTH_KEY_POSSESSION, otherAuth)));
        write(dir, "auth-revoked", raw(auth, owner, new RoleSignature(SignatureRole.AUTH_KEY_POSSESSION, f.auth,
                List.of(f.auth.ocsp(SIGNING_TIME, revoked)))));
        write(dir, "auth-without-ocsp", raw(auth, owner,
                new RoleSignature(SignatureRole.AUTH_KEY_POSSESSION, f.auth, List.of())));
        ManagementFixture.Party serverOnly = ManagementFixture.authParty(f.root, "CN=DEV/GOV/1234/SS1, O=GOV", false,
                NOT_BEFORE);
        byte[] serverOnlyReg = ManagementRequestCodec.encode(new AuthCertRegistration(id(7), SIGNING_TIME,
                ManagementFixture.SERVER, "ss1.dev.example.org", serverOnly.der()));
        write(dir, "auth-cert-without-client-auth", raw(serverOnlyReg, owner,
                good(SignatureRole.AUTH_KEY_POSSESSION, serverOnly)));

        String canonical = new String(address, StandardCharsets.UTF_8);
        write(dir, "request-unknown-field", raw(canonical.replace("{\"address\"", "{\"admin\":true,\"address\"")
                .getBytes(StandardCharsets.UTF_8), owner));
        write(dir, "request-not-canonical", raw(canonical.replace(",", ", ").getBytes(StandardCharsets.UTF_8), owner));
    }

    private static RoleSignature good(SignatureRole role, ManagementFixture.Party party) {
        return new RoleSignature(role, party, party.goodOcsp(SIGNING_TIME));
    }

    /** An envelope over {@code request} exactly as given, signed per {@code signatures}, no rules applied. */
    private static SignedManagementRequest raw(byte[] request, RoleSignature... signatures) {
        List<ManagementSignature> out = new ArrayList<>();
        for (RoleSignature s : signatures) {
            out.add(new ManagementSignature(s.role(), new CadesSigner(s.party().credentials())
                    .sign(request, SIGNING_TIME, s.ocsp())));
        }
        return new SignedManagementRequest(request, out);
    }

    private static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    private static void write(Path dir, String name, SignedManagementRequest signed) throws Exception {
        Files.write(dir.resolve(name + ".json"), ManagementEnvelopeCodec.encode(signed));
    }

    private static String pem(ManagementFixture f) throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(f.root.certificate());
        }
        return pem.toString();
    }
}
