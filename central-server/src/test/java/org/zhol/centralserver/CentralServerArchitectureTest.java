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
}
