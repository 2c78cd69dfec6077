// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.arch.ImportRules;

/**
 * The configuration client's boundaries: plain JDK HTTP out, files on disk (server-support's durable
 * writes), no server framework or database.
 */
class GlobalConfBoundaryTest {

    @Test
    void usesNoNettyNoDatabaseAndNoOtherSecurityServerPackage() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/securityserver/globalconf/", "io.netty.", "java.sql.",
                "org.zhol.server.http.", "org.zhol.server.store.", "org.zhol.server.admin.", "org.zhol.securityserver.config.", "org.zhol.securityserver.store.",
                "org.zhol.securityserver.admin.", "org.zhol.securityserver.registry.");
    }
}
