// SPDX-License-Identifier: MIT
/** Crash-safe file writes shared by both servers' on-disk stores. */
package org.zhol.server.files;
