/*
 * SPDX-FileCopyrightText: © 2025 Jane Doe <jane@example.com>
 * SPDX-License-Identifier: (Apache-2.0 OR LicenseRef-Proprietary) */
int x;
