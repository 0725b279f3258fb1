// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: GPL-2.0+
int b;
