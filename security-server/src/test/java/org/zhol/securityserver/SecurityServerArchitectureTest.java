// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.arch.ImportRules;

/** Module boundaries of the security-server. */
class SecurityServerArchitectureTest {

    @Test
    void neverImportsTheOtherServer() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/org/zhol/", "org.zhol.centralserver.", "org.zhol.examples.");
    }

    @Test
    void onlyStoreImportsJavaSql() {
        for (String fragment : new String[] {"/registry/", "/admin/", "/config/", "/health/", "/cli/",
            "/securityserver/SecurityServer", "/registration/", "/central/", "/metaservice/", "/messagelog/"}) {
            ImportRules.assertNoImports(Path.of("src/main/java"), fragment, "java.sql.", "javax.sql.");
        }
    }

    @Test
    void accessDecisionsImportNoTransportOrStorage() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/registry/", "io.netty.", "org.zhol.server.http.",
                "org.zhol.server.store.");
    }

    @Test
    void registrationLogicImportsNoHttpOrStorage() {
        // The flows reach the central server through CentralServerClient (HTTPS in central/) and keep
        // requests behind store.RegistrationRequestRepository.
        ImportRules.assertNoImports(Path.of("src/main/java"), "/registration/", "java.net.http.", "javax.net.",
                "io.netty.", "org.zhol.server.http.", "org.zhol.server.store.", "org.zhol.securityserver.central.");
    }

    @Test
    void exchangeLogicImportsNoNetty() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/exchange/", "io.netty.");
    }

    @Test
    void theExchangeKnowsTheMessageLogOnlyThroughItsInterface() {
        // messagelog.ExchangeLogAdapter implements exchange.MessageLog; records and storage stay out of sight.
        ImportRules.assertNoImports(Path.of("src/main/java"), "/exchange/", "org.zhol.securityserver.messagelog.",
                "org.zhol.securityserver.store.Sql");
    }

    @Test
    void theMessageLogImportsNoTransport() {
        // Its only network peer is the TSA, reached through protocol-spec's TspClient.
        ImportRules.assertNoImports(Path.of("src/main/java"), "/messagelog/", "io.netty.", "org.zhol.server.http.",
                "java.net.");
    }

    @Test
    void metaservicesAreLogicOnly() {
        // Called from the exchange on its virtual threads: no transport, no SQL (the registry answers).
        ImportRules.assertNoImports(Path.of("src/main/java"), "/metaservice/", "io.netty.", "java.sql.", "javax.sql.",
                "org.zhol.server.http.", "org.zhol.server.store.", "org.zhol.securityserver.exchange.");
    }

    @Test
    void onlyTheTransportsImportNetty() {
        for (String fragment : new String[] {"/exchange/", "/registry/", "/signer/", "/globalconf/", "/ocsp/",
            "/health/", "/admin/", "/config/", "/cli/", "/store/"}) {
            ImportRules.assertNoImports(Path.of("src/main/java"), fragment, "io.netty.");
        }
    }

    @Test
    void theTransportsKnowOnlyTheExchangeInterfaces() {
        // Sockets, TLS and frames; the decisions come in through the exchange package's interfaces.
        ImportRules.assertNoImports(Path.of("src/main/java"), "/securityserver/net/", "java.sql.", "javax.sql.",
                "org.zhol.server.store.", "org.zhol.securityserver.store.", "org.zhol.securityserver.registry.",
                "org.zhol.securityserver.signer.", "org.zhol.securityserver.globalconf.");
    }

    @Test
    void theSignerMakesNoNetworkCalls() {
        // Keys and certificates come back after a restart from local files or the token alone.
        ImportRules.assertNoImports(Path.of("src/main/java"), "/signer/", "java.net.", "javax.net.", "io.netty.");
    }
}
