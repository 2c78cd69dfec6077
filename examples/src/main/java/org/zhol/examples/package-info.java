// SPDX-License-Identifier: MIT
/** The sandbox federation, development trust services and runnable examples. */
package org.zhol.examples;
