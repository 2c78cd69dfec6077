// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageMetadata;

/** Small shared steps of both proxies: message-id rules and bounded reads. */
final class Messages {

    private Messages() {
    }

    /**
     * Checks that the metadata record can carry {@code messageId}: 1 to 255 characters, no control characters.
     *
     * @throws ZholException {@code BadRequest} otherwise
     */
    static void checkMessageId(String messageId) {
        if (messageId.isEmpty() || messageId.length() > MessageMetadata.MAX_MESSAGE_ID_LENGTH
                || messageId.chars().anyMatch(Character::isISOControl)) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The message id '" + Faults.excerpt(messageId)
                    + "' is empty, longer than " + MessageMetadata.MAX_MESSAGE_ID_LENGTH
                    + " characters or has control characters");
        }
    }

    /** Reads up to {@code max} bytes, fewer only at the end of {@code in}. */
    static byte[] readUpTo(InputStream in, int max) {
        try {
            byte[] buffer = new byte[max];
            int n = 0;
            while (n < max) {
                int r = in.read(buffer, n, max - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return n == max ? buffer : Arrays.copyOf(buffer, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
