// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Counts the bytes pulled through it and, while armed, refuses to go past a budget. The header reader
 * arms it for the envelope head and disarms it once the body is reached, so a large body still
 * streams through the same parser.
 */
final class BudgetInputStream extends FilterInputStream {

    private long limit;
    private long count;
    private boolean exceeded;

    BudgetInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    /** Lifts the budget: the rest of the stream is read without a bound. */
    void disarm() {
        limit = Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (count >= limit) {
            exceeded = true;
            throw new IOException("SOAP header budget exceeded");
        }
        int n = super.read(b, off, (int) Math.min(len, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return super.skip(Math.min(n, Math.max(0, limit - count)));
    }

    /**
     * Turns a parser failure into a fault: {@code InvalidSoap}, with a detail that names the header
     * budget when that is what stopped the parser, or the parser's own message otherwise.
     */
    ZholException translate(Exception e) {
        if (e instanceof ZholException z) {
            return z;
        }
        if (exceeded) {
            return ZholException.client(ErrorCode.INVALID_SOAP,
                    "The SOAP header is larger than " + limit + " bytes");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ZholException(FaultCode.of(ErrorCode.INVALID_SOAP), Origin.CLIENT,
                "Malformed SOAP message: " + Faults.excerpt(oneLine(message)), e);
    }

    private static String oneLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
