// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;

/**
 * The process that {@link MessageLogCrashTest} kills: it logs records from eight threads without end
 * and prints {@code DURABLE leaf messageId sha256(body)} for every commit that returned.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** Arguments: JDBC URL, user, password, message log directory. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Database db = LogFixture.open(new DatabaseConfig(args[0], args[1], args[2], 8));
        MessageLog log = LogFixture.start(LogFixture.config(Path.of(args[3])), new SqlLogRecordRepository(db));
        LogFixture fixture = new LogFixture();
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    int n = next.getAndIncrement();
                    LogFixture.Message message = fixture.message("crash-" + n, Direction.REQUEST,
                            n % 5 == 0 ? 20_000 : 300);
                    LoggedRecord logged = LogFixture.log(log, message);
                    String line = "DURABLE " + logged.leafIndex() + " " + message.opening().messageId() + " "
                            + HexFormat.of().formatHex(EntryDigest.sha256(message.body()));
                    synchronized (out) {
                        out.println(line);
                    }
                }
            });
        }
        out.println("STARTED");
        Thread.currentThread().join();
    }
}
