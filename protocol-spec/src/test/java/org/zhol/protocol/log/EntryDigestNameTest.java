// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link EntryDigest#requireSafeName} accepts exactly the names its rule describes. */
class EntryDigestNameTest {

    /** The rule as written in the class comment, by regular expression and split. */
    private static boolean byRule(String name) {
        if (name.isEmpty() || name.length() > EntryDigest.MAX_NAME_LENGTH || !name.matches("[A-Za-z0-9._/-]+")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepted(String name) {
        try {
            EntryDigest.requireSafeName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void agreesWithTheRuleOnNamedCasesAndRandomNames() {
        String[] named = {"body", "META-INF/signature.p7s", "a/b/c", ".hidden", "..x", "x..", "a/./b", "a/../b", "/a",
            "a/", "a//b", ".", "..", "...", "./a", "a/..", "a b", "a\\\\b", "é", "a:b", "", "x".repeat(255),
            "x".repeat(256), "META-INF/zhol/record.txt", "-", "_/-"};
        for (String name : named) {
            assertThat(accepted(name)).as(name).isEqualTo(byRule(name));
        }
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab./-_Z9 \\\\:";
        int acceptedCount = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(0, 9);
            for (int j = 0; j < length; j++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = name.toString();
            assertThat(accepted(text)).as(text).isEqualTo(byRule(text));
            acceptedCount += accepted(text) ? 1 : 0;
        }
        assertThat(acceptedCount).as("the random names include accepted ones").isGreaterThan(1000);
    }
}
