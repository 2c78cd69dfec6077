// SPDX-License-Identifier: MIT
/** What both servers share and the protocol must not know. See docs/adr/0001-server-support-module.md. */
package org.zhol.server;
