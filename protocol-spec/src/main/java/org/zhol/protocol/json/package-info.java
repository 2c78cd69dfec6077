// SPDX-License-Identifier: MIT
/**
 * Strict, canonical JSON for the small signed or framed documents of the protocol (management requests,
 * the transport's HELLO, heads, trailers and faults): one shared reader with duplicate-key, trailing-token
 * and nesting checks, a compact writer, and field accessors that fail with the caller's error code.
 * Pure functions; no I/O.
 */
package org.zhol.protocol.json;
