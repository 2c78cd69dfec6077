// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.arch.ImportRules;

/** Module boundaries of the central-server. */
class CentralServerArchitectureTest {

    @Test
    void neverImportsTheOtherServer() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/org/zhol/", "org.zhol.securityserver.", "org.zhol.examples.");
    }

    @Test
    void exchangeLogicImportsNoNetty() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/exchange/", "io.netty.");
    }

    @Test
    void onlyStoreImportsJavaSql() {
        for (String pkg : new String[] {"/centralserver/config/", "/centralserver/registry/", "/centralserver/admin/",
                "/centralserver/cli/", "/centralserver/management/", "/centralserver/globalconf/"}) {
            ImportRules.assertNoImports(Path.of("src/main/java"), pkg, "java.sql.", "javax.sql.");
        }
        ImportRules.assertNoImports(Path.of("src/main/java/org/zhol/centralserver"), "/CentralServer", "java.sql.");
    }

    @Test
    void registryAndStoreImportNoNettyOrHttp() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/centralserver/registry/", "io.netty.",
                "org.zhol.server.http.", "org.zhol.centralserver.admin.");
        ImportRules.assertNoImports(Path.of("src/main/java"), "/centralserver/store/", "io.netty.",
                "org.zhol.server.http.", "org.zhol.centralserver.registry.", "org.zhol.centralserver.management.");
    }
}
