// SPDX-License-Identifier: MIT
/** JMH micro-benchmarks of Zhol's hot path. Run with {@code ./zhol bench-jmh}. */
package org.zhol.bench;
