// SPDX-License-Identifier: MIT
/** The central-server of Zhol. See ARCHITECTURE.md for its parts; they arrive issue by issue. */
package org.zhol.centralserver;
