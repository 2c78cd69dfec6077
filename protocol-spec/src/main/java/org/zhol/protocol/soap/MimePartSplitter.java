// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Splits a {@code multipart/*} body (RFC 2046) into parts while it streams: each part's headers are
 * parsed, its body is handed out as a stream, and nothing is buffered beyond a window of a few
 * kilobytes, so attachments of any size pass through.
 *
 * <p>A delimiter is a line {@code --boundary}, optionally followed by spaces; {@code --boundary--} ends
 * the message. Lines may end in CRLF or LF. The preamble and epilogue are skipped.
 *
 * <p><b>Limits:</b> {@link SoapLimits#maxMimeHeaderBytes()} per part, {@link SoapLimits#maxMimeParts()}
 * parts. Faults: {@code MimeParsingFailed} for framing errors (no boundary, truncated, headers too
 * long, too many parts), {@code IOError} when the stream fails. Not thread-safe.
 */
public final class MimePartSplitter {

    private static final int MAX_PADDING = 64;

    private final InputStream in;
    private final SoapLimits limits;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean closed;
    private boolean partDone;
    private int parts;

    /** A splitter over {@code in}, which must start at the multipart body (or its preamble). */
    public MimePartSplitter(InputStream in, String boundary, SoapLimits limits) {
        this.in = in;
        this.limits = limits;
        this.delimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(8192, 4 * (delimiter.length + MAX_PADDING + 4))];
        buf[0] = '\n';
        limit = 1;
    }

    /** The next part, after skipping what is left of the previous one; empty after the last. */
    public Optional<MimePart> next() {
        skipPart();
        if (closed) {
            return Optional.empty();
        }
        partDone = false;
        if (++parts > limits.maxMimeParts()) {
            throw failed("The multipart message has more than " + limits.maxMimeParts() + " parts");
        }
        MimeHeaders headers = readHeaders();
        return Optional.of(new MimePart(parts - 1, headers, new PartStream(parts)));
    }

    private void skipPart() {
        byte[] sink = new byte[4096];
        while (readBody(sink, 0, sink.length) >= 0) {
            // Discard: a preamble, or the unread rest of a part.
        }
    }

    /**
     * Reads body bytes of the current part; -1 at its delimiter. A state machine over the window
     * {@code buf[pos, limit)}: emit what cannot belong to a delimiter, stop at a verified one, and
     * read more when a candidate cannot be judged yet.
     */
    int readBody(byte[] b, int off, int len) {
        if (partDone) {
            return -1;
        }
        while (true) {
            int from = pos;
            int i;
            int verdict = 0;
            while ((i = indexOf(delimiter, from)) >= 0 && (verdict = verifyDelimiter(i)) == 0) {
                from = i + 1;
            }
            if (i >= 0) {
                int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                if (verdict > 0 && end > pos) {
                    return emit(b, off, len, end);
                }
                if (verdict > 0) {
                    closed = isClosing(i);
                    pos = verdict;
                    partDone = true;
                    return -1;
                }
                if (end > pos) {
                    return emit(b, off, len, end);
                }
            } else if (limit - delimiter.length - MAX_PADDING - 4 > pos) {
                return emit(b, off, len, limit - delimiter.length - MAX_PADDING - 4);
            }
            if (!fill()) {
                throw failed("The multipart message ends before its closing boundary");
            }
        }
    }

    private boolean isClosing(int i) {
        int p = i + delimiter.length;
        return p + 1 < limit && buf[p] == '-' && buf[p + 1] == '-';
    }

    /** After the delimiter at {@code i}: the position past its line (> 0), 0 if it is not one, -1 if unsure. */
    private int verifyDelimiter(int i) {
        int p = i + delimiter.length;
        if (p + 2 > limit && !eof) {
            return -1;
        }
        if (isClosing(i)) {
            return p + 2;
        }
        int q = p;
        while (q < limit && q - p <= MAX_PADDING && (buf[q] == ' ' || buf[q] == '\t')) {
            q++;
        }
        if (q < limit && buf[q] == '\n') {
            return q + 1;
        }
        if (q + 1 < limit && buf[q] == '\r' && buf[q + 1] == '\n') {
            return q + 2;
        }
        if (q >= limit - 1 && !eof && q - p <= MAX_PADDING) {
            return -1;
        }
        return 0;
    }

    private int emit(byte[] b, int off, int len, int end) {
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private int indexOf(byte[] pattern, int from) {
        outer:
        for (int i = from; i <= limit - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buf[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Compacts the window and reads more; false at the end of the stream. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return limit > 0;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new ZholException(FaultCode.of(ErrorCode.IO_ERROR), Origin.CLIENT,
                    "Reading the multipart message failed", e);
        }
    }

    private MimeHeaders readHeaders() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int total = 0;
        while (true) {
            String line = readLine(limits.maxMimeHeaderBytes() - total);
            total += line.length() + 2;
            if (line.isEmpty()) {
                return new MimeHeaders(headers);
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.removeLast();
                headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw failed("Malformed MIME header line in part " + parts);
            }
            headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
    }

    private String readLine(int budget) {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (pos >= limit && !fill()) {
                throw failed("The multipart message ends inside the headers of part " + parts);
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            line.append((char) (c & 0xff));
            if (line.length() > budget) {
                throw failed("The MIME headers of part " + parts + " are longer than "
                        + limits.maxMimeHeaderBytes() + " bytes");
            }
        }
    }

    private static ZholException failed(String detail) {
        return ZholException.client(ErrorCode.MIME_PARSING_FAILED, detail);
    }

    /** The body of part {@code number}; it reads nothing once the splitter has moved on. */
    private final class PartStream extends InputStream {
        private final int number;

        PartStream(int number) {
            this.number = number;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (number != parts || len == 0) {
                return number != parts ? -1 : 0;
            }
            return readBody(b, off, len);
        }
    }
}
